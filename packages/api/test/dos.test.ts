// Denial of service by one small request (issue 15): a fragment chain, 20,000 ids, a list
// argument of 50,000 values, a 1 MB search and a census workbook that unpacks to 120 MB are each
// refused with a clear error in well under 50 ms of the server's CPU, and a /healthz sent at the
// same moment answers in under 100 ms — the process never stalls on them.
import { crc32, deflateRawSync } from "node:zlib";
import { schema } from "@renfang/schema";
import { type GraphQLInputObjectType, getNamedType, isInputObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, testApi, tokenFor } from "./helpers.ts";

let t: TestApi;
let auth: string;
beforeAll(async () => {
  t = await testApi();
  auth = `Bearer ${await tokenFor({ role: "PROVINCE_ADMIN" })}`;
});
afterAll(() => t?.drop());

type Body = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

/**
 * Sends a request and, at the same moment, a /healthz; returns the answer, the process CPU time
 * the two took (ms), and how long /healthz waited. The request is sent once before, so that
 * what is measured is the refusal, not the first compilation of the code that refuses.
 */
async function timed(send: () => Promise<Response> | Response) {
  await (await send()).text();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const request = Promise.resolve(send()).then(async (r) => ({ status: r.status, body: (await r.json()) as Body }));
  const health = Promise.resolve(t.api.fetch("http://yoga/healthz")).then(async (r) => {
    await r.text();
    return performance.now() - started;
  });
  const [answer, healthMs] = await Promise.all([request, health]);
  const used = process.cpuUsage(cpu);
  return { ...answer, cpuMs: (used.user + used.system) / 1000, healthMs };
}

/** A POST of one operation; the body is encoded once, so that its encoding is not counted as the server's. */
function post(query: string, variables: Record<string, unknown> = {}) {
  const body = new TextEncoder().encode(JSON.stringify({ query, variables }));
  return () =>
    t.api.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: auth },
      body,
    });
}

function expectFast(r: { cpuMs: number; healthMs: number }) {
  expect(r.cpuMs).toBeLessThan(50);
  expect(r.healthMs).toBeLessThan(100);
}

