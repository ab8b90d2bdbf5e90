// Property-based tests of every mutation (fast-check): valid inputs and inputs with one or two
// fields broken (huge strings, SQL and script fragments, Unicode edge cases, impossible dates and
// numbers, blanks, wrong types, wrong ids). Every answer is a typed error that wrote nothing
// (database checksum unchanged), a GraphQL validation error for a wrong type, or a success whose
// record reads back equal to what was sent (text trimmed, blank as none). Never a 500 or a masked
// "Unexpected error". The mutations come from the schema: a new one without a case fails here.
import { schema } from "@renfang/schema";
import fc from "fast-check";
import {
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileFor, hostileInput, validText } from "./arbitraries.ts";
import { type TestApi, TODAY, testApi, tokenFor } from "./helpers.ts";

/** Runs per mutation: enough to meet each kind of hostile value, few enough for a loaded 2-CPU machine (PROPERTY_RUNS=200 to dig deeper). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);
const admin = { role: "PROVINCE_ADMIN" as const, regionCode: null, subject: "P-prop-admin", name: "省办管理员" };
/** The `code` every typed error of packages/schema/src/errors.ts carries. */
const TYPED_CODES = ["VALIDATION", "NOT_FOUND", "CONFLICT", "FORBIDDEN", "RULE"];
/** Stands for "the version the record has now"; looked up just before the request. */
const CURRENT = "<current version>";

const mutationType = schema.getMutationType()!;
const mutations = Object.keys(mutationType.getFields());

/** Real codes of the demo data, to build valid inputs and to pass as the wrong kind of id. */
interface Pools {
  counties: string[];
  cities: string[];
  shelters: string[];
  organizations: string[];
  byStatus: Record<"REPORTED" | "RECTIFYING" | "PENDING_ACCEPTANCE", string[]>;
  measures: string[];
  suspendable: string[];
  suspended: string[];
  campaign: string;
  nanchangOrgs: string[];
  owed: { deadlineId: string; organizationCode: string }[];
  drills: string[];
  rosters: { organizationCode: string; leaderCode: string; officerCodes: string[] }[];
  patrols: { shelterCode: string; inspectorCode: string }[];
  offices: string[];
  /** Every code above, for "an id of the wrong kind". */
  codes: string[];
}

interface Case {
  /** A valid input, varied; the hostile ones are derived from it field by field. */
  valid(p: Pools): fc.Arbitrary<Record<string, unknown>>;
  /** Where `version: CURRENT` is read: the model and the input field holding its code. */
  current?: ["shelter" | "hazard" | "measure", string];
  /** Input fields the product documents as ignored in this input, left out of the read-back. */
  ignored?(input: Record<string, unknown>): string[];
  /** The payload field whose record is compared with the input; default its first object field. */
  record?: string;
}

const date = (from: string, to: string) =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
const evidence = fc.constantFrom(["https://example.org/a.jpg"], ["http://example.org/x.pdf", "https://e.cn/y"]);
const category = fc.constantFrom("FIRE", "STRUCTURE", "WATER", "ELECTRICAL");
const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64");

