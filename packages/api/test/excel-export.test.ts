// The ledger and registry exports through the API: the rows of an export are exactly the rows of
// the GraphQL list (totalCount) for the same filter and token, never another region's, with a
// title row, headers offices use, people's data only for roles that may see it, and a constant
// number of SQL statements per page of 2,000 rows.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_SIZE } from "../src/excel/export.ts";
import { type TestApi, testApi, tokenFor } from "./helpers.ts";

let t: TestApi;
let county: string;
let unit: { id: number; code: string };
beforeAll(async () => {
  t = await testApi();
  county = (await t.database.prisma.hazard.findFirstOrThrow({ where: { cityCode: "360100", level: "MAJOR" } }))
    .countyCode;
  const shelter = await t.database.prisma.shelter.findFirstOrThrow({
    where: { managerId: { not: null }, openHazardCount: { gt: 0 } },
  });
  unit = await t.database.prisma.organization.findUniqueOrThrow({
    where: { id: shelter.managerId! },
    select: { id: true, code: true },
  });
});
afterAll(() => t?.drop());

type Claims = Parameters<typeof tokenFor>[0] | null;

async function download(path: string, claims: Claims) {
  const headers: Record<string, string> = claims ? { authorization: `Bearer ${await tokenFor(claims)}` } : {};
  return t.api.fetch(`http://yoga${path}`, { headers });
}

/** Title, header and data rows of a downloaded sheet. */
async function readRows(res: Response, format: "xlsx" | "csv"): Promise<string[][]> {
  expect(res.status).toBe(200);
  const body = Buffer.from(await res.arrayBuffer());
  if (format === "csv") {
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const sheet = await new ExcelJS.Workbook().csv.read(
      (await import("node:stream")).Readable.from([body.toString("utf8").slice(1)]),
      {
        map: (v: string) => v,
      },
    );
    return sheet
      .getSheetValues()
      .slice(1)
      .map((r) => ((r as string[]) ?? []).slice(1).map((c) => String(c ?? "")));
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as never);
  return workbook.worksheets[0]
    .getSheetValues()
    .slice(1)
    .map((r) =>
      ((r as unknown[]) ?? [])
        .slice(1)
        .map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c ?? ""))),
    );
}

const query = (filter: Record<string, unknown>) =>
  new URLSearchParams(
    Object.entries(filter).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)]),
  ).toString();

