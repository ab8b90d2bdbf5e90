// The authorization matrix (SPEC §4), generated from the schema: every root field has a decision
// for every role, and a new field without one fails this test. Refused roles hear FORBIDDEN
// before anything runs; scoped roles never see another region's rows through any list.

import { schema } from "@renfang/schema";
import {
  type GraphQLArgument,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenClaims } from "../src/auth.ts";
import { type TestApi, testApi, tokenFor } from "./helpers.ts";

type Role = TokenClaims["role"];
const roles: Role[] = ["PROVINCE_ADMIN", "CITY_OFFICER", "COUNTY_OFFICER", "UNIT_USER", "ANALYST", "PUBLIC"];
const offices: Role[] = ["PROVINCE_ADMIN", "CITY_OFFICER", "COUNTY_OFFICER"];

/** Who may call each root field (SPEC §4). Rows are then limited by scope. */
const decisions: Record<string, Role[]> = {
  // reads: everyone, scoped; the audit log is the provincial administrator's
  ...Object.fromEntries(
    Object.keys(schema.getQueryType()!.getFields()).map((name) => [
      name,
      name === "auditLog" ? ["PROVINCE_ADMIN"] : roles,
    ]),
  ),
  hazardChanged: roles,
  // units: self-check hazards, rectification submissions, their own reports and letters
  reportHazard: [...offices, "UNIT_USER"],
  submitRectification: [...offices, "UNIT_USER"],
  submitStageReport: [...offices, "UNIT_USER"],
  signResponsibilityLetter: [...offices, "UNIT_USER"],
  ...Object.fromEntries(
    [
      "createShelter",
      "updateShelter",
      "assignRectification",
      "acceptRectification",
      "rejectRectification",
      "escalateOverdueHazards",
      "createMeasure",
      "updateMeasure",
      "suspendShelter",
      "reopenShelter",
      "createCampaign",
      "setTarget",
      "recordDrill",
      "registerDrillFinding",
      "importShelters",
      "scheduleDutyShift",
      "recordPatrol",
      "fileIncidentReport",
    ].map((name) => [name, offices]),
  ),
};

let t: TestApi;
let claims: Record<Role, Partial<TokenClaims>>;
beforeAll(async () => {
  t = await testApi();
  const unit = await t.database.prisma.shelter.findFirstOrThrow({
    where: { cityCode: "360100", managerId: { not: null } },
  });
  const county = await t.database.prisma.region.findFirstOrThrow({
    where: { parentCode: "360100", shelters: { some: {} } },
  });
  claims = {
    PROVINCE_ADMIN: { role: "PROVINCE_ADMIN" },
    CITY_OFFICER: { role: "CITY_OFFICER", regionCode: "360100" },
    COUNTY_OFFICER: { role: "COUNTY_OFFICER", regionCode: county.code },
    UNIT_USER: { role: "UNIT_USER", organizationId: unit.managerId },
    ANALYST: { role: "ANALYST" },
    PUBLIC: { role: "PUBLIC" },
  };
});
afterAll(() => t?.drop());

/** A value of the right type for an argument, so the operation reaches execution. */
function placeholder(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType, name);
  if (isListType(type)) return [placeholder(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, placeholder(f.type, f.name)]),
    );
  }
  if (isScalarType(type)) {
    if (type.name === "Int") return 1;
    if (type.name === "Float") return 1;
    if (type.name === "Boolean") return false;
    if (type.name === "Date") return "2022-01-01";
    if (type.name === "DateTime") return "2022-01-01T00:00:00Z";
    if (type.name === "File") return null;
    return /code/i.test(name) ? "360102" : "X";
  }
  return null;
}

