// The audit trail (issue 6): every mutation writes who, when, from where, what and the record
// before/after in its own transaction; only PROVINCE_ADMIN reads it; nothing in the API changes it.
import { schema } from "@renfang/schema";
import { jiangxiRegions } from "@renfang/schema/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, testApi, tokenFor } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi({ demo: false, api: { trustedProxyHops: 1 } });
  await t.database.prisma.region.createMany({ data: jiangxiRegions() });
});
afterAll(() => t?.drop());

const officer = { role: "CITY_OFFICER" as const, regionCode: "360100", subject: "P-nc-01", name: "王敏" };
const entryFields = "number at actor role ip operation model recordId before after changedFields";
type Entry = {
  actor: string;
  role: string;
  ip: string | null;
  operation: string;
  model: string;
  recordId: string;
  before: string | null;
  after: string;
  changedFields: string[];
};
type Log = { auditLog: { totalCount: number; edges: { node: Entry }[] } };
const logQuery = `query ($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${entryFields} } } } }`;

/** A mutation sent from a known client address, as the load balancer would forward it. */
async function mutate(query: string, variables: Record<string, unknown>, claims = officer) {
  const res = await t.api.fetch("http://yoga/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${await tokenFor(claims)}`,
      "x-forwarded-for": "203.0.113.50, 10.36.1.7", // a claim, then what our load balancer saw
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown[] };
}

const create = `mutation ($input: CreateShelterInput!) { createShelter(input: $input) {
  __typename ... on ShelterPayload { shelter { id code name version } } ... on Error { message code } } }`;
const update = `mutation ($input: UpdateShelterInput!) { updateShelter(input: $input) {
  __typename ... on ShelterPayload { shelter { id name version } } ... on Error { message code } } }`;
const input = {
  name: "八一广场地下停车场",
  regionCode: "360102",
  address: "南昌市东湖区八一大道1号",
  constructionType: "STANDALONE",
  protectionClass: "核6",
  wartimeFunction: "PERSONNEL_SHELTER",
  area: 12000,
  wartimeCapacity: 6000,
  peacetimeUse: "PARKING",
  parkingSpaces: 320,
};

