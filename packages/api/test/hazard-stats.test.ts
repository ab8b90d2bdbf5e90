// hazardStats agrees with the ledger on the demo data: for any filter the group totals add up to
// hazards(filter).totalCount and `overdue` to hazards(filter + overdue).totalCount at the same
// asOf; each group's own numbers match the ledger filtered to that group; and it costs a fixed
// number of SQL statements however many hazards there are.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, city } from "./hazard-helpers.ts";
import { type TestApi, testApi } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

interface Group {
  key: string;
  label: string;
  parts: { groupBy: string; key: string; label: string }[];
  total: number;
  open: number;
  closed: number;
  overdue: number;
  closureRate: number | null;
}

const statsQuery = `query ($filter: HazardFilter, $groupBy: [HazardStatsGroupBy!], $asOf: Date) {
  hazardStats(filter: $filter, groupBy: $groupBy, asOf: $asOf) { key label parts { groupBy key label } total open closed overdue closureRate }
}`;

async function stats(filter: object, groupBy: string[], asOf?: string, token: object | null = admin): Promise<Group[]> {
  const r = await t.gql<{ hazardStats: Group[] }>(statsQuery, { filter, groupBy, asOf }, token);
  expect(r.errors).toBeUndefined();
  return r.data!.hazardStats;
}

async function total(filter: object, token: object | null = admin): Promise<number> {
  const r = await t.gql<{ hazards: { totalCount: number } }>(
    `query ($f: HazardFilter) { hazards(filter: $f, first: 1) { totalCount } }`,
    { f: filter },
    token,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.hazards.totalCount;
}

const sum = (groups: Group[], k: "total" | "overdue" | "open" | "closed") => groups.reduce((n, g) => n + g[k], 0);

/** What a group's parts mean as ledger filter conditions. */
function filterOf(g: Group): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  for (const p of g.parts) {
    if (p.groupBy === "CITY" || p.groupBy === "COUNTY" || p.groupBy === "REGION") f.regionCode = p.key;
    else f[p.groupBy.toLowerCase()] = [p.key];
  }
  return f;
}

const filters: [string, Record<string, unknown>][] = [
  ["everything", {}],
  ["Ganzhou's major hazards", { regionCode: "360700", level: ["MAJOR"] }],
  [
    "patrol and self-check findings of this quarter",
    { source: ["PATROL", "SELF_CHECK"], discoveredFrom: "2022-04-01", discoveredTo: "2022-06-30" },
  ],
  ["census findings of 2021", { source: "CENSUS", discoveredFrom: "2021-01-01", discoveredTo: "2021-12-31" }],
  [
    "open fire and water hazards of Nanchang",
    { regionCode: "360100", category: ["FIRE", "WATER"], status: ["REPORTED", "RECTIFYING", "PENDING_ACCEPTANCE"] },
  ],
  ["escalated hazards", { escalated: true }],
];

describe("hazardStats agrees with hazards", () => {
  for (const [name, filter] of filters) {
    for (const asOf of [undefined, "2021-06-30"]) {
      it(`${name}${asOf ? ` as of ${asOf}` : ""}: totals and overdue add up`, async () => {
        const expectedTotal = await total(filter);
        const expectedOverdue = await total({ ...filter, overdue: true, asOf });
        expect(expectedTotal).toBeGreaterThan(0);
        for (const groupBy of [[], ["COUNTY"], ["CATEGORY", "LEVEL"], ["REGION", "STATUS", "SOURCE"]]) {
          const groups = await stats(filter, groupBy, asOf);
          expect(sum(groups, "total"), `${groupBy}`).toBe(expectedTotal);
          expect(sum(groups, "overdue"), `${groupBy}`).toBe(expectedOverdue);
          for (const g of groups) {
            expect(g.open + g.closed).toBe(g.total);
            expect(g.closureRate).toBeCloseTo(g.closed / g.total, 12);
            expect(g.parts.map((p) => p.groupBy)).toEqual(groupBy);
          }
        }
      });
    }
  }

  it("gives each group the numbers of the ledger filtered to it", async () => {
    const groups = await stats({ regionCode: "360100" }, ["COUNTY", "LEVEL"], "2022-01-31");
    expect(groups.length).toBeGreaterThan(4);
    for (const g of groups.slice(0, 6)) {
      const f = { regionCode: "360100", ...filterOf(g) };
      expect(g.total).toBe(await total(f));
      expect(g.closed).toBe(await total({ ...f, status: ["CLOSED"] }));
      expect(g.overdue).toBe(await total({ ...f, overdue: true, asOf: "2022-01-31" }));
      expect(g.key).toBe(g.parts.map((p) => p.key).join("/"));
    }
  });

  it("returns one group for an ungrouped call, and names regions and enum values for people", async () => {
    const [all] = await stats({ regionCode: "360700" }, []);
    expect(all).toMatchObject({ key: "ALL", label: "全部", parts: [] });
    const empty = await stats({ regionCode: "360700", discoveredFrom: "2030-01-01" }, []);
    expect(empty).toEqual([
      { key: "ALL", label: "全部", parts: [], total: 0, open: 0, closed: 0, overdue: 0, closureRate: null },
    ]);
    const byCity = await stats({}, ["REGION", "LEVEL"]);
    expect(byCity.find((g) => g.key === "360100/MAJOR")?.label).toBe("南昌市 / 重大隐患");
    expect(new Set(byCity.map((g) => g.parts[0].key)).size).toBe(11);
    const byCounty = await stats({ regionCode: "360700" }, ["REGION"]);
    expect(byCounty.every((g) => g.key.startsWith("3607") && g.key !== "360700")).toBe(true);
  });

  it("stays in the token's scope", async () => {
    const groups = await stats({}, ["CITY"], undefined, city);
    expect(groups.map((g) => g.key)).toEqual(["360100"]);
    expect(groups[0].total).toBe(await total({}, city));
    const counties = await stats({}, ["REGION"], undefined, city);
    expect(counties.every((g) => g.key.startsWith("3601"))).toBe(true);
  });

  it("costs the same few statements whatever the grouping and data", async () => {
    t.queries.reset();
    await stats({}, ["COUNTY", "CATEGORY", "LEVEL", "STATUS", "SOURCE"]);
    expect(t.queries.count).toBeLessThanOrEqual(3);
    expect(t.queries.log.every((sql) => /GROUP BY|COUNT|"Region"|`Region`/i.test(sql))).toBe(true);
  });
});