function operationFor(kind: "query" | "mutation", name: string) {
  const root = kind === "query" ? schema.getQueryType()! : schema.getMutationType()!;
  const field = root.getFields()[name];
  const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type));
  const vars = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
  const args = required.map((a) => `${a.name}: $${a.name}`).join(", ");
  const selection = isLeafType(getNamedType(field.type)) ? "" : "{ __typename }";
  const query = `${kind}${vars ? ` (${vars})` : ""} { ${name}${args ? `(${args})` : ""} ${selection} }`;
  const variables = Object.fromEntries(required.map((a) => [a.name, placeholder(a.type, a.name)]));
  return { query, variables };
}

async function call(kind: "query" | "mutation", name: string, role: Role) {
  const { query, variables } = operationFor(kind, name);
  if (name === "importShelters") {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query, variables }));
    form.set("map", JSON.stringify({ 0: ["variables.input.file"] }));
    form.set("0", new Blob(["工程编号\n"]), "x.csv");
    const res = await t.api.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { authorization: `Bearer ${await tokenFor(claims[role])}` },
      body: form,
    });
    return (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  }
  return t.gql(query, variables, claims[role]);
}

const refusedBeforeExecution = (r: { errors?: { extensions?: { code?: string } }[] }) =>
  (r.errors ?? []).some((e) => e.extensions?.code === "FORBIDDEN");

describe("every root field has a decision", () => {
  it("covers the schema's queries, mutations and subscriptions", () => {
    const fields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}),
    );
    expect(fields.filter((f) => !(f in decisions))).toEqual([]);
  });

  it("says in its description which roles it admits, so a client knows when to expect a top-level FORBIDDEN", () => {
    const documented = (description: string | null | undefined) =>
      /Roles: ([A-Z_, ]+);/.exec(description ?? "")?.[1].split(", ") ?? roles;
    const wrong = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
      .flatMap((type) => Object.values(type?.getFields() ?? {}))
      .filter((f) => documented(f.description).join() !== roles.filter((r) => decisions[f.name].includes(r)).join())
      .map((f) => `${f.name}: ${f.description}`);
    expect(wrong).toEqual([]);
  });
});

