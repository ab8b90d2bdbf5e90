// The census import through the API (importShelters, GraphQL multipart request): a workbook with
// many kinds of bad rows is refused whole with a report naming each one and the database is
// unchanged; a good workbook imports and importing it again changes nothing; the exported
// registry and the template import back.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ValidationError } from "@renfang/schema/errors";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importShelterFile, issueReport } from "../src/excel/import.ts";
import { type TestApi, TODAY, testApi, tokenFor } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

type Claims = Parameters<typeof tokenFor>[0];
const admin: Claims = { role: "PROVINCE_ADMIN" };
const nanchang: Claims = { role: "CITY_OFFICER", regionCode: "360100" };

const IMPORT = `mutation ($input: ImportSheltersInput!) {
  importShelters(input: $input) {
    __typename
    ... on ImportSheltersPayload { rows created updated unchanged skipped dryRun }
    ... on ValidationError { field rule issues { field rule message } }
    ... on Error { message code }
  }
}`;

interface Result {
  __typename: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  issues: { field: string; rule: string; message: string }[];
}

/** Uploads a file as the GraphQL multipart request spec says. */
async function upload(body: Uint8Array | string, name: string, claims: Claims, dryRun = false): Promise<Result> {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query: IMPORT, variables: { input: { file: null, dryRun } } }));
  form.set("map", JSON.stringify({ 0: ["variables.input.file"] }));
  form.set("0", new Blob([body as BlobPart]), name);
  const res = await t.api.fetch("http://yoga/graphql", {
    method: "POST",
    headers: { authorization: `Bearer ${await tokenFor(claims)}` },
    body: form,
  });
  const json = await res.json();
  expect(json.errors, JSON.stringify(json.errors)).toBeUndefined();
  return json.data.importShelters;
}

const header = [
  "工程编号",
  "工程名称",
  "区划代码",
  "地址",
  "经度",
  "纬度",
  "建设类型",
  "防护等级",
  "战时功能",
  "建筑面积(㎡)",
  "掩蔽人数",
  "平时用途",
  "车位数",
  "车位启用日期",
  "工程状态",
  "管理单位编码",
];
const row = (code: string, over: Record<string, unknown> = {}) => {
  const base: Record<string, unknown> = {
    工程编号: code,
    工程名称: `${code} 地下停车场`,
    区划代码: "360102",
    地址: "南昌市东湖区阳明路1号",
    经度: 115.91,
    纬度: 28.68,
    建设类型: "结建",
    防护等级: "核6",
    战时功能: "Personnel shelter",
    "建筑面积(㎡)": 4200,
    掩蔽人数: 2100,
    平时用途: "PARKING",
    车位数: 96,
    车位启用日期: new Date("2021-09-30T00:00:00Z"),
    工程状态: "使用中",
    管理单位编码: "ORG-360100-M001",
  };
  return header.map((h) => (h in over ? over[h] : base[h]));
};

