// The census import's row rules, called directly: header detection, cell conversion, the zod
// rules of the registry, rules between cells and duplicate codes.
import { describe, expect, it } from "vitest";
import { schema } from "../src/index.ts";
import { insideProvince } from "../src/rules/province-bounds.ts";
import { EXAMPLE_CODE, readShelterRows } from "../src/rules/shelter-rows.ts";
import { parseBoolean, parseDate, parseNumber, textOf } from "../src/sheets/cells.ts";
import { enumLabel, enumLabels, parseEnum, splitDescription } from "../src/sheets/labels.ts";
import type { Cell, Sheet } from "../src/sheets/read.ts";

const labels = enumLabels(schema);
const today = new Date("2022-06-15T00:00:00Z");
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
  "早期人防工程",
  "工程状态",
  "兼顾防灾避难",
  "避难人数",
];
const good: Cell[] = [
  "RF-360102-0001",
  "八一广场地下停车场",
  "360102",
  "东湖区八一大道1号",
  115.9,
  28.68,
  "结建",
  "核6",
  "人员掩蔽",
  5200.5,
  3000,
  "地下停车场",
  120,
  "2021-05-01",
  "否",
  "使用中",
  "是",
  1500,
];

function sheet(...data: Cell[][]): Sheet {
  return { name: "t", rows: [["人防工程普查表"], header, ...data].map((cells, i) => ({ number: i + 1, cells })) };
}
let serial = 100;
/** The good row with a fresh code and one cell changed. */
const withCell = (i: number, value: Cell) =>
  good.map((c, j) => (j === i ? value : j === 0 ? `RF-360102-0${serial++}` : c));
const col = (name: string) => header.indexOf(name);

describe("enum labels from the schema", () => {
  it("splits a description into English and Chinese labels", () => {
    expect(splitDescription("ATTACHED", "Attached to a building (结建).")).toEqual({
      value: "ATTACHED",
      en: "Attached to a building",
      zh: "结建",
    });
    expect(splitDescription("MAJOR", "Major hazard (重大隐患): needs funds.")).toMatchObject({
      en: "Major hazard",
      zh: "重大隐患",
    });
  });
  it("accepts the value, the Chinese or the English label, in any case", () => {
    for (const text of ["PARKING", "parking", "地下停车场", "Underground car park", " underground CAR park "]) {
      expect(parseEnum(labels, "PeacetimeUse", text)).toBe("PARKING");
    }
    expect(parseEnum(labels, "PeacetimeUse", "停车")).toBeNull();
    expect(enumLabel(labels, "ShelterStatus", "IN_USE", "zh")).toBe("使用中");
    expect(enumLabel(labels, "ShelterStatus", "IN_USE", "en")).toBe("In use");
  });
});