describe.each(roles)("%s", (role) => {
  it("may call exactly the queries and mutations SPEC §4 gives it", async () => {
    const wrong: string[] = [];
    for (const kind of ["query", "mutation"] as const) {
      const root = kind === "query" ? schema.getQueryType()! : schema.getMutationType()!;
      for (const name of Object.keys(root.getFields())) {
        const before = await t.database.prisma.auditLog.count();
        const r = await call(kind, name, role);
        const allowed = decisions[name].includes(role);
        if (allowed === refusedBeforeExecution(r))
          wrong.push(`${name}: ${allowed ? "refused" : "allowed"} ${JSON.stringify(r.errors ?? [])}`);
        if (!allowed && (await t.database.prisma.auditLog.count()) !== before)
          wrong.push(`${name}: wrote while refused`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("scoped roles never see another region's rows", () => {
  /** The city (设区市) of a row behind a global id, from the database. */
  async function cityOfNode(globalId: string): Promise<string | null | "unscoped"> {
    const [type, raw] = Buffer.from(globalId, "base64").toString().split(":");
    const id = Number(raw);
    const p = t.database.prisma;
    const pick = { cityCode: true } as const;
    switch (type) {
      case "Shelter":
        return (await p.shelter.findUnique({ where: { id }, select: pick }))?.cityCode ?? null;
      case "Hazard":
        return (await p.hazard.findUnique({ where: { id }, select: pick }))?.cityCode ?? null;
      case "Patrol":
        return (await p.patrol.findUnique({ where: { id }, select: pick }))?.cityCode ?? null;
      case "Organization":
        return (await p.organization.findUnique({ where: { id }, select: pick }))?.cityCode ?? null;
      case "DutyShift":
        return (await p.dutyShift.findUnique({ where: { id }, select: pick }))?.cityCode ?? null;
      case "IncidentReport":
        return (await p.incidentReport.findUnique({ where: { id }, select: pick }))?.cityCode ?? null;
      case "Measure":
        return (await p.measure.findUnique({ where: { id }, select: pick }))?.cityCode ?? null;
      case "Drill":
        return (await p.drill.findUnique({ where: { id }, select: pick }))?.cityCode ?? null;
      case "StageReport":
        return (await p.stageReport.findUnique({ where: { id }, select: pick }))?.cityCode ?? null;
      default:
        return "unscoped"; // regions, campaigns, targets: reference data or visible from below by design
    }
  }

  const connections = Object.values(schema.getQueryType()!.getFields())
    .filter((f) => getNamedType(f.type).name.endsWith("Connection") && f.name !== "auditLog")
    .map((f) => f.name);

  it.each(connections)("%s lists only Nanchang's rows to a Nanchang officer", async (name) => {
    const field = schema.getQueryType()!.getFields()[name];
    const required = field.args.filter((a) => isNonNullType(a.type));
    const vars = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
    const args = [...required.map((a) => `${a.name}: $${a.name}`), "first: 100"].join(", ");
    const r = await t.gql<Record<string, { edges: { node: { id: string } }[] }>>(
      `query${vars ? ` (${vars})` : ""} { ${name}(${args}) { edges { node { id } } } }`,
      Object.fromEntries(
        required.map((a) => [a.name, a.name === "regionCode" ? "360000" : placeholder(a.type, a.name)]),
      ),
      claims.CITY_OFFICER,
    );
    expect(r.errors ?? []).toEqual([]);
    for (const edge of r.data![name].edges) {
      const city = await cityOfNode(edge.node.id);
      if (city !== "unscoped") expect([name, city]).toEqual([name, "360100"]);
    }
  });

  it("hides other cities in hazardStats and targetProgress breakdowns", async () => {
    const stats = await t.gql<{ hazardStats: { key: string }[] }>(
      `{ hazardStats(groupBy: [CITY]) { key } }`,
      {},
      claims.CITY_OFFICER,
    );
    expect(stats.data!.hazardStats.map((g) => g.key)).toEqual(["360100"]);
    const progress = await t.gql<{ targetProgress: { breakdown: { region: { code: string } }[] } | null }>(
      `{ targetProgress(metric: NEW_PARKING_SPACES, regionCode: "360100", year: 2021) { breakdown { region { code } } } }`,
      {},
      claims.CITY_OFFICER,
    );
    for (const child of progress.data!.targetProgress!.breakdown) expect(child.region.code.slice(0, 4)).toBe("3601");
    const province = await t.gql<{ targetProgress: unknown }>(
      `{ targetProgress(metric: NEW_PARKING_SPACES, regionCode: "360700", year: 2021) { actual } }`,
      {},
      claims.CITY_OFFICER,
    );
    expect(province.data?.targetProgress ?? null).toBeNull();
  });

  it("never returns another region's row for a guessed global id", async () => {
    const types = ["Shelter", "Hazard", "Patrol", "Organization", "DutyShift", "IncidentReport", "Measure", "Drill"];
    const p = t.database.prisma;
    const outside = { cityCode: "360700" };
    const ids: Record<string, number | undefined> = {
      Shelter: (await p.shelter.findFirst({ where: outside }))?.id,
      Hazard: (await p.hazard.findFirst({ where: outside }))?.id,
      Patrol: (await p.patrol.findFirst({ where: outside }))?.id,
      Organization: (await p.organization.findFirst({ where: outside }))?.id,
      DutyShift: (await p.dutyShift.findFirst({ where: outside }))?.id,
      IncidentReport: (await p.incidentReport.findFirst({ where: outside }))?.id,
      Measure: (await p.measure.findFirst({ where: outside }))?.id,
      Drill: (await p.drill.findFirst({ where: outside }))?.id,
    };
    for (const type of types) {
      if (ids[type] === undefined) continue;
      const id = Buffer.from(`${type}:${ids[type]}`).toString("base64");
      const r = await t.gql<{ node: unknown }>(
        `query ($id: ID!) { node(id: $id) { id } }`,
        { id },
        claims.CITY_OFFICER,
      );
      expect([type, r.data?.node ?? null]).toEqual([type, null]);
    }
  });
});