describe("hazard ledger export", () => {
  const cases: [string, Claims, Record<string, unknown>][] = [
    ["province admin, major hazards", { role: "PROVINCE_ADMIN" }, { level: ["MAJOR"] }],
    [
      "city officer, open hazards",
      { role: "CITY_OFFICER", regionCode: "360100" },
      { status: ["REPORTED", "RECTIFYING"] },
    ],
    ["analyst, overdue in Ganzhou", { role: "ANALYST" }, { regionCode: "360700", overdue: true }],
    ["unit user, its own works", { role: "UNIT_USER", organizationId: -1 }, {}],
    [
      "anonymous public, fire hazards found in 2021",
      null,
      { category: ["FIRE"], discoveredFrom: "2021-01-01", discoveredTo: "2021-12-31" },
    ],
  ];
  for (const [name, claims, filter] of cases) {
    it(`has the list's totalCount rows: ${name}`, async () => {
      const who = claims?.role === "UNIT_USER" ? { ...claims, organizationId: unit.id } : claims;
      const r = await t.gql<{ hazards: { totalCount: number } }>(
        `query ($f: HazardFilter) { hazards(filter: $f) { totalCount } }`,
        { f: filter },
        who ?? undefined,
      );
      expect(r.errors).toBeUndefined();
      const total = r.data!.hazards.totalCount;
      expect(total).toBeGreaterThan(0);
      for (const format of ["xlsx", "csv"] as const) {
        const rows = await readRows(await download(`/export/hazards.${format}?${query(filter)}`, who), format);
        expect(rows.length - 2, `${format} rows`).toBe(total);
      }
    });
  }

  it("contains none of another region's rows for a scoped token, whatever the filter asks", async () => {
    const officer = { role: "COUNTY_OFFICER" as const, regionCode: county };
    const rows = await readRows(await download(`/export/hazards.csv?columns=code`, officer), "csv");
    const codes = rows.slice(2).map((r) => r[0]);
    expect(codes.length).toBe(await t.database.prisma.hazard.count({ where: { countyCode: county } }));
    const outside = await t.database.prisma.hazard.count({
      where: { code: { in: codes }, countyCode: { not: county } },
    });
    expect(outside).toBe(0);
    const elsewhere = await readRows(await download(`/export/hazards.csv?regionCode=360700`, officer), "csv");
    expect(elsewhere).toHaveLength(2);
  });

  it("has a title row naming the ledger, region, filter and date, and the offices' headers", async () => {
    const rows = await readRows(
      await download(`/export/hazards.xlsx?regionCode=360100&level=MAJOR&status=RECTIFYING`, { role: "ANALYST" }),
      "xlsx",
    );
    expect(rows[0][0]).toBe("问题隐患及整改台账　南昌市　筛选：状态=整改中；隐患等级=重大隐患　导出日期：2022-06-15");
    // The printed sheet numbers its rows (序号); the CSV is data only.
    expect(rows[1].slice(0, 6)).toEqual(["序号", "隐患编号", "隐患名称", "隐患描述", "工程编号", "人防工程"]);
    expect(rows.slice(2, 5).map((r) => r[0])).toEqual(["1", "2", "3"]);
    expect(new Set(rows.slice(2).map((r) => r[rows[1].indexOf("隐患等级")]))).toEqual(new Set(["重大隐患"]));
    const en = await readRows(
      await download(`/export/hazards.csv?regionCode=360100&level=MAJOR&lang=en&columns=code,level,status,deadline`, {
        role: "ANALYST",
      }),
      "csv",
    );
    expect(en[0][0]).toBe("Hazard ledger — 南昌市 — Filter: Level = Major hazard — Exported 2022-06-15");
    expect(en[1]).toEqual(["Code", "Level", "Status", "Deadline"]);
    expect(en[2][1]).toBe("Major hazard");
    expect(en.slice(2).every((r) => r[3] === "" || /^\d{4}-\d{2}-\d{2}$/.test(r[3]))).toBe(true);
  });

  it("follows the widgets' export URL: their column keys, sort and language", async () => {
    const path =
      "/export/hazards.csv?regionCode=360100&status=REPORTED,RECTIFYING&orderBy=DISCOVERED_ON:DESC&lang=zh-CN&columns=code,title,shelter,region,category,level,status,deadline,responsibleUnit";
    const rows = await readRows(await download(path, { role: "CITY_OFFICER", regionCode: "360100" }), "csv");
    expect(rows[1]).toEqual([
      "隐患编号",
      "隐患名称",
      "人防工程",
      "县区",
      "隐患类别",
      "隐患等级",
      "整改状态",
      "整改时限",
      "整改责任单位",
    ]);
    const r = await t.gql<{ hazards: { edges: { node: { code: string } }[] } }>(
      `{ hazards(first: 20, filter: { regionCode: "360100", status: [REPORTED, RECTIFYING] }, orderBy: [{ field: DISCOVERED_ON, direction: DESC }]) { edges { node { code } } } }`,
      {},
      { role: "CITY_OFFICER", regionCode: "360100" },
    );
    expect(rows.slice(2, 22).map((row) => row[0])).toEqual(r.data!.hazards.edges.map((e) => e.node.code));
  });

  it("leaves people's names and phones out for the public role", async () => {
    const staff = await readRows(await download(`/export/hazards.csv?regionCode=360100`, { role: "ANALYST" }), "csv");
    const anonymous = await readRows(await download(`/export/hazards.csv?regionCode=360100`, null), "csv");
    expect(staff[1]).toContain("整改责任人");
    expect(anonymous[1]).not.toContain("整改责任人");
    expect(anonymous[1]).not.toContain("联系电话");
    expect(anonymous[1]).not.toContain("发现人");
    expect(anonymous.length).toBe(staff.length);
  });

  it("reads pages of 900 rows with the same three statements for each page", async () => {
    // The export's region names are read once per export, whatever its size: not counted here.
    const cost = async (path: string) => {
      t.queries.reset();
      const rows = (await readRows(await download(path, { role: "PROVINCE_ADMIN" }), "csv")).length - 2;
      return { rows, statements: t.queries.log.filter((sql) => !/\bRegion\b/.test(sql)).length };
    };
    // Per page the hazards, their works and their responsible units; a last full page is
    // followed by one empty read. PostgreSQL joins the first page's three into one (Prisma's
    // relation joins do not reach the later, cursor-paged reads).
    const expected = (rows: number) =>
      3 * Math.floor(rows / PAGE_SIZE) + (rows % PAGE_SIZE ? 3 : 1) - (t.database.provider === "postgresql" ? 2 : 0);
    const all = await cost("/export/hazards.csv");
    expect(all.rows).toBe(await t.database.prisma.hazard.count());
    expect(all.rows).toBeGreaterThan(5 * PAGE_SIZE);
    expect(all.statements).toBe(expected(all.rows));
    const some = await cost("/export/hazards.csv?regionCode=360100&status=CLOSED");
    expect(some.statements).toBe(expected(some.rows));
  }, 180_000);

  it("refuses bad parameters and bad tokens before sending anything", async () => {
    const bad = await download(`/export/hazards.xlsx?status=OPEN`, { role: "ANALYST" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].extensions).toMatchObject({
      code: "VALIDATION",
      field: "status",
      rule: "enum",
    });
    const column = await download(`/export/hazards.xlsx?columns=code,salary`, { role: "ANALYST" });
    expect((await column.json()).errors[0].extensions).toMatchObject({ field: "columns", rule: "enum" });
    const token = await t.api.fetch("http://yoga/export/hazards.csv", {
      headers: { authorization: "Bearer nonsense" },
    });
    expect(token.status).toBe(401);
  });
});

