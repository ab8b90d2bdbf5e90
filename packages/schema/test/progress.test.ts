// Target progress and report timeliness at the edges of the calendar (SPEC §2 rules 4–5).
import { describe, expect, it } from "vitest";
import {
  chinaDate,
  dayEnd,
  dayStart,
  daysLate,
  expectedProgress,
  onTrack,
  progress,
  timeliness,
  yearElapsed,
} from "../src/rules/progress.ts";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** An instant given in China time. */
const cst = (iso: string) => new Date(`${iso}+08:00`);

describe("yearElapsed", () => {
  it("counts Jan 1 as its first day and Dec 31 as the whole year", () => {
    expect(yearElapsed(2021, d("2021-01-01"))).toBe(1 / 365);
    expect(yearElapsed(2021, d("2021-12-31"))).toBe(1);
    expect(yearElapsed(2021, d("2021-07-02"))).toBe(183 / 365);
  });

  it("knows leap years", () => {
    expect(yearElapsed(2020, d("2020-01-01"))).toBe(1 / 366);
    expect(yearElapsed(2020, d("2020-02-29"))).toBe(60 / 366);
    expect(yearElapsed(2020, d("2020-03-01"))).toBe(61 / 366);
    expect(yearElapsed(2020, d("2020-12-31"))).toBe(1);
  });

  it("is 0 for a future year and 1 for a past one", () => {
    expect(yearElapsed(2022, d("2021-12-31"))).toBe(0);
    expect(yearElapsed(2020, d("2021-01-01"))).toBe(1);
    expect(yearElapsed(2019, d("2022-06-15"))).toBe(1);
  });
});

describe("expectedProgress", () => {
  it("is the share of a single year elapsed", () => {
    expect(expectedProgress([2021], d("2021-07-02"))).toBe(183 / 365);
    expect(expectedProgress([2021], d("2021-07-02"), [30000])).toBeCloseTo(183 / 365, 12);
  });

  it("weighs a range by its yearly targets", () => {
    // 2020 over, 2021 half over, 2022 not begun: (30000 + 30000 × 182/365) / 100000
    const asOf = d("2021-07-01");
    expect(expectedProgress([2020, 2021, 2022], asOf, [30000, 30000, 40000])).toBeCloseTo(
      (30000 + (30000 * 182) / 365) / 100000,
      12,
    );
    expect(expectedProgress([2020, 2021, 2022], d("2020-12-31"), [30000, 30000, 40000])).toBeCloseTo(0.3, 12);
    expect(expectedProgress([2020, 2021, 2022], d("2022-12-31"), [30000, 30000, 40000])).toBe(1);
  });

  it("weighs a range by days when a year has no target", () => {
    expect(expectedProgress([2020, 2021], d("2020-12-31"), [30000, null])).toBe(366 / 731);
    expect(expectedProgress([2020, 2021], d("2019-06-01"))).toBe(0);
  });
});

describe("progress and onTrack", () => {
  it("is actual / target, null without a positive target", () => {
    expect(progress(15000, 30000)).toBe(0.5);
    expect(progress(15000, null)).toBeNull();
    expect(progress(15000, 0)).toBeNull();
    expect(progress(null, 1)).toBeNull();
  });

  it("is on track exactly at the expected progress and behind just under it", () => {
    expect(onTrack(0.5, 0.5)).toBe(true);
    expect(onTrack(0.4999, 0.5)).toBe(false);
    expect(onTrack(progress(30000 * (183 / 365), 30000), yearElapsed(2021, d("2021-07-02")))).toBe(true);
    expect(onTrack(null, 0.5)).toBeNull();
  });

  it("is on track in a future year with nothing done yet, and behind on Dec 31 short of the target", () => {
    expect(onTrack(progress(0, 40000), yearElapsed(2022, d("2021-12-31")))).toBe(true);
    expect(onTrack(progress(29999, 30000), yearElapsed(2021, d("2021-12-31")))).toBe(false);
    expect(onTrack(progress(30000, 30000), yearElapsed(2021, d("2021-12-31")))).toBe(true);
  });
});

describe("China calendar days", () => {
  it("maps instants to their China date and back", () => {
    expect(chinaDate(cst("2020-09-30T23:59:59")).toISOString()).toBe("2020-09-30T00:00:00.000Z");
    expect(chinaDate(cst("2020-10-01T00:00:00")).toISOString()).toBe("2020-10-01T00:00:00.000Z");
    expect(dayStart(d("2020-09-30")).getTime()).toBe(cst("2020-09-30T00:00:00").getTime());
    expect(dayEnd(d("2020-09-30")).getTime()).toBe(cst("2020-10-01T00:00:00").getTime());
  });
});

describe("timeliness", () => {
  const due = d("2020-09-30");

  it("is ON_TIME when submitted on the due date itself, up to its last second", () => {
    expect(timeliness(due, cst("2020-09-30T23:59:59"), d("2020-10-15"))).toBe("ON_TIME");
    expect(timeliness(due, cst("2020-09-12T10:00:00"), d("2020-09-30"))).toBe("ON_TIME");
  });

  it("is LATE when submitted the day after", () => {
    expect(timeliness(due, cst("2020-10-01T00:00:00"), d("2020-10-01"))).toBe("LATE");
    expect(daysLate(due, cst("2020-10-01T09:00:00"), d("2020-12-01"))).toBe(1);
  });

  it("is PENDING on the due date without a report and MISSING the day after", () => {
    expect(timeliness(due, null, d("2020-09-30"))).toBe("PENDING");
    expect(timeliness(due, null, d("2020-10-01"))).toBe("MISSING");
    expect(daysLate(due, null, d("2020-10-01"))).toBe(1);
    expect(daysLate(due, null, d("2020-09-30"))).toBe(0);
  });

  it("judges at asOf: a later submission has not happened yet", () => {
    const late = cst("2020-10-20T10:00:00");
    expect(timeliness(due, late, d("2020-10-10"))).toBe("MISSING");
    expect(timeliness(due, late, d("2020-10-20"))).toBe("LATE");
    expect(timeliness(due, cst("2020-09-29T10:00:00"), d("2020-09-28"))).toBe("PENDING");
    expect(daysLate(due, late, d("2020-10-10"))).toBe(10);
    expect(daysLate(due, late, d("2020-11-10"))).toBe(20);
  });

  it("handles a Dec 31 deadline across the year boundary in a leap year", () => {
    const dec31 = d("2020-12-31");
    expect(timeliness(dec31, cst("2020-12-31T18:00:00"), d("2021-01-05"))).toBe("ON_TIME");
    expect(timeliness(dec31, cst("2021-01-01T08:00:00"), d("2021-01-05"))).toBe("LATE");
    expect(timeliness(dec31, null, d("2021-01-01"))).toBe("MISSING");
  });
});
