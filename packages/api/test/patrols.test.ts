// Patrols through the API: a failed checklist item registers a hazard in the patrol's own
// transaction (both directions of failure leave nothing behind), the not-patrolled filter, scope,
// what PUBLIC sees, and the SQL cost of a page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, testApi } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

const DONGHU = "360102";
const county = { role: "COUNTY_OFFICER" as const, regionCode: DONGHU, subject: "P-test-dh", name: "测试员" };

const record = `mutation ($input: RecordPatrolInput!) {
  recordPatrol(input: $input) {
    __typename
    ... on PatrolPayload { patrol { id code passed hazardCount items { item passed note photos } shelter { code lastPatrolledAt openHazardCount } } }
    ... on Error { code message }
    ... on ValidationError { field rule }
    ... on RuleError { field rule }
    ... on NotFoundError { field }
  }
}`;
type Result = {
  recordPatrol: {
    __typename: string;
    field?: string;
    rule?: string;
    patrol?: {
      code: string;
      passed: boolean;
      hazardCount: number;
      shelter: { lastPatrolledAt: string; openHazardCount: number };
    };
  };
};

async function fixtures() {
  const shelter = await t.database.prisma.shelter.findFirstOrThrow({
    where: { regionCode: DONGHU, OR: [{ lastPatrolledAt: null }, { lastPatrolledAt: { lt: new Date("2022-05-01") } }] },
    orderBy: { id: "asc" },
  });
  const inspector = await t.database.prisma.person.findFirstOrThrow({
    where: { organization: { code: `ORG-${DONGHU}-RFB` }, isLeader: false },
  });
  return { shelter, inspector };
}

/** Everything a patrol writes, to show that a refused one wrote none of it. */
async function snapshot(shelterId: number) {
  const p = t.database.prisma;
  return {
    patrols: await p.patrol.count(),
    items: await p.patrolItem.count(),
    hazards: await p.hazard.count(),
    events: await p.hazardEvent.count(),
    audit: await p.auditLog.count(),
    sequences: await p.codeSequence.findMany({ orderBy: { prefix: "asc" } }),
    shelter: await p.shelter.findUniqueOrThrow({ where: { id: shelterId } }),
  };
}

const failing = (photos: string[] = []) => [
  { item: "FIRE_EQUIPMENT", passed: false, note: "灭火器压力不足", photos },
  { item: "EVACUATION_ROUTE", passed: true },
  { item: "SIGNAGE", passed: false, note: "安全出口标志不亮", level: "MAJOR" },
];

/** The county office records a patrol of `shelterCode` with two failed items. */
const recordFailing = (shelterCode: string, inspectorCode: string, patrolledAt: string) =>
  t.gql<Result>(record, { input: { shelterCode, inspectorCode, patrolledAt, items: failing() } }, county);

