// Targets and their progress through the API (SPEC §2 rule 4): the seeded parking targets, actuals
// that are the registry's own numbers, breakdowns that add up, expected progress and on-track at
// the edges of a date, the SQL cost of a whole province, scope, and setTarget's rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenClaims } from "../src/auth.ts";
import { resultOrRefusal, type TestApi, testApi } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

type Progress = {
  region: { code: string };
  year: number | null;
  target: number | null;
  actual: number | null;
  progress: number | null;
  expectedProgress: number;
  onTrack: boolean | null;
  breakdownTargetGap: number | null;
  breakdown: Progress[];
  byYear: Progress[];
};
const fields = "region { code } year target actual progress expectedProgress onTrack breakdownTargetGap";
const progressQuery = `query ($metric: TargetMetric!, $region: String!, $year: Int, $from: Int, $to: Int, $asOf: Date) {
  targetProgress(metric: $metric, regionCode: $region, year: $year, fromYear: $from, toYear: $to, asOf: $asOf) {
    ${fields} byYear { ${fields} } breakdown { ${fields} breakdown { ${fields} } }
  }
}`;
async function progressOf(vars: Record<string, unknown>, token?: Partial<TokenClaims>) {
  const r = await t.gql<{ targetProgress: Progress | null }>(
    progressQuery,
    { metric: "NEW_PARKING_SPACES", ...vars },
    token,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.targetProgress;
}
const sum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

/** Every shelter the `shelters` query returns for a region, page by page. */
async function sheltersOf(regionCode: string) {
  const rows: { parkingSpaces: number; parkingOpenedOn: string | null }[] = [];
  let after: string | null = null;
  for (;;) {
    const r: {
      data?: {
        shelters: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: (typeof rows)[0] }[] };
      };
    } = await t.gql(
      `query ($f: ShelterFilter, $after: String) { shelters(filter: $f, first: 100, after: $after) {
          pageInfo { hasNextPage endCursor } edges { node { parkingSpaces parkingOpenedOn } } } }`,
      { f: { regionCode }, after },
    );
    rows.push(...r.data!.shelters.edges.map((e) => e.node));
    if (!r.data!.shelters.pageInfo.hasNextPage) return rows;
    after = r.data!.shelters.pageInfo.endCursor;
  }
}

describe("the seeded parking targets", () => {
  it("are 30000, 30000 and 40000 for the province, 100000 over 2020–2022, split across the 11 cities", async () => {
    const range = (await progressOf({ region: "360000", from: 2020, to: 2022 }))!;
    expect(range.year).toBeNull();
    expect(range.target).toBe(100000);
    expect(range.byYear.map((y) => [y.year, y.target])).toEqual([
      [2020, 30000],
      [2021, 30000],
      [2022, 40000],
    ]);
    expect(range.breakdown).toHaveLength(11);
    expect(range.breakdownTargetGap).toBe(0);
    for (const y of range.byYear) expect(y.breakdownTargetGap).toBe(0);
    expect(range.actual).toBe(sum(range.byYear.map((y) => y.actual)));
  });

  it("have actuals equal to the parking spaces of the shelters the shelter query returns, near but not on target", async () => {
    const province = await sheltersOf("360000");
    const jingdezhen = await sheltersOf("360200");
    for (const year of [2020, 2021, 2022]) {
      const expected = (rows: typeof province) =>
        sum(rows.filter((s) => s.parkingOpenedOn?.startsWith(String(year))).map((s) => s.parkingSpaces));
      const p = (await progressOf({ region: "360000", year }))!;
      expect(p.actual).toBe(expected(province));
      expect((await progressOf({ region: "360200", year }))!.actual).toBe(expected(jingdezhen));
      if (year < 2022) {
        expect(p.actual).not.toBe(p.target);
        expect(Math.abs(p.progress! - 1)).toBeLessThan(0.1);
      }
    }
  });

  it("break down by city and by county, each level summing to the one above", async () => {
    const p = (await progressOf({ region: "360000", from: 2020, to: 2022 }))!;
    expect(p.breakdown.map((c) => c.region.code)).toEqual(
      ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"].map((n) => `36${n}00`),
    );
    expect(sum(p.breakdown.map((c) => c.actual))).toBe(p.actual);
    expect(sum(p.breakdown.map((c) => c.target))).toBe(p.target);
    for (const city of p.breakdown) {
      expect(city.breakdown.length).toBeGreaterThanOrEqual(2);
      expect(sum(city.breakdown.map((c) => c.actual))).toBe(city.actual);
      for (const county of city.breakdown) expect(county.region.code.slice(0, 4)).toBe(city.region.code.slice(0, 4));
    }
  });

  it("cost a few SQL statements for the whole province with cities and counties, not one per region", async () => {
    t.queries.reset();
    await t.gql(`{ targetProgress(metric: NEW_PARKING_SPACES, regionCode: "360000", year: 2021) { actual } }`);
    const alone = t.queries.count;
    t.queries.reset();
    await progressOf({ region: "360000", from: 2020, to: 2022 });
    expect(t.queries.count).toBe(alone);
    expect(t.queries.count).toBeLessThanOrEqual(3);
    expect(t.queries.log.filter((q) => q.includes("GROUP BY"))).toHaveLength(1);
  });
});