async function workbook(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("普查表");
  ws.addRow(["2021年人防工程普查汇总表（南昌市）"]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function digest() {
  const p = t.database.prisma;
  const versions = await p.shelter.aggregate({ _sum: { version: true } });
  return { shelters: await p.shelter.count(), audit: await p.auditLog.count(), versions: versions._sum.version };
}

describe("importShelters", () => {
  it("refuses a workbook with bad rows whole, naming each row, column and rule", async () => {
    const elsewhere = await t.database.prisma.shelter.findFirstOrThrow({ where: { cityCode: "360700" } });
    const file = await workbook([
      row("RF-T-0001"), // row 3: good, but not written
      row("RF-T-0002", { 区划代码: "360199" }), // 4: no such region
      row("RF-T-0003", { 区划代码: "360100" }), // 5: a city, not a county
      row("RF-T-0004", { 区划代码: "360702", 经度: 114.93, 纬度: 25.83 }), // 6: outside the officer's city
      row("RF-T-0005", { 建设类型: "地下室" }), // 7: not an enum label
      row("RF-T-0006", { "建筑面积(㎡)": "约四千" }), // 8: not a number
      row("RF-T-0007", { 车位启用日期: "2021-02-30" }), // 9: not a date
      row("RF-T-0008", { 经度: 121.47, 纬度: 31.23 }), // 10: Shanghai, not Jiangxi
      row("RF-T-0001"), // 11: duplicate code
      row("RF-T-0010", { 工程名称: "" }), // 12: required
      row("rf t 11"), // 13: code format
      row("RF-T-0012", { 管理单位编码: "ORG-NOPE" }), // 14: unknown organization
      row("RF-T-0013", { 工程状态: "停业整顿" }), // 15: not a label → enum
      row("RF-T-0014", { 工程状态: "责令停业整顿" }), // 16: SUSPENDED only via suspendShelter
      row(elsewhere.code), // 17: an existing work of another city
      row("RF-T-0016", { 掩蔽人数: 12.5 }), // 18: whole persons
    ]);
    const before = await digest();
    const r = await upload(file, "census.xlsx", nanchang);
    expect(r.__typename).toBe("ValidationError");
    expect(r.issues.map((i) => [i.field, i.rule])).toEqual([
      ["rows.4.regionCode", "exists"],
      ["rows.5.regionCode", "county"],
      ["rows.6.regionCode", "scope"],
      ["rows.7.constructionType", "enum"],
      ["rows.8.area", "number"],
      ["rows.9.parkingOpenedOn", "date"],
      ["rows.10.latitude", "province"],
      ["rows.11.code", "unique"],
      ["rows.12.name", "required"],
      ["rows.13.code", "format"],
      ["rows.14.managerCode", "exists"],
      ["rows.15.status", "enum"],
      ["rows.16.status", "workflow"],
      ["rows.17.code", "scope"],
      ["rows.18.wartimeCapacity", "integer"],
    ]);
    expect(r.issues[0].message).toBe("row 4, column 区划代码: exists: region 360199 does not exist");
    expect(r.issues[3].message).toContain("column 建设类型");
    expect(await digest()).toEqual(before);
  });

  it("imports a good workbook, and importing it again changes nothing", async () => {
    const file = await workbook([
      row("RF-G-0001"),
      row("RF-G-0002", { 建设类型: "STANDALONE", 战时功能: "医疗救护", 区划代码: "360103", 地址: "西湖区1号" }),
      row("RF-G-0003", { 车位启用日期: "2022/3/1", 经度: null, 纬度: null }),
    ]);
    const dry = await upload(file, "good.xlsx", nanchang, true);
    expect(dry).toMatchObject({ rows: 3, created: 3, dryRun: true });
    expect(await t.database.prisma.shelter.count({ where: { code: { startsWith: "RF-G-" } } })).toBe(0);

    const first = await upload(file, "good.xlsx", nanchang);
    expect(first).toMatchObject({ __typename: "ImportSheltersPayload", rows: 3, created: 3, updated: 0, unchanged: 0 });
    const g2 = await t.database.prisma.shelter.findUniqueOrThrow({
      where: { code: "RF-G-0002" },
      include: { manager: true },
    });
    expect(g2).toMatchObject({
      regionCode: "360103",
      cityCode: "360100",
      provinceCode: "360000",
      constructionType: "STANDALONE",
      wartimeFunction: "MEDICAL_AID",
      peacetimeUse: "PARKING",
      status: "IN_USE",
      parkingSpaces: 96,
      parkingOpenedYear: 2021,
    });
    expect(g2.manager?.code).toBe("ORG-360100-M001");
    const g3 = await t.database.prisma.shelter.findUniqueOrThrow({ where: { code: "RF-G-0003" } });
    expect([g3.parkingOpenedOn?.toISOString(), g3.latitude]).toEqual(["2022-03-01T00:00:00.000Z", null]);
    expect(await t.database.prisma.auditLog.count({ where: { operation: "importShelters" } })).toBe(3);

    const before = await digest();
    const again = await upload(file, "good.xlsx", nanchang);
    expect(again).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    expect(await digest()).toEqual(before);
  });

  it("re-imports the exported registry unchanged, and a changed cell updates only that work", async () => {
    const exported = async (format: string) => {
      const res = await t.api.fetch(`http://yoga/export/shelters.${format}?regionCode=360111`, {
        headers: { authorization: `Bearer ${await tokenFor(admin)}` },
      });
      return new Uint8Array(await res.arrayBuffer());
    };
    const count = await t.database.prisma.shelter.count({ where: { regionCode: "360111" } });
    expect(count).toBeGreaterThan(10);
    const before = await digest();
    for (const format of ["xlsx", "csv"]) {
      const r = await upload(await exported(format), `registry.${format}`, admin);
      expect(r, format).toMatchObject({ rows: count, created: 0, updated: 0, unchanged: count });
    }
    expect(await digest()).toEqual(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported("xlsx")) as never);
    const ws = wb.worksheets[0];
    const census = (ws.getRow(2).values as string[]).indexOf("普查状态");
    const target = ws.getRow(3);
    const code = String(target.getCell((ws.getRow(2).values as string[]).indexOf("工程编号")).value);
    const work = await t.database.prisma.shelter.findUniqueOrThrow({ where: { code } });
    target.getCell(census).value = work.censusStatus === "VERIFIED" ? "已普查" : "已核实";
    const r = await upload(new Uint8Array(await wb.xlsx.writeBuffer()), "edited.xlsx", admin);
    expect(r).toMatchObject({ rows: count, created: 0, updated: 1, unchanged: count - 1 });
    const after = await t.database.prisma.shelter.findUniqueOrThrow({ where: { code } });
    expect(after.version).toBe(work.version + 1);
    expect(after.censusStatus).not.toBe(work.censusStatus);
  });

  it("quotes formula-like text in CSV exports and reads it back unchanged", async () => {
    const work = await t.database.prisma.shelter.findFirstOrThrow({ where: { regionCode: "360112" } });
    await t.database.prisma.shelter.update({
      where: { id: work.id },
      data: { name: '=HYPERLINK("http://x")工程', address: "@新建区1号" },
    });
    const res = await t.api.fetch("http://yoga/export/shelters.csv?regionCode=360112", {
      headers: { authorization: `Bearer ${await tokenFor(admin)}` },
    });
    const csv = await res.text();
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")工程"`);
    expect(csv).toContain("'@新建区1号");
    const r = await upload(new TextEncoder().encode(csv), "registry.csv", admin);
    expect(r).toMatchObject({ created: 0, updated: 0 });
  });

  it("imports a filled-in template, skipping its example row", async () => {
    const res = await t.api.fetch("http://yoga/export/shelters-template.xlsx", {
      headers: { authorization: `Bearer ${await tokenFor(nanchang)}` },
    });
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["人防工程", "填写说明", "区划代码"]);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(2).values as string[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(["工程编号 *", "工程名称 *", "区划代码 *"]);
    const example = (ws.getRow(3).values as unknown[]).slice(1);
    ws.addRow(example.map((v, i) => (i === 0 ? "RF-TPL-0001" : v)));
    const r = await upload(new Uint8Array(await wb.xlsx.writeBuffer()), "template.xlsx", nanchang);
    expect(r).toMatchObject({ rows: 1, created: 1, skipped: 1 });
  });

  it("is for roles that write: an analyst is refused before anything runs", async () => {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: IMPORT, variables: { input: { file: null } } }));
    form.set("map", JSON.stringify({ 0: ["variables.input.file"] }));
    form.set("0", new Blob([(await workbook([row("RF-A-0001")])) as BlobPart]), "a.xlsx");
    const headers = { authorization: `Bearer ${await tokenFor({ role: "ANALYST" })}` };
    const json = await (await t.api.fetch("http://yoga/graphql", { method: "POST", headers, body: form })).json();
    // Refused as a top-level FORBIDDEN before execution, or as the typed ForbiddenError.
    const refused =
      json.errors?.[0]?.extensions?.code === "FORBIDDEN" || json.data?.importShelters?.__typename === "ForbiddenError";
    expect(refused, JSON.stringify(json)).toBe(true);
    expect(await t.database.prisma.shelter.count({ where: { code: "RF-A-0001" } })).toBe(0);
  });

  it("runs the same import from the command line, reading a CSV saved as GB18030 by Excel", async () => {
    // 工程编号,工程名称,区划代码,…,平时用途 / RF-GB-0001,青山湖地下停车场,360111,… encoded in GB18030.
    const gb18030 =
      "b9a4b3ccb1e0bac52cb9a4b3ccc3fbb3c62cc7f8bbaeb4fac2eb2cb5d8d6b72cbda8c9e8c0e0d0cd2cb7c0bba4b5c8bcb62cd5bdcab1b9a6c4dc2cbda8d6fec3e6bbfd28a94f292cd1dab1cec8cbcafd2cc6bdcab1d3c3cdbe0d0a52462d47422d303030312cc7e0c9bdbafeb5d8cfc2cda3b3b5b3a12c3336303131312cc7e0c9bdbafec7f8b1b1bea9b6abc2b738bac52cb5a5bda82cbacb362cc8cbd4b1d1dab1ce2c323330302c313230302cb5d8cfc2cda3b3b5b3a10d0a";
    const dir = mkdtempSync(join(tmpdir(), "renfang-import-"));
    const file = join(dir, "普查.csv");
    writeFileSync(file, Buffer.from(gb18030, "hex"));
    expect(await importShelterFile(t.database, file, { now: TODAY, dryRun: true })).toMatchObject({
      created: 1,
      dryRun: true,
    });
    expect(await importShelterFile(t.database, file, { now: TODAY })).toMatchObject({ rows: 1, created: 1 });
    const work = await t.database.prisma.shelter.findUniqueOrThrow({ where: { code: "RF-GB-0001" } });
    expect([work.name, work.address, work.constructionType]).toEqual([
      "青山湖地下停车场",
      "青山湖区北京东路8号",
      "STANDALONE",
    ]);
    expect(await t.database.prisma.auditLog.count({ where: { recordId: String(work.id), actor: "cli" } })).toBe(1);

    const bad = join(dir, "bad.csv");
    writeFileSync(
      bad,
      "工程编号,工程名称,区划代码,地址,建设类型,防护等级,战时功能,建筑面积(㎡),掩蔽人数,平时用途\nRF-GB-0002,坏工程,360111,某地,单建,核9,人员掩蔽,10,1,地下停车场\n",
    );
    const err = await importShelterFile(t.database, bad, { now: TODAY }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(issueReport(err).split("\n").slice(1)).toEqual([
      "row\tcolumn\trule\tproblem",
      "2\t防护等级\tformat\ta protection class such as 核5, 核6B, 常6",
    ]);
  });
});