describe("recordPatrol", () => {
  it("registers a REPORTED hazard with source PATROL for each failed item, and updates the work", async () => {
    const { shelter, inspector } = await fixtures();
    const stale = await t.gql<{ shelters: { edges: { node: { code: string } }[] } }>(
      `query ($f: ShelterFilter) { shelters(filter: $f, first: 100) { edges { node { code } } } }`,
      { f: { regionCode: DONGHU, notPatrolledForDays: 30 } },
      county,
    );
    expect(stale.data!.shelters.edges.map((e) => e.node.code)).toContain(shelter.code);
    const seq = await t.database.prisma.codeSequence.findUnique({ where: { prefix: `YH-2022-${DONGHU}` } });

    const input = {
      shelterCode: shelter.code,
      inspectorCode: inspector.code,
      patrolledAt: "2022-06-15T02:00:00Z",
      items: failing(["/files/p/1.jpg"]),
    };
    const r = await t.gql<Result>(record, { input }, county);
    expect(r.errors).toBeUndefined();
    expect(r.data?.recordPatrol).toMatchObject({
      __typename: "PatrolPayload",
      patrol: {
        passed: false,
        hazardCount: 2,
        shelter: { lastPatrolledAt: "2022-06-15T02:00:00.000Z", openHazardCount: shelter.openHazardCount + 2 },
      },
    });
    expect(r.data!.recordPatrol.patrol!.code).toMatch(/^XC-20220615-\d{4}$/);

    const patrol = await t.database.prisma.patrol.findUniqueOrThrow({
      where: { code: r.data!.recordPatrol.patrol!.code },
      include: { hazards: { include: { events: true }, orderBy: { id: "asc" } } },
    });
    const n = (seq?.value ?? 0) + 1;
    expect(
      patrol.hazards.map((h) => [h.code, h.category, h.level, h.source, h.status, h.countyCode, h.cityCode, h.title]),
    ).toEqual([
      [
        `YH-2022-${DONGHU}-${String(n).padStart(4, "0")}`,
        "FIRE",
        "GENERAL",
        "PATROL",
        "REPORTED",
        DONGHU,
        "360100",
        "灭火器压力不足",
      ],
      [
        `YH-2022-${DONGHU}-${String(n + 1).padStart(4, "0")}`,
        "EVACUATION_ROUTE",
        "MAJOR",
        "PATROL",
        "REPORTED",
        DONGHU,
        "360100",
        "安全出口标志不亮",
      ],
    ]);
    expect(patrol.hazards[0].discoveredOn.toISOString()).toBe("2022-06-15T00:00:00.000Z");
    expect(patrol.hazards[0].events).toMatchObject([
      { action: "REPORT", fromStatus: null, toStatus: "REPORTED", actor: "P-test-dh", evidence: '["/files/p/1.jpg"]' },
    ]);
    expect(await t.database.prisma.auditLog.count({ where: { operation: "recordPatrol" } })).toBe(3);

    const after = await t.gql<{ shelters: { edges: { node: { code: string } }[] } }>(
      `query ($f: ShelterFilter) { shelters(filter: $f, first: 100) { edges { node { code } } } }`,
      { f: { regionCode: DONGHU, notPatrolledForDays: 30 } },
      county,
    );
    expect(after.data!.shelters.edges.map((e) => e.node.code)).not.toContain(shelter.code);

    // A patrol backfilled for an earlier date does not move the last-patrol time backwards.
    const old = await t.gql<Result>(
      record,
      { input: { ...input, patrolledAt: "2022-06-01T02:00:00Z", items: [{ item: "WATER", passed: true }] } },
      county,
    );
    expect(old.data?.recordPatrol.patrol).toMatchObject({
      passed: true,
      hazardCount: 0,
      shelter: { lastPatrolledAt: "2022-06-15T02:00:00.000Z" },
    });
  });

  it("leaves no hazard behind when the patrol insert fails", async () => {
    const { shelter, inspector } = await fixtures();
    const prefix = "XC-20220614";
    const next = ((await t.database.prisma.codeSequence.findUnique({ where: { prefix } }))?.value ?? 0) + 1;
    // A patrol imported with the code the generator hands out next: the patrol insert will fail.
    const taken = await t.database.prisma.patrol.create({
      data: {
        code: `${prefix}-${String(next).padStart(4, "0")}`,
        shelterId: shelter.id,
        countyCode: DONGHU,
        cityCode: "360100",
        provinceCode: "360000",
        inspectorId: inspector.id,
        patrolledAt: new Date("2022-06-14T01:00:00Z"),
        passed: true,
      },
    });
    const before = await snapshot(shelter.id);
    const r = await recordFailing(shelter.code, inspector.code, "2022-06-14T03:00:00Z");
    expect(r.data?.recordPatrol).toMatchObject({ __typename: "ConflictError" });
    expect(await snapshot(shelter.id)).toEqual(before);
    expect(await t.database.prisma.patrol.findMany({ where: { code: taken.code } })).toEqual([taken]);
  });

  it("leaves neither the patrol nor the first hazard behind when the second hazard insert fails", async () => {
    const { shelter, inspector } = await fixtures();
    const prefix = `YH-2022-${DONGHU}`;
    const next = ((await t.database.prisma.codeSequence.findUnique({ where: { prefix } }))?.value ?? 0) + 1;
    // A hazard imported with the code the second failed item will get.
    const template = await t.database.prisma.hazard.findFirstOrThrow({ where: { countyCode: DONGHU } });
    const { id: _id, createdAt: _c, updatedAt: _u, ...row } = template;
    await t.database.prisma.hazard.create({ data: { ...row, code: `${prefix}-${String(next + 1).padStart(4, "0")}` } });
    const before = await snapshot(shelter.id);
    const r = await recordFailing(shelter.code, inspector.code, "2022-06-15T03:00:00Z");
    expect(r.data?.recordPatrol).toMatchObject({ __typename: "ConflictError" });
    expect(await snapshot(shelter.id)).toEqual(before);
    expect(
      await t.database.prisma.hazard.findUnique({ where: { code: `${prefix}-${String(next).padStart(4, "0")}` } }),
    ).toBeNull();
  });

  it("refuses bad input with the field and the rule, and writes nothing", async () => {
    const { shelter, inspector } = await fixtures();
    const before = await snapshot(shelter.id);
    const base = { shelterCode: shelter.code, inspectorCode: inspector.code, patrolledAt: "2022-06-15T02:00:00Z" };
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [
        { ...base, items: [{ item: "WATER", passed: false }] },
        { __typename: "ValidationError", field: "items.0.note", rule: "required" },
      ],
      [
        { ...base, items: [] },
        { __typename: "ValidationError", field: "items", rule: "required" },
      ],
      [
        { ...base, items: [{ item: "WATER", passed: true, photos: ["javascript:x"] }] },
        { __typename: "ValidationError", rule: "format" },
      ],
      [
        { ...base, patrolledAt: "2022-06-16T02:00:00Z", items: failing() },
        { __typename: "ValidationError", field: "patrolledAt", rule: "notFuture" },
      ],
      [
        { ...base, shelterCode: "NO-SUCH", items: failing() },
        { __typename: "NotFoundError", field: "shelterCode" },
      ],
    ];
    for (const [input, expected] of cases) {
      const r = await t.gql<Result>(record, { input }, county);
      expect(r.data?.recordPatrol, JSON.stringify(expected)).toMatchObject(expected);
    }
    expect(await snapshot(shelter.id)).toEqual(before);
  });
});