describe("rate metrics", () => {
  it("count census coverage, early-work survey coverage and hazard closure from the registry", async () => {
    const p = t.database.prisma;
    const q = `query ($m: TargetMetric!, $y: Int) { targetProgress(metric: $m, regionCode: "360400", year: $y) { actual numerator denominator target breakdown { numerator denominator } } }`;
    type R = {
      targetProgress: {
        actual: number;
        numerator: number;
        denominator: number;
        breakdown: { numerator: number; denominator: number }[];
      };
    };
    const census = (await t.gql<R>(q, { m: "CENSUS_COVERAGE", y: 2021 })).data!.targetProgress;
    const all = await p.shelter.count({ where: { cityCode: "360400" } });
    const surveyed = await p.shelter.count({
      where: { cityCode: "360400", censusStatus: { in: ["SURVEYED", "VERIFIED"] } },
    });
    expect([census.numerator, census.denominator]).toEqual([surveyed, all]);
    expect(census.actual).toBeCloseTo(surveyed / all, 12);
    expect(sum(census.breakdown.map((b) => b.denominator))).toBe(all);

    const early = (await t.gql<R>(q, { m: "EARLY_WORK_SURVEY_COVERAGE", y: 2020 })).data!.targetProgress;
    expect(early.denominator).toBe(await p.shelter.count({ where: { cityCode: "360400", isEarlyWork: true } }));

    const closure = (await t.gql<R>(q, { m: "HAZARD_CLOSURE_RATE", y: 2021 })).data!.targetProgress;
    const found = { cityCode: "360400", discoveredOn: { gte: new Date("2021-01-01"), lt: new Date("2022-01-01") } };
    expect(closure.denominator).toBe(await p.hazard.count({ where: found }));
    expect(closure.numerator).toBe(await p.hazard.count({ where: { ...found, status: "CLOSED" } }));
  });
});

describe("expected progress and on-track at a date", () => {
  const county = "360203"; // 珠山区
  beforeAll(async () => {
    const model = await t.database.prisma.shelter.findFirstOrThrow({ where: { regionCode: county } });
    const { id: _id, code: _code, createdAt: _c, updatedAt: _u, ...rest } = model;
    // Half of a 2030 target opens on 1 July 2030, the 182nd of 365 days.
    await t.database.prisma.shelter.create({
      data: {
        ...rest,
        code: "RF-TEST-2030",
        parkingSpaces: 500,
        parkingOpenedOn: new Date("2030-07-01"),
        parkingOpenedYear: 2030,
      },
    });
    await t.database.prisma.target.create({
      data: { metric: "NEW_PARKING_SPACES", regionCode: county, year: 2030, value: 1000 },
    });
  });

  it("is on track on the opening day itself and behind the day after", async () => {
    const at = async (asOf: string) => (await progressOf({ region: county, year: 2030, asOf }))!;
    const before = await at("2030-06-30");
    expect([before.actual, before.expectedProgress, before.onTrack]).toEqual([0, 181 / 365, false]);
    const day = await at("2030-07-01");
    expect([day.actual, day.progress, day.expectedProgress, day.onTrack]).toEqual([500, 0.5, 182 / 365, true]);
    const after = await at("2030-07-02");
    expect([after.expectedProgress, after.onTrack]).toEqual([183 / 365, false]);
  });

  it("expects nothing before the year and everything after it (Jan 1 and Dec 31)", async () => {
    const at = async (asOf: string) => (await progressOf({ region: county, year: 2030, asOf }))!;
    expect(await at("2029-12-31")).toMatchObject({ actual: 0, expectedProgress: 0, onTrack: true });
    expect(await at("2030-01-01")).toMatchObject({ expectedProgress: 1 / 365, onTrack: false });
    expect(await at("2030-12-31")).toMatchObject({ expectedProgress: 1, onTrack: false });
    expect(await at("2031-01-01")).toMatchObject({ actual: 500, expectedProgress: 1, onTrack: false });
  });
});

