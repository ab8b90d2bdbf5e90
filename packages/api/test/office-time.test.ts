// Dates the API writes follow the offices' time zone (TZ, default Asia/Shanghai), not UTC: an
// export made at 07:30 Beijing time carries that day's date in its file name and title row, the
// same date the widgets put on the file (both call @renfang/office-time).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";
import { type TestApi, testApi } from "./helpers.ts";

/** 2022-06-15 23:30 UTC: 07:30 on 16 June in Nanchang, 08:30 on the 16th in Tokyo. */
const MORNING = new Date("2022-06-15T23:30:00Z");
/** 2022-06-15 15:30 UTC: 23:30 on the 15th in Nanchang, 00:30 on the 16th in Tokyo. */
const LATE_EVENING = new Date("2022-06-15T15:30:00Z");

let clock = MORNING;
let t: TestApi;
beforeAll(async () => {
  t = await testApi({ api: { now: () => clock } });
});
afterAll(() => t?.drop());
const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

async function exported(path: string) {
  const res = await t.api.fetch(`http://yoga${path}`, { headers: { authorization: "" } });
  expect(res.status).toBe(200);
  const text = (await res.text()).replace(/^\ufeff/, "");
  return { disposition: res.headers.get("content-disposition") ?? "", title: text.split("\r\n")[0] };
}

describe("dates in the offices' time zone", () => {
  it("names and titles an export made before 08:00 Beijing time with the Beijing date", async () => {
    delete process.env.TZ;
    clock = MORNING;
    const zh = await exported("/export/hazards.csv?regionCode=360100&columns=code");
    expect(decodeURIComponent(zh.disposition)).toContain("隐患台账-360100-2022-06-16.csv");
    expect(zh.title).toMatch(/导出日期：2022-06-16$/);
    const en = await exported("/export/shelters.csv?regionCode=360100&columns=code&lang=en");
    expect(en.disposition).toContain('filename="shelters-360100-2022-06-16.csv"');
    expect(en.title).toMatch(/Exported 2022-06-16$/);
  });

  it("follows TZ when the deployment sets one", async () => {
    clock = LATE_EVENING;
    delete process.env.TZ;
    expect((await exported("/export/hazards.csv?regionCode=360100&columns=code")).title).toMatch(/2022-06-15$/);
    process.env.TZ = "Asia/Tokyo";
    expect((await exported("/export/hazards.csv?regionCode=360100&columns=code")).title).toMatch(/2022-06-16$/);
  });

  it("judges overdue against the offices' today", async () => {
    // A hazard due on 15 June is overdue on the morning of the 16th in Nanchang (still the 15th in UTC).
    delete process.env.TZ;
    clock = MORNING;
    const due = await t.database.prisma.hazard.findFirstOrThrow({
      where: { status: { in: ["REPORTED", "RECTIFYING"] }, deadline: new Date("2022-06-15T00:00:00Z") },
    });
    const r = await t.gql<{ hazard: { isOverdue: boolean; overdueDays: number } }>(
      `query ($code: String!) { hazard(code: $code) { isOverdue overdueDays } }`,
      { code: due.code },
      { role: "ANALYST" },
    );
    expect(r.data!.hazard).toEqual({ isOverdue: true, overdueDays: 1 });
  });
});

describe("TZ in the configuration", () => {
  it("defaults to Asia/Shanghai and refuses unknown zones and zones west of UTC, naming TZ", () => {
    expect(loadConfig({ DATA_DIR: "/tmp/rf-x" }).timeZone).toBe("Asia/Shanghai");
    expect(loadConfig({ DATA_DIR: "/tmp/rf-x", TZ: "Asia/Urumqi" }).timeZone).toBe("Asia/Urumqi");
    expect(() => loadConfig({ TZ: "Asia/Beijing" })).toThrow(ConfigError);
    expect(() => loadConfig({ TZ: "Asia/Beijing" })).toThrow(/^TZ: must be an IANA time zone such as Asia\/Shanghai/);
    expect(() => loadConfig({ TZ: "America/New_York" })).toThrow(/^TZ: must be a time zone at or east of UTC/);
  });
});
