import { afterEach, describe, expect, it } from "vitest";
import {
  addDays,
  DEFAULT_TIME_ZONE,
  daysBetween,
  isTimeZone,
  mondayOf,
  officeDate,
  officeDay,
  officeInstant,
  officeTime,
  officeTimeZone,
  officeYear,
  parseDay,
  zoneOffsetMs,
} from "../src/index.ts";

const at = (iso: string) => new Date(iso);
const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe("the office's time zone", () => {
  it("is TZ, or Asia/Shanghai when TZ is unset or blank", () => {
    delete process.env.TZ;
    expect(officeTimeZone()).toBe(DEFAULT_TIME_ZONE);
    process.env.TZ = " ";
    expect(officeTimeZone()).toBe("Asia/Shanghai");
    process.env.TZ = "Asia/Urumqi";
    expect(officeTimeZone()).toBe("Asia/Urumqi");
    // Read at each call, so a deployment's TZ governs every date it writes.
    expect(officeDay(at("2026-12-07T20:30:00Z"))).toBe("2026-12-08");
  });

  it("knows real zones and refuses made-up ones", () => {
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("+08:00")).toBe(true);
    expect(isTimeZone("Asia/Beijing")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(() => zoneOffsetMs(at("2026-01-01T00:00:00Z"), "Mars/Olympus")).toThrow(/unknown time zone "Mars\/Olympus"/);
  });
});

describe("dates and times in the office's zone", () => {
  it("puts 00:00–08:00 Beijing time on the Beijing date, not the UTC one", () => {
    // 2026-12-07 23:30 UTC is 07:30 on 8 December in Nanchang: the file of that morning says the 8th.
    const morning = at("2026-12-07T23:30:00Z");
    expect(officeDay(morning, "Asia/Shanghai")).toBe("2026-12-08");
    expect(morning.toISOString().slice(0, 10)).toBe("2026-12-07");
    expect(officeTime(morning, "Asia/Shanghai")).toBe("07:30");
    expect(officeDate(morning, "Asia/Shanghai").toISOString()).toBe("2026-12-08T00:00:00.000Z");
    expect(officeDay(at("2026-12-08T15:59:59Z"), "Asia/Shanghai")).toBe("2026-12-08");
    expect(officeDay(at("2026-12-08T16:00:00Z"), "Asia/Shanghai")).toBe("2026-12-09");
    expect(officeYear(at("2026-12-31T16:00:00Z"), "Asia/Shanghai")).toBe(2027);
  });

  it("follows daylight saving where the zone has it", () => {
    // Berlin: UTC+1 in winter, UTC+2 from 29 March 2026 02:00.
    expect(zoneOffsetMs(at("2026-01-15T12:00:00Z"), "Europe/Berlin")).toBe(3_600_000);
    expect(zoneOffsetMs(at("2026-07-15T12:00:00Z"), "Europe/Berlin")).toBe(7_200_000);
    expect(officeTime(at("2026-07-15T22:30:00Z"), "Europe/Berlin")).toBe("00:30");
    expect(officeDay(at("2026-07-15T22:30:00Z"), "Europe/Berlin")).toBe("2026-07-16");
    expect(officeInstant(parseDay("2026-03-29")!, 0, "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(officeInstant(parseDay("2026-03-29")!, 12 * 60, "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T10:00:00.000Z",
    );
  });

  it("turns an office wall-clock time back into the instant", () => {
    const day = parseDay("2022-06-15")!;
    expect(officeInstant(day, 0, "Asia/Shanghai").toISOString()).toBe("2022-06-14T16:00:00.000Z");
    expect(officeInstant(day, 8 * 60 + 30, "Asia/Shanghai").toISOString()).toBe("2022-06-15T00:30:00.000Z");
    expect(officeInstant(day, 24 * 60, "Asia/Shanghai").toISOString()).toBe("2022-06-15T16:00:00.000Z");
    // Any time of day on the date-only value is dropped.
    expect(officeInstant(at("2022-06-15T13:45:00Z"), 0, "Asia/Shanghai")).toEqual(
      officeInstant(day, 0, "Asia/Shanghai"),
    );
    for (const zone of ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "Asia/Kolkata"]) {
      const instant = officeInstant(day, 10 * 60 + 15, zone);
      expect(officeDay(instant, zone), zone).toBe("2022-06-15");
      expect(officeTime(instant, zone), zone).toBe("10:15");
    }
  });
});

describe("calendar days", () => {
  it("parses, counts and steps whole days", () => {
    expect(parseDay("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseDay("2023-02-29")).toBe(null);
    expect(parseDay("bad")).toBe(null);
    expect(parseDay("2021-03-31T16:00:00Z")?.toISOString()).toBe("2021-03-31T00:00:00.000Z");
    expect(daysBetween(parseDay("2021-03-20")!, parseDay("2021-03-31")!)).toBe(11);
    expect(addDays(parseDay("2020-12-31")!, 1).toISOString().slice(0, 10)).toBe("2021-01-01");
    // 2026-12-08 is a Tuesday; its week starts on Monday the 7th, a Sunday's on the Monday before.
    expect(mondayOf(parseDay("2026-12-08")!).toISOString().slice(0, 10)).toBe("2026-12-07");
    expect(mondayOf(parseDay("2026-12-13")!).toISOString().slice(0, 10)).toBe("2026-12-07");
    expect(mondayOf(parseDay("2026-12-07")!).toISOString().slice(0, 10)).toBe("2026-12-07");
  });
});