describe("scope", () => {
  const nanchang = { role: "CITY_OFFICER" as const, regionCode: "360100", subject: "P-test-nc" };

  it("gives a city officer its own city with its counties, and nothing of the province or other cities", async () => {
    const own = (await progressOf({ region: "360100", year: 2021 }, nanchang))!;
    const admin = (await progressOf({ region: "360100", year: 2021 }))!;
    expect(own).toEqual(admin);
    for (const c of own.breakdown) expect(c.region.code.slice(0, 4)).toBe("3601");
    expect(await progressOf({ region: "360000", year: 2021 }, nanchang)).toBeNull();
    expect(await progressOf({ region: "360700", year: 2021 }, nanchang)).toBeNull();
    const list = await t.gql<{ targets: { totalCount: number; edges: { node: { region: { code: string } } }[] } }>(
      `{ targets(first: 100) { totalCount edges { node { region { code } } } } }`,
      {},
      nanchang,
    );
    expect(list.data!.targets.totalCount).toBe(3);
    expect(new Set(list.data!.targets.edges.map((e) => e.node.region.code))).toEqual(new Set(["360100"]));
  });

  it("shows PUBLIC widgets the province's progress", async () => {
    expect((await progressOf({ region: "360000", year: 2020 }, undefined))!.target).toBe(30000);
  });

  it("refuses a missing or inverted year range with a typed error", async () => {
    const r = await t.gql(progressQuery, { metric: "NEW_PARKING_SPACES", region: "360000", from: 2022, to: 2020 });
    expect(r.errors?.[0].extensions).toMatchObject({ code: "VALIDATION", field: "toYear", rule: "order" });
    const none = await t.gql(progressQuery, { metric: "NEW_PARKING_SPACES", region: "360000" });
    expect(none.errors?.[0].extensions).toMatchObject({ code: "VALIDATION", field: "year", rule: "required" });
  });
});

describe("setTarget", () => {
  const set = `mutation ($input: SetTargetInput!) { setTarget(input: $input) {
    __typename ... on TargetPayload { target { value year region { code } } } ... on Error { code } ... on ValidationError { field rule } } }`;
  type R = { setTarget: { __typename: string; field?: string; rule?: string; target?: { value: number } } };
  const gap = async () => (await progressOf({ region: "360200", year: 2031 }))!.breakdownTargetGap;

  it("says by how much a city's breakdown misses its target", async () => {
    const admin = {};
    const city = { role: "CITY_OFFICER" as const, regionCode: "360200", subject: "P-test-jdz" };
    expect(
      (
        await t.gql<R>(
          set,
          { input: { metric: "NEW_PARKING_SPACES", regionCode: "360200", year: 2031, value: 1000 } },
          admin,
        )
      ).data!.setTarget.__typename,
    ).toBe("TargetPayload");
    expect(await gap()).toBeNull();
    for (const [regionCode, value] of [
      ["360202", 400],
      ["360203", 500],
    ] as const) {
      const r = await t.gql<R>(set, { input: { metric: "NEW_PARKING_SPACES", regionCode, year: 2031, value } }, city);
      expect(r.data!.setTarget.target?.value).toBe(value);
    }
    expect(await gap()).toBe(100);
    await t.gql<R>(
      set,
      { input: { metric: "NEW_PARKING_SPACES", regionCode: "360222", year: 2031, value: 200 } },
      city,
    );
    expect(await gap()).toBe(-100);
    const audit = await t.database.prisma.auditLog.count({ where: { operation: "setTarget" } });
    expect(audit).toBe(4);
  });

  it("refuses bad values and the wrong office, writing nothing", async () => {
    const before = await t.database.prisma.target.count();
    const bad = async (input: Record<string, unknown>, token: Partial<TokenClaims> = {}) =>
      resultOrRefusal(
        await t.gql<R>(
          set,
          { input: { metric: "NEW_PARKING_SPACES", regionCode: "360100", year: 2032, value: 10, ...input } },
          token,
        ),
        "setTarget",
      );
    expect(await bad({ metric: "CENSUS_COVERAGE", value: 1.5 })).toMatchObject({
      __typename: "ValidationError",
      field: "value",
      rule: "range",
    });
    expect(await bad({ value: -1 })).toMatchObject({ __typename: "ValidationError", field: "value", rule: "range" });
    expect(await bad({ year: 1999 })).toMatchObject({ __typename: "ValidationError", field: "year", rule: "range" });
    expect(await bad({ regionCode: "369900" })).toMatchObject({
      __typename: "ValidationError",
      field: "regionCode",
      rule: "exists",
    });
    expect(await bad({ campaignCode: "JX-RF-2020-2022" })).toMatchObject({
      __typename: "ValidationError",
      field: "year",
      rule: "within",
    });
    // A city's own target comes from the province; other cities' and PUBLIC/ANALYST are refused too.
    expect(await bad({}, { role: "CITY_OFFICER" as const, regionCode: "360100" })).toMatchObject({
      __typename: "ForbiddenError",
    });
    expect(await bad({ regionCode: "360702" }, { role: "CITY_OFFICER" as const, regionCode: "360100" })).toMatchObject({
      __typename: "ForbiddenError",
    });
    expect(await bad({}, { role: "ANALYST" as const })).toMatchObject({ __typename: "ForbiddenError" });
    expect(await t.database.prisma.target.count()).toBe(before);
  });
});