describe("patrol scope", () => {
  it("keeps a county officer to its county, units out, and inspectors to offices over the work", async () => {
    const { shelter, inspector } = await fixtures();
    const elsewhere = await t.database.prisma.shelter.findFirstOrThrow({ where: { regionCode: "360103" } });
    const otherInspector = await t.database.prisma.person.findFirstOrThrow({
      where: { organization: { code: "ORG-360103-RFB" } },
    });
    const items = [{ item: "WATER", passed: true }];
    const before = await snapshot(shelter.id);
    const outside = await t.gql<Result>(
      record,
      {
        input: {
          shelterCode: elsewhere.code,
          inspectorCode: inspector.code,
          patrolledAt: "2022-06-15T02:00:00Z",
          items,
        },
      },
      county,
    );
    expect(outside.data?.recordPatrol).toMatchObject({ __typename: "NotFoundError", field: "shelterCode" });
    const nanchang = { role: "CITY_OFFICER" as const, regionCode: "360100", subject: "P-nc" };
    const wrongInspector = await t.gql<Result>(
      record,
      {
        input: {
          shelterCode: shelter.code,
          inspectorCode: otherInspector.code,
          patrolledAt: "2022-06-15T02:00:00Z",
          items,
        },
      },
      nanchang,
    );
    expect(wrongInspector.data?.recordPatrol).toMatchObject({
      __typename: "RuleError",
      rule: "inspector",
      field: "inspectorCode",
    });
    expect(await snapshot(shelter.id)).toEqual(before);
    // A unit sees the works it manages but does not patrol them.
    const managed = await t.database.prisma.shelter.findFirstOrThrow({
      where: { regionCode: DONGHU, managerId: { not: null } },
    });
    const unitToken = { role: "UNIT_USER" as const, organizationId: managed.managerId, subject: "P-unit" };
    const unit = await t.gql<Result>(
      record,
      {
        input: { shelterCode: managed.code, inspectorCode: inspector.code, patrolledAt: "2022-06-15T02:00:00Z", items },
      },
      unitToken,
    );
    // Units are refused by the mutation's `officer` scope before it runs.
    expect(unit.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await t.database.prisma.patrol.count()).toBe(before.patrols);
  });

  it("lists patrols of the viewer's region only, and hides the inspector from PUBLIC", async () => {
    const q = `query ($f: PatrolFilter) { patrols(filter: $f, first: 20) { totalCount edges { node { code patrolledAt inspector { name } shelter { code city { code } } } } } }`;
    type Page = {
      patrols: {
        totalCount: number;
        edges: { node: { inspector: { name: string } | null; shelter: { city: { code: string } } } }[];
      };
    };
    const mine = await t.gql<Page>(q, {}, { role: "CITY_OFFICER", regionCode: "360700", subject: "P-gz" });
    expect(mine.data!.patrols.totalCount).toBe(await t.database.prisma.patrol.count({ where: { cityCode: "360700" } }));
    expect(mine.data!.patrols.totalCount).toBeGreaterThan(0);
    for (const e of mine.data!.patrols.edges) {
      expect(e.node.shelter.city.code).toBe("360700");
      expect(e.node.inspector?.name).toBeTruthy();
    }
    const other = await t.gql<Page>(
      q,
      { f: { regionCode: "360100" } },
      { role: "CITY_OFFICER", regionCode: "360700", subject: "P-gz" },
    );
    // Nor by global id.
    const nc = await t.gql<{ patrols: { edges: { node: { id: string } }[] } }>(
      `{ patrols(filter: { regionCode: "360100" }, first: 1) { edges { node { id } } } }`,
      {},
      {},
    );
    const byId = `query ($id: ID!) { node(id: $id) { id ... on Patrol { code } } }`;
    const id = nc.data!.patrols.edges[0].node.id;
    expect(
      (await t.gql<{ node: unknown }>(byId, { id }, { role: "CITY_OFFICER", regionCode: "360700", subject: "P-gz" }))
        .data?.node ?? null,
    ).toBeNull();
    expect((await t.gql<{ node: { id: string } }>(byId, { id }, {})).data?.node?.id).toBe(id);
    expect(other.data!.patrols.totalCount).toBe(0);
    const pub = await t.gql<Page>(q, { f: { regionCode: "360700", passed: false } });
    expect(pub.data!.patrols.totalCount).toBe(
      await t.database.prisma.patrol.count({ where: { cityCode: "360700", passed: false } }),
    );
    for (const e of pub.data!.patrols.edges) expect(e.node.inspector).toBeNull();
  });

  it("filters by date range (Beijing days) and shows a work's patrols newest first", async () => {
    const r = await t.gql<{ patrols: { totalCount: number } }>(
      `{ patrols(filter: { regionCode: "360400", from: "2022-05-01", to: "2022-05-31" }, first: 1) { totalCount } }`,
      {},
      {},
    );
    expect(r.data!.patrols.totalCount).toBe(
      await t.database.prisma.patrol.count({
        where: {
          cityCode: "360400",
          patrolledAt: { gte: new Date("2022-04-30T16:00:00Z"), lt: new Date("2022-05-31T16:00:00Z") },
        },
      }),
    );
    const busy = await t.database.prisma.patrol.groupBy({
      by: ["shelterId"],
      _count: { _all: true },
      orderBy: { _count: { shelterId: "desc" } },
      take: 1,
    });
    const shelter = await t.database.prisma.shelter.findUniqueOrThrow({ where: { id: busy[0].shelterId } });
    const s = await t.gql<{ shelter: { patrols: { totalCount: number; edges: { node: { patrolledAt: string } }[] } } }>(
      `query ($c: String!) { shelter(code: $c) { patrols(first: 10) { totalCount edges { node { patrolledAt } } } } }`,
      { c: shelter.code },
      {},
    );
    const times = s.data!.shelter.patrols.edges.map((e) => e.node.patrolledAt);
    expect(s.data!.shelter.patrols.totalCount).toBe(busy[0]._count._all);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("costs the same number of SQL statements for 10 or 50 patrols, nested works and items included", async () => {
    const q = (n: number) =>
      `{ patrols(first: ${n}) { totalCount edges { node { code inspector { name } items { item passed } hazardCount shelter { code city { name } } } } } }`;
    t.queries.reset();
    await t.gql(q(10), {}, {});
    const ten = t.queries.count;
    t.queries.reset();
    const r = await t.gql<{ patrols: { edges: unknown[] } }>(q(50), {}, {});
    expect(r.data!.patrols.edges).toHaveLength(50);
    expect(t.queries.count).toBe(ten);
    const works = (n: number) =>
      `{ shelters(first: ${n}) { edges { node { code patrols(first: 3) { totalCount edges { node { code } } } } } } }`;
    t.queries.reset();
    await t.gql(works(10), {}, {});
    const tenWorks = t.queries.count;
    t.queries.reset();
    await t.gql(works(50), {}, {});
    expect(t.queries.count).toBe(tenWorks);
  });
});