describe("refused in milliseconds, /healthz answering meanwhile", () => {
  it("a chain of fragments that each spread the next twice (each fragment is costed once)", async () => {
    // 30 links: walked naively, 2^30 spreads; ~900 bytes of text.
    const links = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
    const query = `{ ...F0 } ${links.join(" ")} fragment F30 on Query { viewer { role } }`;
    expect(query.length).toBeLessThan(1300);
    const r = await timed(post(query));
    expect(r.body.errors?.[0].extensions).toMatchObject({ code: "QUERY_TOO_BROAD", max: 200 });
    expect(r.body.errors?.[0].message).toMatch(/^the operation selects at least \d+ fields; at most 200 are allowed$/);
    expectFast(r);
  });

  it("the same chain inside a connection page (cost passes first)", async () => {
    const links = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Shelter { ...F${i + 1} ...F${i + 1} }`);
    const query = `{ shelters(first: 100) { edges { node { ...F0 } } } } ${links.join(" ")} fragment F30 on Shelter { code }`;
    const r = await timed(post(query));
    expect(r.body.errors?.map((e) => e.extensions?.code)).toEqual(["QUERY_TOO_COSTLY", "QUERY_TOO_BROAD"]);
    expectFast(r);
  });

  it("nodes(ids:) with 20,000 ids: at most the page size (100), priced per id", async () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => Buffer.from(`Hazard:${i + 1}`).toString("base64"));
    const r = await timed(post(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids }));
    expect(r.body.errors?.[0]).toMatchObject({
      message: "$ids: length: at most 200 items (got 20000)",
      extensions: { code: "VALIDATION" },
    });
    expectFast(r);
    // Priced per id: 100 ids of 199 fields each pass the page bound but not the cost ceiling.
    const fields = Array.from({ length: 199 }, (_, i) => `f${i}: __typename`).join(" ");
    const costly = await t.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { ${fields} } }`, { ids: ids.slice(0, 100) });
    expect(costly.errors?.[0].extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", actual: 1 + 100 + 100 * 199 });
    // Under the cost ceiling, the list bound names the argument and the rule.
    const under = await timed(
      post(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename } }`, { ids: ids.slice(0, 101) }),
    );
    expect(under.body.errors?.[0]).toMatchObject({
      message: "ids: length: at most 100 items (got 101)",
      extensions: { code: "VALIDATION" },
    });
    expectFast(under);
    const ok = await t.gql<{ nodes: unknown[] }>(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: ids.slice(0, 100),
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.nodes).toHaveLength(100);
  });

  it("a list argument of 50,000 filter values", async () => {
    const status = Array.from({ length: 50_000 }, () => "REPORTED");
    const r = await timed(
      post(`query ($status: [HazardStatus!]) { hazards(first: 1, filter: { status: $status }) { totalCount } }`, {
        status,
      }),
    );
    expect(r.body.errors?.[0]).toMatchObject({
      message: "$status: length: at most 200 items (got 50000)",
      extensions: { code: "VALIDATION", rule: "length", max: 200, actual: 50000 },
    });
    expectFast(r);
    // Written into the document, the list reaches the schema's bound, which names the argument.
    const within = await t.gql(
      `{ hazards(first: 1, filter: { status: [${status.slice(0, 201).join(",")}] }) { totalCount } }`,
    );
    expect(within.errors?.[0]).toMatchObject({
      message: "filter.status: length: at most 200 items (got 201)",
      extensions: { code: "VALIDATION" },
    });
  });

  // Every list whose filter has a free-text search.
  const searchable = Object.values(schema.getQueryType()!.getFields())
    .filter((f) => {
      const filter = f.args.find((a) => a.name === "filter");
      return (
        filter &&
        isInputObjectType(getNamedType(filter.type)) &&
        "search" in (getNamedType(filter.type) as GraphQLInputObjectType).getFields()
      );
    })
    .map((f) => f.name);

  it("finds the searchable lists", () => expect(searchable.length).toBeGreaterThanOrEqual(5));

  it.each(searchable)(
    "a 1 MB search on %s is a VALIDATION error naming the argument, never an internal error",
    async (field) => {
      const search = "某".repeat(1_000_000);
      const first = schema
        .getQueryType()!
        .getFields()
        [field].args.some((a) => a.name === "first")
        ? "first: 1, "
        : "";
      const r = await timed(
        post(`query ($s: String) { ${field}(${first}filter: { search: $s }) { __typename } }`, { s: search }),
      );
      expect(r.body.errors?.[0]).toMatchObject({
        message: "filter.search: length: at most 100 characters (got 1000000)",
        extensions: { code: "VALIDATION" },
      });
      expect(t.queries.log.join("\n")).not.toContain("某某某");
      expectFast(r);
    },
  );

  it("any other text argument over 10,000 characters", async () => {
    const r = await t.gql(`query ($code: String!) { shelter(code: $code) { id } }`, { code: "x".repeat(10_001) });
    expect(r.errors?.[0]).toMatchObject({
      message: "code: length: at most 10000 characters (got 10001)",
      extensions: { code: "VALIDATION" },
    });
  });
});

/** A zip archive of `files`, deflated; `claim` overrides an entry's stated unpacked size. */
function zip(files: { name: string; data: Buffer; claim?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const packed = deflateRawSync(f.data, { level: 9 });
    const name = Buffer.from(f.name);
    const size = f.claim ?? f.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc32(f.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(f.data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(entry, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const IMPORT = `mutation ($input: ImportSheltersInput!) {
  importShelters(input: $input) { __typename ... on ValidationError { field rule message } }
}`;

function upload(file: Buffer, name = "census.xlsx") {
  return () => {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: IMPORT, variables: { input: { file: null } } }));
    form.set("map", JSON.stringify({ 0: ["variables.input.file"] }));
    form.set("0", new Blob([new Uint8Array(file)]), name);
    return t.api.fetch("http://yoga/graphql", { method: "POST", headers: { authorization: auth }, body: form });
  };
}

describe("census import: the workbook's size is checked before it is parsed", () => {
  const cells = (n: number) =>
    Buffer.from(`<worksheet><sheetData><row>${"<c/>".repeat(n)}</row></sheetData></worksheet>`);

  it("refuses a workbook whose sheet unpacks to 120 MB, from the archive's directory alone", async () => {
    const row = `<row>${'<c t="s"><v>0</v></c>'.repeat(1000)}</row>`;
    const xml = Buffer.from(row.repeat(Math.ceil((120 * 1024 * 1024) / row.length)));
    const file = zip([{ name: "xl/worksheets/sheet1.xml", data: xml }]);
    expect(file.length).toBeLessThan(5_000_000);
    const r = await timed(upload(file));
    expect(r.body.data?.importShelters).toEqual({
      __typename: "ValidationError",
      field: "file",
      rule: "size",
      message: "file: size: the workbook unpacks to more than 64 MB; split the census into several files",
    });
    expectFast(r);
  });

  it("refuses a workbook of more than 300,000 cells, counted while streaming its sheets", async () => {
    const r = await timed(upload(zip([{ name: "xl/worksheets/sheet1.xml", data: cells(300_001) }])));
    expect(r.body.data?.importShelters).toMatchObject({
      rule: "size",
      message: "file: size: the workbook has more than 300,000 cells; split the census into several files",
    });
    expect(r.healthMs).toBeLessThan(100);
  });

  it("refuses an archive whose directory understates a part's size", async () => {
    const r = await upload(zip([{ name: "xl/worksheets/sheet1.xml", data: cells(10_000), claim: 100 }]))();
    const body = (await r.json()) as Body;
    expect(body.data?.importShelters).toMatchObject({ __typename: "ValidationError", field: "file", rule: "format" });
  });

  it("refuses a CSV file of more than 300,000 cells, and names the line of a malformed one", async () => {
    const big = await timed(upload(Buffer.from(`${"a,".repeat(300_001)}\n`), "census.csv"));
    expect(big.body.data?.importShelters).toMatchObject({ rule: "size" });
    expectFast(big);
    const bad = await upload(Buffer.from('工程编号,工程名称\nRF-1,"甲"乙\n'), "census.csv")();
    expect(((await bad.json()) as Body).data?.importShelters).toEqual({
      __typename: "ValidationError",
      field: "rows.2",
      rule: "format",
      message: "rows.2: format: line 2 is not valid CSV (expected: ',' OR new line got: '乙'.)",
    });
  });
});