describe("auditLog", () => {
  let shelter: { id: string; code: string; version: number };

  it("records a creation and an update: who, from where, what, before and after", async () => {
    const created = await mutate(create, { input });
    shelter = created.data!.createShelter.shelter as typeof shelter;
    const updated = await mutate(update, {
      input: { code: shelter.code, version: shelter.version, name: "八一广场人防停车场" },
    });
    expect(updated.data!.updateShelter.__typename).toBe("ShelterPayload");

    const r = await t.gql<Log>(logQuery, { filter: { recordId: shelter.id } }, {});
    expect(r.data!.auditLog.totalCount).toBe(2);
    const [upd, crt] = r.data!.auditLog.edges.map((e) => e.node); // newest first
    expect(crt).toMatchObject({
      actor: "P-nc-01",
      role: "CITY_OFFICER",
      ip: "10.36.1.7",
      operation: "createShelter",
      model: "Shelter",
      before: null,
    });
    expect(JSON.parse(crt.after)).toMatchObject({ code: shelter.code, name: input.name, parkingSpaces: 320 });
    expect(upd).toMatchObject({ operation: "updateShelter", recordId: crt.recordId });
    expect(JSON.parse(upd.before!).name).toBe(input.name);
    expect(JSON.parse(upd.after).name).toBe("八一广场人防停车场");
    expect(upd.changedFields).toEqual(expect.arrayContaining(["name", "version"]));
    expect(upd.changedFields).not.toContain("address");
  });

  it("leaves neither change nor audit row when a mutation fails: bad input, stale version, or a failing audit write", async () => {
    const rows = () => t.database.prisma.auditLog.count();
    const before = await rows();
    const bad = await mutate(create, { input: { ...input, protectionClass: "九级" } });
    expect(bad.data!.createShelter).toMatchObject({ __typename: "ValidationError" });
    const stale = await mutate(update, { input: { code: shelter.code, version: 1, name: "过期的修改" } });
    expect(stale.data!.updateShelter).toMatchObject({ __typename: "ConflictError" });
    expect(await rows()).toBe(before);

    // The audit insert fails after the shelter row was updated: the whole transaction rolls back.
    await refuseAuditRowsOf("P-audit-down");
    const current = await t.database.prisma.shelter.findFirstOrThrow({ where: { code: shelter.code } });
    const failed = await mutate(
      update,
      { input: { code: shelter.code, version: current.version, name: "不应保存的名称" } },
      { ...officer, subject: "P-audit-down" },
    );
    expect(failed.errors).toBeDefined();
    const after = await t.database.prisma.shelter.findFirstOrThrow({ where: { code: shelter.code } });
    expect({ name: after.name, version: after.version }).toEqual({ name: current.name, version: current.version });
    expect(await rows()).toBe(before);
  });

  it("is for PROVINCE_ADMIN only: every other role is refused and sees no entry", async () => {
    for (const claims of [
      officer,
      { role: "COUNTY_OFFICER" as const, regionCode: "360102" },
      { role: "UNIT_USER" as const, organizationId: 1 },
      { role: "ANALYST" as const },
      { role: "PUBLIC" as const },
    ]) {
      const r = await t.gql<{ auditLog: unknown }>(logQuery, {}, claims);
      expect(r.data?.auditLog ?? null, claims.role).toBeNull();
      expect(r.errors?.[0].extensions?.code, claims.role).toBe("FORBIDDEN");
    }
    expect((await t.gql<{ auditLog: unknown }>(logQuery, {})).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("cannot be changed through the API: no mutation names it", () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(2);
    expect(mutations.filter((m) => /audit/i.test(m))).toEqual([]);
  });

  it("filters by actor, operation, model and time, pages newest first at a constant SQL cost", async () => {
    const at = new Date("2030-01-01T00:00:00Z");
    await t.database.prisma.auditLog.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        at: new Date(at.getTime() + i * 60_000),
        actor: i % 2 ? "P-bulk-odd" : "P-bulk-even",
        role: "PROVINCE_ADMIN" as const,
        operation: "setTarget",
        model: "Target",
        recordId: String(i),
      })),
    });
    const window = {
      from: new Date(at.getTime() + 10 * 60_000).toISOString(),
      to: new Date(at.getTime() + 19 * 60_000).toISOString(),
    };
    const r = await t.gql<Log>(
      logQuery,
      { filter: { actor: "P-bulk-odd", operation: "setTarget", model: "Target", ...window } },
      {},
    );
    expect(r.data!.auditLog.edges.map((e) => Number(e.node.recordId))).toEqual([19, 17, 15, 13, 11]);

    t.queries.reset();
    const ten = await t.gql<Log>(logQuery, { filter: { model: "Target" }, first: 10 }, {});
    const tenCount = t.queries.count;
    t.queries.reset();
    const fifty = await t.gql<Log>(logQuery, { filter: { model: "Target" }, first: 50 }, {});
    expect(fifty.data!.auditLog.edges).toHaveLength(50);
    expect(t.queries.count).toBe(tenCount);
    expect(t.queries.count).toBe(2); // the page and its totalCount; a JWT needs no lookup
    expect(ten.data!.auditLog.edges[0].node.recordId).toBe("59");
  });
});

/** Makes the database refuse audit rows of one actor (a trigger), to fail a mutation's last write. */
async function refuseAuditRowsOf(actor: string) {
  const db = t.database.prisma;
  if (t.database.provider === "sqlite") {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditLog" WHEN NEW.actor = '${actor}' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`,
    );
  } else {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN IF NEW.actor = '${actor}' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION refuse_audit()`,
    );
  }
}