describe("cells", () => {
  it("reads numbers, dates and yes/no as people type them", () => {
    expect(parseNumber("1,234.5")).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber("12a").ok).toBe(false);
    for (const text of ["2021-05-01", "2021/5/1", "2021年5月1日", "2021.05.01"]) {
      expect(parseDate(text)).toEqual({ ok: true, value: new Date("2021-05-01T00:00:00Z") });
    }
    expect(parseDate("2021-02-30")).toMatchObject({ ok: false, rule: "date" });
    expect(parseBoolean("是")).toEqual({ ok: true, value: true });
    expect(parseBoolean("No")).toEqual({ ok: true, value: false });
    expect(parseBoolean("maybe")).toMatchObject({ ok: false, rule: "boolean" });
    expect(textOf("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(textOf("'引号")).toBe("'引号");
  });
  it("knows roughly where Jiangxi is", () => {
    expect(insideProvince("360102", 28.68, 115.9)).toBe(true);
    expect(insideProvince("360102", 115.9, 28.68)).toBe(false);
    expect(insideProvince("360102", 39.9, 116.4)).toBe(false);
  });
});

describe("readShelterRows", () => {
  it("finds the header under a title row and converts a good row", () => {
    const { records, issues } = readShelterRows(sheet(good), labels, today);
    expect(issues).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ row: 3, code: "RF-360102-0001" });
    expect(records[0].values).toMatchObject({
      constructionType: "ATTACHED",
      wartimeFunction: "PERSONNEL_SHELTER",
      peacetimeUse: "PARKING",
      status: "IN_USE",
      parkingOpenedOn: new Date("2021-05-01T00:00:00Z"),
      isEarlyWork: false,
      disasterShelter: true,
      area: 5200.5,
    });
  });

  it("reads English headers and English labels", () => {
    const en = [
      "Code",
      "Name",
      "Region code",
      "Address",
      "Construction type",
      "Protection class",
      "Wartime function",
      "Area (m²)",
      "Wartime capacity",
      "Peacetime use",
    ];
    const row = [
      "RF-360102-0002",
      "Test work",
      "360102",
      "Somewhere 1",
      "Standalone work",
      "核5",
      "Medical aid",
      800,
      200,
      "Storage",
    ];
    const { records, issues } = readShelterRows(
      { name: "t", rows: [en, row].map((cells, i) => ({ number: i + 1, cells })) },
      labels,
      today,
    );
    expect(issues).toEqual([]);
    expect(records[0].values).toMatchObject({
      constructionType: "STANDALONE",
      wartimeFunction: "MEDICAL_AID",
      peacetimeUse: "STORAGE",
    });
  });

  it("reports every bad cell with its row, column and rule", () => {
    const bad = sheet(
      withCell(col("工程编号"), "rf 1"), // row 3: format
      withCell(col("工程名称"), ""), // row 4: required
      withCell(col("建设类型"), "地下"), // row 5: enum
      withCell(col("建筑面积(㎡)"), "很大"), // row 6: number
      withCell(col("建筑面积(㎡)"), -5), // row 7: range
      withCell(col("掩蔽人数"), 10.5), // row 8: integer
      withCell(col("车位启用日期"), "2021-13-01"), // row 9: date
      withCell(col("早期人防工程"), "也许"), // row 10: boolean
      withCell(col("纬度"), ""), // row 11: pair
      withCell(col("经度"), 120.9), // row 12: province
      withCell(col("车位启用日期"), "2023-01-01"), // row 13: range (future)
      withCell(col("工程名称"), "东湖区 2 号工程"), // row 14
      good, // row 15
      good, // row 16: unique
      withCell(col("防护等级"), "甲级"), // row 17: format
    );
    const { records, issues } = readShelterRows(bad, labels, today);
    expect(issues.map((i) => [i.row, i.column, i.rule])).toEqual([
      [3, "工程编号", "format"],
      [4, "工程名称", "required"],
      [5, "建设类型", "enum"],
      [6, "建筑面积(㎡)", "number"],
      [7, "建筑面积(㎡)", "range"],
      [8, "掩蔽人数", "integer"],
      [9, "车位启用日期", "date"],
      [10, "早期人防工程", "boolean"],
      [11, "纬度", "pair"],
      [12, "纬度", "province"],
      [13, "车位启用日期", "range"],
      [16, "工程编号", "unique"],
      [17, "防护等级", "format"],
    ]);
    expect(issues.find((i) => i.row === 5)?.message).toContain("单建/结建");
    expect(issues.find((i) => i.row === 16)?.message).toBe("code RF-360102-0001 is also on row 15");
    expect(records.map((r) => r.row)).toEqual([14, 15]);
  });

  it("names a missing required column and a sheet without a header", () => {
    const noRegion = {
      name: "t",
      rows: [header.filter((h) => h !== "区划代码"), good].map((cells, i) => ({ number: i + 1, cells })),
    };
    expect(readShelterRows(noRegion, labels, today).issues[0]).toMatchObject({
      row: 1,
      column: "区划代码",
      rule: "column",
    });
    expect(
      readShelterRows({ name: "t", rows: [{ number: 1, cells: ["a", "b"] }] }, labels, today).issues[0],
    ).toMatchObject({ rule: "header" });
  });

  it("skips the template's example row", () => {
    const { records, skipped, issues } = readShelterRows(sheet(withCell(0, EXAMPLE_CODE), good), labels, today);
    expect(issues).toEqual([]);
    expect([records.length, skipped]).toEqual([1, 1]);
  });
});