describe("registry export", () => {
  const cases: [string, Claims, Record<string, unknown>][] = [
    ["province admin, parking works", { role: "PROVINCE_ADMIN" }, { peacetimeUse: ["PARKING"] }],
    [
      "city officer, early works with open hazards",
      { role: "CITY_OFFICER", regionCode: "360700" },
      { isEarlyWork: true, hasOpenHazards: false },
    ],
    ["county officer, everything", { role: "COUNTY_OFFICER", regionCode: "" }, {}],
  ];
  for (const [name, claims, filter] of cases) {
    it(`has the list's totalCount rows: ${name}`, async () => {
      const who = claims?.role === "COUNTY_OFFICER" ? { ...claims, regionCode: county } : claims;
      const r = await t.gql<{ shelters: { totalCount: number } }>(
        `query ($f: ShelterFilter) { shelters(filter: $f) { totalCount } }`,
        { f: filter },
        who ?? undefined,
      );
      const total = r.data!.shelters.totalCount;
      expect(total).toBeGreaterThan(0);
      const rows = await readRows(await download(`/export/shelters.xlsx?${query(filter)}`, who), "xlsx");
      expect(rows.length - 2).toBe(total);
      if (who?.regionCode)
        expect(
          rows.slice(2).every((row) => row[rows[1].indexOf("区划代码")].startsWith(who.regionCode!.slice(0, 4))),
        ).toBe(true);
    });
  }

  it("follows the shelter ledger widget's export URL, in English", async () => {
    const columns = "code,name,region,status,peacetimeUse,parkingSpaces,openHazardCount";
    const path = `/export/shelters.csv?regionCode=360100&status=IN_USE&lang=en&columns=${columns}`;
    const rows = await readRows(await download(path, { role: "ANALYST" }), "csv");
    expect(rows[1]).toEqual(["Code", "Name", "County", "Status", "Peacetime use", "Parking spaces", "Open hazards"]);
    expect(new Set(rows.slice(2).map((r) => r[3]))).toEqual(new Set(["In use"]));
    expect(rows.length - 2).toBe(
      await t.database.prisma.shelter.count({ where: { cityCode: "360100", status: "IN_USE" } }),
    );
  });
});
