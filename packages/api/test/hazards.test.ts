// The hazard ledger (隐患整改台账) on the demo data: every filter against a direct count, sort
// orders and cursors, scope, personal data, overdue at a date, Shelter.hazards, and the SQL cost
// of a ledger page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, city, otherCity, workOf } from "./hazard-helpers.ts";
import { type TestApi, testApi } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

type Node = Record<string, unknown> & { code: string };
type Page = {
  hazards: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Node }[] };
};

const ledger = `query ($filter: HazardFilter, $orderBy: [HazardOrder!], $first: Int, $after: String) {
  hazards(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { code title status level deadline isOverdue overdueDays
      shelter { code name } region { code name } city { code name }
      responsibleUnit { code name } responsiblePerson
      lastEvent { action toStatus at actorName comment } } }
  }
}`;

const count = async (filter: Record<string, unknown>, token: object | null = admin) => {
  const r = await t.gql<Page>(ledger, { filter, first: 1 }, token);
  expect(r.errors).toBeUndefined();
  return r.data!.hazards.totalCount;
};

describe("filters", () => {
  it("matches a region's subtree and each condition with a direct count", async () => {
    const p = t.database.prisma.hazard;
    const gz = { cityCode: "360700" };
    const cases: [Record<string, unknown>, object][] = [
      [{ regionCode: "360700" }, gz],
      [{ regionCode: "360702" }, { countyCode: "360702" }],
      [{ regionCode: "360000" }, {}],
      [
        { regionCode: "360700", status: ["RECTIFYING", "REPORTED"] },
        { ...gz, status: { in: ["RECTIFYING", "REPORTED"] } },
      ],
      [
        { regionCode: "360700", level: ["MAJOR"] },
        { ...gz, level: "MAJOR" },
      ],
      [
        { regionCode: "360700", category: ["FIRE", "WATER"] },
        { ...gz, category: { in: ["FIRE", "WATER"] } },
      ],
      [
        { regionCode: "360700", source: "PATROL" },
        { ...gz, source: "PATROL" },
      ],
      [
        { regionCode: "360700", escalated: true },
        { ...gz, escalatedAt: { not: null } },
      ],
      [
        { discoveredFrom: "2021-01-01", discoveredTo: "2021-03-31" },
        { discoveredOn: { gte: new Date("2021-01-01"), lt: new Date("2021-04-01") } },
      ],
    ];
    for (const [filter, where] of cases) {
      const expected = await p.count({ where });
      expect(expected, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(await count(filter), JSON.stringify(filter)).toBe(expected);
    }
  });

  it("splits the ledger into overdue and not overdue at a date, agreeing with isOverdue", async () => {
    for (const asOf of [undefined, "2021-12-31"]) {
      const all = await count({ regionCode: "360100" });
      const overdue = await count({ regionCode: "360100", overdue: true, asOf });
      const notOverdue = await count({ regionCode: "360100", overdue: false, asOf });
      expect(overdue).toBeGreaterThan(0);
      expect(overdue + notOverdue).toBe(all);
    }
    const r = await t.gql<Page>(
      `{ hazards(filter: { regionCode: "360100", overdue: true, asOf: "2021-12-31" }, first: 50) { edges { node { code
        isOverdue(asOf: "2021-12-31") overdueDays(asOf: "2021-12-31") deadline } } } }`,
      {},
      admin,
    );
    for (const { node } of r.data!.hazards.edges) {
      expect(node.isOverdue).toBe(true);
      const days = (Date.parse("2021-12-31") - Date.parse(node.deadline as string)) / 86_400_000;
      expect(node.overdueDays).toBe(days);
    }
  });

  it("finds hazards overdue by more than N days", async () => {
    const r = await t.gql<Page>(
      ledger,
      { filter: { regionCode: "360700", overdueMoreThanDays: 30 }, first: 100 },
      admin,
    );
    const expected = await t.database.prisma.hazard.count({
      where: {
        cityCode: "360700",
        status: { in: ["REPORTED", "RECTIFYING"] },
        deadline: { lt: new Date("2022-05-16") },
      },
    });
    expect(expected).toBeGreaterThan(0);
    expect(r.data!.hazards.totalCount).toBe(expected);
    expect(r.data!.hazards.edges.every((e) => (e.node.overdueDays as number) > 30)).toBe(true);
    const bad = await t.gql(ledger, { filter: { overdueMoreThanDays: -1 }, first: 1 }, admin);
    expect(bad.errors?.[0].message).toContain("range");
  });

  it("searches the code (any case), the title and the work's name; filters by work and responsible unit", async () => {
    const h = await t.database.prisma.hazard.findFirstOrThrow({
      where: { cityCode: "360100", responsibleUnitId: { not: null } },
      include: { shelter: true, responsibleUnit: true },
    });
    const byCode = await t.gql<Page>(ledger, { filter: { search: h.code.toLowerCase() }, first: 5 }, admin);
    expect(byCode.data!.hazards.edges.map((e) => e.node.code)).toEqual([h.code]);
    expect(await count({ search: h.shelter.name })).toBe(
      await t.database.prisma.hazard.count({ where: { shelter: { name: { contains: h.shelter.name } } } }),
    );
    expect(await count({ shelterCode: h.shelter.code })).toBe(
      await t.database.prisma.hazard.count({ where: { shelterId: h.shelterId } }),
    );
    expect(await count({ responsibleUnitCode: h.responsibleUnit!.code })).toBe(
      await t.database.prisma.hazard.count({ where: { responsibleUnitId: h.responsibleUnitId } }),
    );
    expect(await count({ search: h.title, regionCode: "360100" })).toBeGreaterThan(0);
  });
});

/** Every row of a filter in the requested order, page by page through the cursors. */
async function everyPage(filter: object, orderBy: object[]): Promise<Node[]> {
  const seen: Node[] = [];
  let after: string | undefined;
  for (;;) {
    const r = await t.gql<Page>(ledger, { filter, first: 40, after, orderBy }, admin);
    seen.push(...r.data!.hazards.edges.map((e) => e.node));
    if (!r.data!.hazards.pageInfo.hasNextPage) return seen;
    after = r.data!.hazards.pageInfo.endCursor;
  }
}

describe("order and pages", () => {
  it("pages by deadline (hazards without one last) with no gaps or repeats", async () => {
    const seen = await everyPage({ regionCode: "360102" }, [{ field: "DEADLINE", direction: "ASC" }]);
    const rows = await t.database.prisma.hazard.findMany({
      where: { countyCode: "360102" },
      select: { id: true, code: true, deadline: true },
    });
    const key = (d: Date | null) => (d ? d.getTime() : Number.POSITIVE_INFINITY);
    rows.sort((a, b) => key(a.deadline) - key(b.deadline) || a.id - b.id);
    expect(rows.some((r) => r.deadline === null)).toBe(true);
    expect(seen.map((n) => n.code)).toEqual(rows.map((r) => r.code));
  });

  it("sorts STATUS in the order of the closed loop and LEVEL general before major, on every database", async () => {
    const loop = ["REPORTED", "RECTIFYING", "PENDING_ACCEPTANCE", "CLOSED"];
    const asc = await everyPage({ regionCode: "360102" }, [{ field: "STATUS", direction: "ASC" }]);
    const statuses = [...new Set(asc.map((n) => n.status as string))];
    expect(statuses).toEqual(loop);
    const desc = await t.gql<Page>(
      ledger,
      { filter: { regionCode: "360102" }, first: 1, orderBy: [{ field: "STATUS", direction: "DESC" }] },
      admin,
    );
    expect(desc.data!.hazards.edges[0].node.status).toBe("CLOSED");
    const levels = await t.gql<Page>(
      ledger,
      { filter: { regionCode: "360102" }, first: 1, orderBy: [{ field: "LEVEL", direction: "DESC" }] },
      admin,
    );
    expect(levels.data!.hazards.edges[0].node.level).toBe("MAJOR");
  });
});

describe("scope and personal data", () => {
  it("shows a city officer its city only, by list, code and node id", async () => {
    expect(await count({}, city)).toBe(await t.database.prisma.hazard.count({ where: { cityCode: "360100" } }));
    expect(await count({ regionCode: "360700" }, city)).toBe(0);
    const other = await t.database.prisma.hazard.findFirstOrThrow({ where: { cityCode: "360700" } });
    const byAdmin = await t.gql<{ hazard: { id: string } }>(
      `query ($c: String!) { hazard(code: $c) { id } }`,
      { c: other.code },
      admin,
    );
    const r = await t.gql<{ hazard: unknown; node: unknown }>(
      `query ($c: String!, $id: ID!) { hazard(code: $c) { code } node(id: $id) { id } }`,
      { c: other.code, id: byAdmin.data!.hazard.id },
      city,
    );
    expect(r.data).toEqual({ hazard: null, node: null });
    expect(
      (await t.gql(`query ($c: String!) { hazard(code: $c) { code } }`, { c: other.code }, otherCity)).data,
    ).toEqual({ hazard: { code: other.code } });
  });

  it("shows a unit only the hazards of the works it builds, manages or uses", async () => {
    const { shelter, unit } = await workOf(t);
    const org = shelter.managerId!;
    const where = { shelter: { OR: [{ builderId: org }, { managerId: org }, { userId: org }] } };
    expect(await count({}, unit)).toBe(await t.database.prisma.hazard.count({ where }));
  });

  it("hides people from PUBLIC but keeps units and the ledger", async () => {
    const r = await t.gql<Page>(ledger, { filter: { regionCode: "360100", status: ["RECTIFYING"] }, first: 5 });
    expect(r.errors).toBeUndefined();
    for (const { node } of r.data!.hazards.edges) {
      expect(node.responsiblePerson).toBeNull();
      expect(node.responsibleUnit).not.toBeNull();
      expect(node.lastEvent).toMatchObject({ actorName: null, comment: null });
    }
    const staff = await t.gql<Page>(
      ledger,
      { filter: { regionCode: "360100", status: ["RECTIFYING"] }, first: 5 },
      analyst(),
    );
    expect(staff.data!.hazards.edges.every((e) => typeof e.node.responsiblePerson === "string")).toBe(true);
  });
});

const analyst = () => ({ role: "ANALYST" as const, subject: "P-test-analyst" });

describe("works and their hazards", () => {
  it("keeps each work's open count equal to its hazards not closed, and lists them under the work", async () => {
    const shelters = await t.database.prisma.shelter.findMany({
      where: { openHazardCount: { gt: 1 } },
      take: 5,
      orderBy: { id: "asc" },
    });
    for (const s of shelters) {
      const r = await t.gql<{
        shelter: { openHazardCount: number; hazards: { totalCount: number; edges: { node: { status: string } }[] } };
      }>(
        `query ($c: String!) { shelter(code: $c) { openHazardCount
          hazards(filter: { status: [REPORTED, RECTIFYING, PENDING_ACCEPTANCE] }, first: 50) { totalCount edges { node { status } } } } }`,
        { c: s.code },
        admin,
      );
      expect(r.data!.shelter.hazards.totalCount).toBe(r.data!.shelter.openHazardCount);
      expect(r.data!.shelter.hazards.edges.every((e) => e.node.status !== "CLOSED")).toBe(true);
    }
  });
});

describe("SQL cost", () => {
  it("a ledger page with work, region, city, responsible unit and last event costs the same for 10 or 50 rows", async () => {
    t.queries.reset();
    const ten = await t.gql<Page>(
      ledger,
      { first: 10, orderBy: [{ field: "DISCOVERED_ON", direction: "DESC" }] },
      admin,
    );
    const forTen = t.queries.count;
    t.queries.reset();
    const fifty = await t.gql<Page>(
      ledger,
      { first: 50, orderBy: [{ field: "DISCOVERED_ON", direction: "DESC" }] },
      admin,
    );
    expect(ten.data!.hazards.edges).toHaveLength(10);
    expect(fifty.data!.hazards.edges).toHaveLength(50);
    expect(fifty.data!.hazards.edges.every((e) => e.node.lastEvent && e.node.shelter && e.node.city)).toBe(true);
    expect(t.queries.count).toBe(forTen);
    expect(t.queries.count).toBeLessThanOrEqual(6);
  });
});