const cases: Record<string, Case> = {
  createShelter: {
    valid: (p) =>
      fc.record(
        {
          code: fc.integer({ min: 1, max: 99_999 }).map((n) => `RF-PT-${n}`),
          name: validText(2, 200),
          regionCode: fc.constantFrom(...p.counties),
          address: validText(2, 300),
          latitude: fc.double({ min: 25, max: 29.5, noNaN: true }),
          longitude: fc.double({ min: 114, max: 118, noNaN: true }),
          constructionType: fc.constantFrom("STANDALONE", "ATTACHED"),
          protectionClass: fc.constantFrom("核5", "核6", "核6B", "常6"),
          wartimeFunction: fc.constantFrom("PERSONNEL_SHELTER", "MEDICAL_AID", "COMMAND"),
          area: fc.double({ min: 1, max: 1_000_000, noNaN: true }),
          wartimeCapacity: fc.integer({ min: 0, max: 1_000_000 }),
          peacetimeUse: fc.constantFrom("PARKING", "STORAGE", "IDLE"),
          parkingSpaces: fc.integer({ min: 0, max: 100_000 }),
          parkingOpenedOn: date("2000-01-01", "2022-06-15"),
          completionYear: fc.integer({ min: 1950, max: 2022 }),
          metroStation: validText(1, 100),
          managerCode: fc.constantFrom(...p.organizations),
        },
        {
          requiredKeys: [
            "name",
            "regionCode",
            "address",
            "constructionType",
            "protectionClass",
            "wartimeFunction",
            "area",
            "wartimeCapacity",
            "peacetimeUse",
          ],
        },
      ),
  },
  updateShelter: {
    current: ["shelter", "code"],
    valid: (p) =>
      fc.record(
        {
          code: fc.constantFrom(...p.shelters),
          version: fc.constant(CURRENT),
          name: validText(2, 200),
          address: validText(2, 300),
          area: fc.double({ min: 1, max: 1_000_000, noNaN: true }),
          parkingSpaces: fc.integer({ min: 0, max: 100_000 }),
          status: fc.constantFrom("IN_USE", "IDLE"),
        },
        { requiredKeys: ["code", "version"] },
      ),
  },
  reportHazard: {
    valid: (p) =>
      fc.record(
        {
          shelterCode: fc.constantFrom(...p.shelters),
          title: validText(2, 200),
          description: validText(0, 4000),
          category,
          level: fc.constantFrom("GENERAL", "MAJOR"),
          source: fc.constantFrom("SELF_CHECK", "INSPECTION", "PUBLIC_REPORT"),
          discoveredOn: date("2021-01-01", "2022-06-15"),
          discoveredBy: validText(2, 50),
          comment: validText(0, 2000),
          evidence,
        },
        { requiredKeys: ["shelterCode", "title", "category", "level", "source"] },
      ),
  },
  assignRectification: {
    current: ["hazard", "code"],
    valid: (p) =>
      fc.record({
        code: fc.constantFrom(...p.byStatus.REPORTED),
        version: fc.constant(CURRENT),
        responsibleUnitCode: fc.constantFrom(...p.organizations),
        responsiblePerson: validText(2, 50),
        responsiblePhone: fc.constantFrom("13800000000", "0791-86000000", "+86 138 0000 0000"),
        measures: validText(2, 4000),
        deadline: date("2022-06-16", "2023-06-15"),
        funds: fc.double({ min: 0, max: 1e10, noNaN: true }),
        contingencyPlan: validText(2, 4000),
        evidence,
      }),
  },
  submitRectification: {
    current: ["hazard", "code"],
    valid: (p) =>
      fc.record(
        {
          code: fc.constantFrom(...p.byStatus.RECTIFYING),
          version: fc.constant(CURRENT),
          note: validText(2, 2000),
          rectifiedOn: fc.constant("2022-06-15"),
          evidence,
        },
        { requiredKeys: ["code", "version", "note"] },
      ),
  },
  acceptRectification: {
    current: ["hazard", "code"],
    valid: (p) =>
      fc.record(
        {
          code: fc.constantFrom(...half(p.byStatus.PENDING_ACCEPTANCE, 0)),
          version: fc.constant(CURRENT),
          comment: validText(0, 2000),
          evidence,
        },
        { requiredKeys: ["code", "version"] },
      ),
  },
  rejectRectification: {
    current: ["hazard", "code"],
    valid: (p) =>
      fc.record(
        {
          code: fc.constantFrom(...half(p.byStatus.PENDING_ACCEPTANCE, 1)),
          version: fc.constant(CURRENT),
          reason: validText(2, 2000),
          evidence,
        },
        { requiredKeys: ["code", "version", "reason"] },
      ),
  },
  escalateOverdueHazards: {
    valid: (p) => fc.record({ regionCode: fc.constantFrom(...p.cities, ...p.counties) }, { requiredKeys: [] }),
  },
  createMeasure: {
    valid: (p) =>
      fc.record(
        {
          title: validText(2, 200),
          description: validText(0, 4000),
          ownerCode: fc.constantFrom(...p.nanchangOrgs),
          campaignCode: fc.constant(p.campaign),
          dueOn: date("2022-01-01", "2025-12-31"),
        },
        { requiredKeys: ["title", "ownerCode", "dueOn"] },
      ),
  },
  updateMeasure: {
    current: ["measure", "code"],
    valid: (p) =>
      fc.record(
        {
          code: fc.constantFrom(...p.measures),
          version: fc.constant(CURRENT),
          title: validText(2, 200),
          description: validText(0, 4000),
          dueOn: date("2022-01-01", "2025-12-31"),
          status: fc.constantFrom("IN_PROGRESS", "DONE"),
        },
        { requiredKeys: ["code", "version"] },
      ),
  },
  suspendShelter: {
    current: ["shelter", "shelterCode"],
    record: "suspension",
    valid: (p) =>
      fc.record({
        shelterCode: fc.constantFrom(...p.suspendable),
        version: fc.constant(CURRENT),
        reason: validText(2, 2000),
      }),
  },
  reopenShelter: {
    current: ["shelter", "shelterCode"],
    valid: (p) => fc.record({ shelterCode: fc.constantFrom(...p.suspended), version: fc.constant(CURRENT) }),
  },
  createCampaign: {
    valid: (p) =>
      fc.record(
        {
          code: fc.integer({ min: 1, max: 99_999 }).map((n) => `ZX-PT-${n}`),
          name: validText(2, 200),
          description: validText(0, 5000),
          regionCode: fc.constant("360100"),
          startsOn: fc.constant("2022-07-01"),
          endsOn: fc.constant("2022-12-31"),
          phases: fc.tuple(validText(2, 200), validText(2, 200)).map(([a, b]) => [
            { name: a, startsOn: "2022-07-01", endsOn: "2022-09-30" },
            { name: b, startsOn: "2022-10-01", endsOn: "2022-12-31" },
          ]),
          deadlines: fc
            .tuple(validText(2, 200), validText(2, 100), fc.subarray(p.nanchangOrgs, { minLength: 1, maxLength: 3 }))
            .map(([title, recipient, organizationCodes]) => [
              { title, dueOn: "2022-09-30", recipient, organizationCodes },
            ]),
        },
        { requiredKeys: ["name", "regionCode", "startsOn", "endsOn", "phases"] },
      ),
  },
  submitStageReport: {
    valid: (p) =>
      fc
        .record(
          {
            owed: fc.constantFrom(...p.owed),
            summary: validText(10, 5000),
            attachmentUrl: fc.constantFrom("https://example.org/r.pdf", "/files/r.docx"),
          },
          { requiredKeys: ["owed", "summary"] },
        )
        .map(({ owed, ...rest }) => ({ ...owed, ...rest })),
  },
  setTarget: {
    valid: (p) =>
      fc.oneof(
        fc.record({
          metric: fc.constant("NEW_PARKING_SPACES"),
          regionCode: fc.constantFrom(...p.cities, ...p.counties),
          year: fc.integer({ min: 2021, max: 2025 }),
          value: fc.integer({ min: 0, max: 10_000_000 }),
        }),
        fc.record({
          metric: fc.constantFrom("CENSUS_COVERAGE", "HAZARD_CLOSURE_RATE"),
          regionCode: fc.constantFrom(...p.cities),
          year: fc.integer({ min: 2021, max: 2025 }),
          value: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
      ),
  },
  signResponsibilityLetter: {
    valid: (p) =>
      fc.record(
        {
          organizationCode: fc.constantFrom(...p.organizations),
          year: fc.constantFrom(2022, 2023),
          signedOn: date("2022-01-01", "2022-06-15"),
          signatory: validText(2, 50),
          documentUrl: fc.constantFrom("https://example.org/l.pdf", "/letters/1.pdf"),
        },
        { requiredKeys: ["organizationCode", "year", "signedOn", "signatory"] },
      ),
  },
  recordDrill: {
    // Held in one work, the drill takes the work's region; a regionCode sent with it is not used.
    ignored: (input) => (input.shelterCode ? ["regionCode"] : []),
    valid: (p) =>
      fc
        .record(
          {
            kind: fc.constantFrom("DRILL", "ASSESSMENT"),
            title: validText(2, 200),
            heldOn: date("2020-01-01", "2022-06-15"),
            organizationCode: fc.constantFrom(...p.offices),
            where: fc.oneof(
              fc.constantFrom(...p.shelters).map((shelterCode) => ({ shelterCode })),
              fc.constantFrom(...p.counties, ...p.cities).map((regionCode) => ({ regionCode })),
            ),
            metroStation: validText(1, 100),
            score: fc.double({ min: 0, max: 100, noNaN: true }),
            findings: validText(0, 5000),
          },
          { requiredKeys: ["kind", "title", "heldOn", "organizationCode", "where"] },
        )
        .map(({ where, ...rest }) => ({ ...rest, ...where })),
  },
  registerDrillFinding: {
    valid: (p) =>
      fc.record(
        {
          drillCode: fc.constantFrom(...p.drills),
          title: validText(2, 200),
          description: validText(0, 4000),
          category,
          level: fc.constantFrom("GENERAL", "MAJOR"),
        },
        { requiredKeys: ["drillCode", "title", "category", "level"] },
      ),
  },
  importShelters: {
    // Sent as a multipart upload (see send): `rows` are the CSV's data rows under the template header.
    valid: (p) =>
      fc.record({
        rows: fc.array(
          fc
            .tuple(fc.integer({ min: 1, max: 99_999 }), validText(2, 200), fc.constantFrom(...p.counties))
            .map(([n, name, county]) => importRow({ 工程编号: `RF-PT-${n}`, 工程名称: name, 区划代码: county })),
          { minLength: 1, maxLength: 3 },
        ),
        dryRun: fc.boolean(),
      }),
  },
  scheduleDutyShift: {
    valid: (p) =>
      fc
        .tuple(
          fc.constantFrom(...p.rosters),
          date("2022-06-16", "2023-06-15"),
          fc.constantFrom("DAY", "NIGHT", "FULL_DAY"),
        )
        .map(([roster, date, kind]) => ({ ...roster, date, kind })),
  },
  recordPatrol: {
    valid: (p) =>
      fc
        .record(
          {
            at: fc.constantFrom(...p.patrols),
            patrolledAt: fc.constantFrom(
              "2022-06-14T02:00:00Z",
              "2022-06-15T09:30:00+08:00",
              "2022-05-01T00:00:00.000Z",
            ),
            notes: validText(0, 2000),
            items: fc.array(
              fc.oneof(
                fc.record({ item: fc.constantFrom("FIRE_EQUIPMENT", "SIGNAGE", "WATER"), passed: fc.constant(true) }),
                fc.record({
                  item: fc.constantFrom("VENTILATION", "ELECTRICAL"),
                  passed: fc.constant(false),
                  note: validText(2, 500),
                  level: fc.constantFrom("GENERAL", "MAJOR"),
                }),
              ),
              { minLength: 1, maxLength: 3 },
            ),
          },
          { requiredKeys: ["at", "patrolledAt", "items"] },
        )
        .map(({ at, ...rest }) => ({ ...at, ...rest })),
  },
  fileIncidentReport: {
    valid: (p) =>
      fc.record(
        {
          organizationCode: fc.constantFrom(...p.offices),
          occurredAt: fc.constantFrom("2022-06-15T01:00:00Z", "2022-06-14T23:59:59+08:00"),
          summary: validText(4, 2000),
          severity: fc.constantFrom("MINOR", "SERIOUS", "MAJOR", "CRITICAL"),
        },
        { requiredKeys: ["organizationCode", "occurredAt", "summary", "severity"] },
      ),
  },
};

/** One of two disjoint halves of a list, so two mutations do not use up each other's records. */
function half<T>(list: T[], which: 0 | 1): T[] {
  const mid = Math.ceil(list.length / 2);
  return which === 0 ? list.slice(0, mid) : list.slice(mid);
}

// ───────────── census import: a CSV upload ─────────────

const importHeader = [
  "工程编号",
  "工程名称",
  "区划代码",
  "地址",
  "建设类型",
  "防护等级",
  "战时功能",
  "建筑面积(㎡)",
  "掩蔽人数",
  "平时用途",
];

function importRow(over: Record<string, string>): string[] {
  const base: Record<string, string> = {
    地址: "南昌市东湖区阳明路1号",
    建设类型: "结建",
    防护等级: "核6",
    战时功能: "PERSONNEL_SHELTER",
    "建筑面积(㎡)": "4200",
    掩蔽人数: "2100",
    平时用途: "PARKING",
    ...over,
  };
  return importHeader.map((h) => base[h]);
}

const csvCell = (v: string) => `"${v.replaceAll('"', '""')}"`;

/** A broken import: a hostile cell, or a whole file that is no census table. */
function hostileImport(valid: Record<string, unknown>, codes: string[]): fc.Arbitrary<Record<string, unknown>> {
  const rows = valid.rows as string[][];
  const cell = fc.tuple(fc.nat(rows.length - 1), fc.nat(importHeader.length - 1));
  const text = hostileFor(schema.getType("String") as GraphQLInputType, "cell", "", codes);
  return fc.oneof(
    fc.tuple(cell, text).map(([[r, c], v]) => ({
      ...valid,
      rows: rows.map((row, i) => (i === r ? row.map((old, j) => (j === c ? String(v ?? "") : old)) : row)),
    })),
    fc
      .constantFrom(new Uint8Array(0), new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), new Uint8Array(4096).fill(0xff))
      .map((file) => ({ ...valid, file })),
  );
}

function importBody(input: Record<string, unknown>): Uint8Array {
  if (input.file instanceof Uint8Array) return input.file;
  const lines = [importHeader, ...(input.rows as string[][])].map((r) => r.map(csvCell).join(","));
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

// ───────────── the database's checksum ─────────────

/**
 * One SQL statement that sums up every table: its row count and, per column, the sum of
 * numbers and of text lengths and first characters. A refused mutation must leave it unchanged.
 */
async function checksumQuery(t: TestApi): Promise<string> {
  const p = t.database.prisma;
  const pg = t.url.startsWith("postgres");
  const columns: { table: string; column: string; type: string }[] = pg
    ? await p.$queryRawUnsafe(
        `SELECT table_name::text AS "table", column_name::text AS "column", data_type::text AS "type" FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position`,
      )
    : await p.$queryRawUnsafe(
        `SELECT m.name AS "table", c.name AS "column", c.type AS "type" FROM sqlite_master m, pragma_table_info(m.name) c
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_prisma_migrations' ORDER BY m.name, c.cid`,
      );
  const tables = [...new Set(columns.map((c) => c.table))];
  const numeric = /int|real|double|numeric|float|decimal/i;
  const parts = tables.map((table) => {
    const sums = columns
      .filter((c) => c.table === table)
      .map(({ column, type }) => {
        const c = `"${column}"`;
        if (numeric.test(type)) return pg ? `coalesce(sum(${c}), 0)::text` : `total(${c})`;
        if (pg && /boolean/.test(type)) return `count(*) FILTER (WHERE ${c})::text`;
        if (pg && /timestamp|date/.test(type)) return `coalesce(sum(extract(epoch FROM ${c})), 0)::text`;
        return pg
          ? `(coalesce(sum(length(${c}::text)), 0) || ':' || coalesce(sum(ascii(${c}::text)), 0))`
          : `(total(length(${c})) || ':' || total(unicode(${c})))`;
      });
    const row = [`count(*)${pg ? "::text" : ""}`, ...sums].join(` || ',' || `);
    return `(SELECT ${row} FROM "${table}") AS "${table}"`;
  });
  return `SELECT ${parts.join(", ")}`;
}

// ───────────── sending a mutation and reading its record back ─────────────

interface Answer {
  status: number;
  data?: Record<string, Record<string, unknown> | null> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const payloadOf = (name: string) => {
  const union = getNamedType(mutationType.getFields()[name].type);
  if (!isUnionType(union)) throw new Error(`${name} does not return a result union`);
  return union.getTypes().find((ty) => !ty.getInterfaces().some((i) => i.name === "Error"))!;
};

/** The leaf fields of `type` that mirror what was sent: same name, or `xCode(s)` → `x(s) { code }`. */
function mirror(type: GraphQLObjectType, sent: Record<string, unknown>): { selection: string; pairs: Pair[] } {
  const fields = type.getFields();
  const pairs: Pair[] = [];
  const parts: string[] = [];
  for (const [key, value] of Object.entries(sent)) {
    if (value == null || key === "version") continue;
    const same = fields[key];
    if (same && isLeafType(getNamedType(same.type))) {
      parts.push(key);
      pairs.push({ key, out: key, scalar: getNamedType(same.type).name });
      continue;
    }
    const linked = /^(.+?)(Code|Id)(s?)$/.exec(key);
    const target = linked && fields[linked[1] + linked[3]];
    const targetType = target && getNamedType(target.type);
    const keyField = linked?.[2] === "Id" ? "id" : "code";
    if (targetType && isObjectType(targetType) && targetType.getFields()[keyField]) {
      parts.push(`${target.name} { ${keyField} }`);
      pairs.push({ key, out: target.name, scalar: "String", via: keyField });
      continue;
    }
    if (
      same &&
      isObjectType(getNamedType(same.type)) &&
      Array.isArray(value) &&
      value[0] &&
      typeof value[0] === "object"
    ) {
      const inner = mirror(getNamedType(same.type) as GraphQLObjectType, value[0] as Record<string, unknown>);
      if (inner.pairs.length) {
        parts.push(`${key} { ${inner.selection} }`);
        pairs.push({ key, out: key, scalar: "", nested: inner.pairs });
      }
    }
  }
  return { selection: parts.join(" "), pairs };
}

interface Pair {
  key: string;
  out: string;
  scalar: string;
  via?: string;
  nested?: Pair[];
}

/** What was sent and what reads back, side by side, normalised: text trimmed, instants compared as such. */
function compare(sent: Record<string, unknown>, got: Record<string, unknown>, pairs: Pair[]): unknown[] {
  const diffs: unknown[] = [];
  for (const pair of pairs) {
    const want = sent[pair.key];
    if (want == null) continue; // not sent (another element of a list may carry it)
    let have = got[pair.out];
    if (pair.nested) {
      const sentList = want as Record<string, unknown>[];
      const gotList = (have ?? []) as Record<string, unknown>[];
      if (sentList.length !== gotList.length)
        diffs.push({ [pair.key]: { sent: sentList.length, got: gotList.length } });
      else for (const [i, s] of sentList.entries()) diffs.push(...compare(s, gotList[i], pair.nested!));
      continue;
    }
    if (pair.via) {
      have = Array.isArray(have)
        ? have.map((h) => (h as Record<string, unknown>)[pair.via!])
        : (have as Record<string, unknown> | null)?.[pair.via];
    }
    const norm = (v: unknown): unknown => {
      if (Array.isArray(v)) return [...v].map(norm).sort();
      if (pair.scalar === "DateTime" && typeof v === "string") return new Date(v).getTime();
      // Blank text and no value are the same (a blank organization code clears the link).
      if (typeof v === "string") return v.trim() || null;
      return v ?? null;
    };
    // A double read back from SQLite through Prisma may be an ulp or two off (1534.9844133763027 → …763).
    const near =
      typeof want === "number" && typeof have === "number" && Math.abs(want - have) <= Math.abs(want) * 1e-14;
    if (!near && JSON.stringify(norm(want)) !== JSON.stringify(norm(have)))
      diffs.push({ [pair.key]: { sent: want, got: have } });
  }
  return diffs;
}

// ───────────── the properties ─────────────

let t: TestApi;
let pools: Pools;
let checksum: () => Promise<unknown>;
const outcomes: Record<string, { success: number; typed: number; invalid: number }> = {};

beforeAll(async () => {
  t = await testApi();
  pools = await loadPools(t);
  const sql = await checksumQuery(t);
  checksum = async () => JSON.stringify(await t.database.prisma.$queryRawUnsafe(sql));
});
afterAll(async () => {
  console.log(
    `outcomes (${RUNS} runs each):\n${Object.entries(outcomes)
      .map(([n, o]) => `  ${n}: ${JSON.stringify(o)}`)
      .join("\n")}`,
  );
  await t?.drop();
});

describe("every mutation of the schema", () => {
  it("has an arbitrary for its input", () => {
    expect(mutations.filter((name) => !cases[name]).map((name) => `no arbitrary for mutation ${name}`)).toEqual([]);
  });
});

describe("text no database can store", () => {
  it("is a VALIDATION error in a query's arguments too, not an internal error", async () => {
    for (const search of ["a\u0000b", "a\ud800b"]) {
      const r = await t.gql(
        `query ($search: String) { shelters(filter: { search: $search }, first: 1) { totalCount } }`,
        { search },
        admin,
      );
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual(["VALIDATION"]);
    }
  });
});

describe.each(mutations)("%s with hostile input", (name) => {
  it("answers a typed error and writes nothing, or succeeds and reads back what was sent", {
    timeout: 240_000,
  }, async () => {
    const c = cases[name];
    if (!c) throw new Error(`no arbitrary for mutation ${name}`);
    const inputType = mutationType.getFields()[name].args.find((a) => a.name === "input")!.type;
    const valid = c.valid(pools);
    const broken =
      name === "importShelters"
        ? valid.chain((v) => hostileImport(v, pools.codes))
        : valid.chain((v) => hostileInput(inputType, v, pools.codes));
    const tally = { success: 0, typed: 0, invalid: 0 };
    outcomes[name] = tally;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 2, arbitrary: valid }, { weight: 3, arbitrary: broken }), async (input) => {
        const sent = await withCurrentVersion(c, input);
        const before = await checksum();
        const answer = await send(name, c, sent);
        const what = `${name} ${JSON.stringify(sent).slice(0, 600)} → ${answer.status} ${JSON.stringify(answer).slice(0, 800)}`;
        expect(answer.status, what).toBeLessThan(500);
        const unexpected = (answer.errors ?? []).filter(
          (e) => e.extensions?.code === "INTERNAL_SERVER_ERROR" || /unexpected error/i.test(e.message),
        );
        expect(unexpected, what).toEqual([]);
        const result = answer.data?.[name];
        if (!result) {
          // Refused before execution: a wrong type, a missing or unknown field (GraphQL validation).
          expect(answer.errors?.length, what).toBeGreaterThan(0);
          expect([200, 400], what).toContain(answer.status);
          expect(await checksum(), `${what}: wrote while refused`).toBe(before);
          tally.invalid++;
          return;
        }
        expect(answer.errors ?? [], what).toEqual([]);
        if (typeof result.code === "string" && "message" in result) {
          expect(TYPED_CODES, what).toContain(result.code);
          expect(await checksum(), `${what}: wrote while refused`).toBe(before);
          tally.typed++;
          return;
        }
        tally.success++;
        expect(unboundedText(inputType, sent), `${what}: took bad text`).toEqual([]);
        expect(await readBackDiffs(name, c, sent, result), what).toEqual([]);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});

/**
 * Text a successful mutation must not have taken: a required text left blank, or text longer than
 * any field's limit (the longest allowed is 5,000 characters). Paths of the offending fields.
 */
function unboundedText(type: GraphQLInputType, value: unknown, path = "input"): string[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (typeof value === "string") {
    if (value.length > 5000) return [`${path}: ${value.length} characters`];
    if (isNonNullType(type) && getNamedType(type).name === "String" && value.trim() === "") return [`${path}: blank`];
    return [];
  }
  if (isListType(inner) && Array.isArray(value))
    return value.flatMap((v, i) => unboundedText(inner.ofType, v, `${path}.${i}`));
  if (isInputObjectType(inner) && value && typeof value === "object") {
    const fields = inner.getFields();
    return Object.entries(value).flatMap(([k, v]) =>
      fields[k] ? unboundedText(fields[k].type, v, `${path}.${k}`) : [],
    );
  }
  return [];
}

/** Replaces `version: CURRENT` by the record's version now (1 when there is no such record). */
async function withCurrentVersion(c: Case, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (input.version !== CURRENT || !c.current) return input;
  const [model, key] = c.current;
  const code = input[key];
  const delegate = t.database.prisma[model] as unknown as {
    findUnique(args: object): Promise<{ version: number } | null>;
  };
  // A code PostgreSQL cannot even compare (NUL) names no record either.
  const row = typeof code === "string" ? await delegate.findUnique({ where: { code } }).catch(() => null) : null;
  return { ...input, version: row?.version ?? 1 };
}

async function send(name: string, c: Case, input: Record<string, unknown>): Promise<Answer> {
  const payload = payloadOf(name);
  const record = recordOf(name, c, input);
  const fields = Object.values(payload.getFields())
    .filter((f) => f.name !== record?.field)
    .map((f) => (isLeafType(getNamedType(f.type)) ? f.name : `${f.name} { __typename }`));
  // A Node is read again by its id; any other record is compared as the payload returns it.
  if (record) fields.push(`${record.field} { ${record.node ? "id" : record.selection || "__typename"} }`);
  const query = `mutation ($input: ${mutationType.getFields()[name].args[0].type}) {
    ${name}(input: $input) {
      __typename
      ... on Error { code message }
      ... on ${payload.name} { ${fields.join(" ")} }
    }
  }`;
  if (name !== "importShelters") return t.gql(query, { input }, admin) as Promise<Answer>;
  const form = new FormData();
  form.set("operations", JSON.stringify({ query, variables: { input: { file: null, dryRun: input.dryRun } } }));
  form.set("map", JSON.stringify({ 0: ["variables.input.file"] }));
  form.set("0", new Blob([importBody(input) as BlobPart]), "census.csv");
  const res = await t.api.fetch("http://yoga/graphql", {
    method: "POST",
    headers: { authorization: `Bearer ${await tokenFor(admin)}` },
    body: form,
  });
  return { ...(await res.json()), status: res.status };
}

/** The record a success is compared on: its payload field, type, and the input fields it mirrors. */
function recordOf(name: string, c: Case, sent: Record<string, unknown>) {
  const payload = payloadOf(name);
  const field = c.record ?? Object.values(payload.getFields()).find((f) => isObjectType(f.type))?.name;
  if (!field) return null;
  const type = getNamedType(payload.getFields()[field].type) as GraphQLObjectType;
  const ignored = new Set(c.ignored?.(sent) ?? []);
  const compared = Object.fromEntries(Object.entries(sent).filter(([k]) => !ignored.has(k)));
  const node = type.getInterfaces().some((i) => i.name === "Node");
  return { field, type, node, compared, ...mirror(type, compared) };
}

/** Compares the written record (read again by its global id when it has one) with what was sent. */
async function readBackDiffs(
  name: string,
  c: Case,
  sent: Record<string, unknown>,
  result: Record<string, unknown>,
): Promise<unknown[]> {
  if (name === "importShelters") return readBackImport(sent, result);
  const record = recordOf(name, c, sent);
  if (!record?.pairs.length) return [];
  const written = result[record.field] as Record<string, unknown> | null;
  if (!written) return [`${name}: the payload has no ${record.field}`];
  if (!record.node) return compare(record.compared, written, record.pairs);
  const r = await t.gql<{ node: Record<string, unknown> | null }>(
    `query ($id: ID!) { node(id: $id) { ... on ${record.type.name} { ${record.selection} } } }`,
    { id: written.id },
    admin,
  );
  if (r.errors || !r.data?.node) return [`${name}: ${written.id} does not read back: ${JSON.stringify(r.errors)}`];
  return compare(record.compared, r.data.node, record.pairs);
}

/** After an import that wrote, each row's work reads back with its name and region. */
async function readBackImport(sent: Record<string, unknown>, result: Record<string, unknown>): Promise<unknown[]> {
  if (result.dryRun) return [];
  const diffs: unknown[] = [];
  for (const row of sent.rows as string[][]) {
    const [code, name, regionCode] = row;
    const r = await t.gql<{ shelter: { name: string; region: { code: string } } | null }>(
      `query ($code: String!) { shelter(code: $code) { name region { code } } }`,
      { code: code.trim() },
      admin,
    );
    const got = r.data?.shelter;
    if (got?.name !== name.trim() || got.region.code !== regionCode.trim()) diffs.push({ row, got });
  }
  return diffs;
}

// ───────────── the demo data's codes ─────────────

async function loadPools(t: TestApi): Promise<Pools> {
  const p = t.database.prisma;
  const codes = (rows: { code: string }[]) => rows.map((r) => r.code);
  const take = 40;
  const hazards = async (status: "REPORTED" | "RECTIFYING" | "PENDING_ACCEPTANCE") =>
    codes(await p.hazard.findMany({ where: { status }, select: { code: true }, orderBy: { id: "asc" }, take }));
  const suspendable = await p.shelter.findMany({
    where: { status: { not: "SUSPENDED" }, hazards: { some: { level: "MAJOR", status: { not: "CLOSED" } } } },
    select: { code: true },
    take,
  });
  const suspended = await p.shelter.findMany({
    where: { status: "SUSPENDED" },
    select: { id: true, code: true },
    take,
  });
  // Every suspended work of the demo data still has its open MAJOR hazard, so none could reopen:
  // close those of half of them (as accepted rectifications would) for reopenShelter to succeed.
  await p.hazard.updateMany({
    where: { shelterId: { in: half(suspended, 0).map((s) => s.id) }, level: "MAJOR", status: { not: "CLOSED" } },
    data: { status: "CLOSED", closedOn: TODAY },
  });
  const owed = await p.stageReport.findMany({
    where: { submittedAt: null },
    select: { deadlineId: true, organization: { select: { code: true } } },
    take,
  });
  const offices = await p.organization.findMany({
    where: { kind: { in: ["CIVIL_AIR_DEFENSE_OFFICE", "PROVINCIAL_DIVISION", "DIRECT_UNIT"] } },
    select: { code: true, regionCode: true, people: { select: { code: true, isLeader: true } } },
  });
  const rosters = offices.flatMap((o) => {
    const leader = o.people.find((x) => x.isLeader);
    const officers = o.people.filter((x) => !x.isLeader).map((x) => x.code);
    return leader && officers.length
      ? [{ organizationCode: o.code, leaderCode: leader.code, officerCodes: officers.slice(0, 2) }]
      : [];
  });
  const shelters = await p.shelter.findMany({
    where: { cityCode: "360100", status: { not: "SUSPENDED" } },
    select: { code: true, regionCode: true },
    orderBy: { id: "asc" },
    take,
  });
  const patrols = shelters.flatMap((s) => {
    const office = offices.find((o) => o.regionCode === s.regionCode && o.people.length);
    return office ? [{ shelterCode: s.code, inspectorCode: office.people[0].code }] : [];
  });
  const pools: Pools = {
    counties: codes(
      await p.region.findMany({ where: { level: "COUNTY", parentCode: "360100" }, select: { code: true } }),
    ),
    cities: codes(await p.region.findMany({ where: { level: "CITY" }, select: { code: true } })),
    shelters: shelters.map((s) => s.code),
    organizations: codes(await p.organization.findMany({ select: { code: true }, orderBy: { id: "asc" }, take })),
    byStatus: {
      REPORTED: await hazards("REPORTED"),
      RECTIFYING: await hazards("RECTIFYING"),
      PENDING_ACCEPTANCE: await hazards("PENDING_ACCEPTANCE"),
    },
    measures: codes(await p.measure.findMany({ where: { status: { not: "DONE" } }, select: { code: true } })),
    suspendable: codes(suspendable),
    suspended: codes(suspended),
    campaign: (await p.campaign.findFirstOrThrow({ select: { code: true } })).code,
    nanchangOrgs: codes(await p.organization.findMany({ where: { cityCode: "360100" }, select: { code: true }, take })),
    owed: owed.map((o) => ({
      deadlineId: globalId("ReportingDeadline", o.deadlineId),
      organizationCode: o.organization.code,
    })),
    drills: codes(await p.drill.findMany({ where: { shelterId: { not: null } }, select: { code: true } })),
    rosters,
    patrols,
    offices: offices.map((o) => o.code),
    codes: [],
  };
  pools.codes = [
    ...pools.counties.slice(0, 3),
    ...pools.cities.slice(0, 2),
    "360000",
    ...pools.shelters.slice(0, 3),
    ...pools.organizations.slice(0, 3),
    ...pools.byStatus.REPORTED.slice(0, 2),
    ...pools.measures.slice(0, 2),
    pools.campaign,
    ...pools.drills.slice(0, 2),
    ...pools.owed.slice(0, 2).map((o) => o.deadlineId),
    ...rosters.slice(0, 2).map((r) => r.leaderCode),
  ];
  for (const [key, list] of Object.entries(pools)) {
    if (Array.isArray(list) && list.length === 0) throw new Error(`the demo data has no ${key}`);
  }
  return pools;
}
