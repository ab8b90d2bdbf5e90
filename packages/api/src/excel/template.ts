// The census import template (人防工程普查导入模板): the columns import reads, an example row
// (code 「示例」, skipped on import), drop-down lists of the allowed values, a sheet explaining
// every column and one listing the county codes a work can be registered in.
import { EXAMPLE_CODE } from "@renfang/schema/rules/shelter-rows";
import { booleanLabel } from "@renfang/schema/sheets/cells";
import { header } from "@renfang/schema/sheets/column";
import { loadExcelJS } from "@renfang/schema/sheets/exceljs";
import { allowedLabels, type EnumLabels, enumLabel, type Lang } from "@renfang/schema/sheets/labels";
import { type ShelterColumn, shelterColumns } from "@renfang/schema/sheets/shelter-sheet";
import type ExcelJS from "exceljs";
import { sheetPrintSetup } from "./print-layout.ts";

/** Rows that get drop-down lists. */
const FILLABLE_ROWS = 5000;

const example: Record<string, string | number | Date> = {
  code: EXAMPLE_CODE,
  name: "八一广场地下停车场",
  regionCode: "360102",
  address: "南昌市东湖区八一大道1号",
  longitude: 115.9075,
  latitude: 28.6784,
  constructionType: "ATTACHED",
  protectionClass: "核6",
  wartimeFunction: "PERSONNEL_SHELTER",
  area: 5200,
  wartimeCapacity: 3000,
  peacetimeUse: "PARKING",
  parkingSpaces: 120,
  parkingOpenedOn: new Date("2021-05-01T00:00:00Z"),
  completionYear: 2008,
  isEarlyWork: "false",
  status: "IN_USE",
  disasterShelter: "true",
  disasterCapacity: 1500,
  censusStatus: "SURVEYED",
};

/** What a column accepts, for the instructions sheet. */
const formats: Record<string, [string, string]> = {
  code: [
    "大写字母、数字和-，3–40位，如 RF-360102-0001；已有编号则更新该工程",
    "A–Z, 0–9 and -, 3–40 characters; an existing code updates that work",
  ],
  regionCode: ["县级区划代码（6位），见「区划代码」表", "six-digit county code, see the region sheet"],
  longitude: ["WGS-84 经度，须在本省范围内；与纬度同填或同空", "WGS-84, inside the province; together with latitude"],
  latitude: ["WGS-84 纬度，须在本省范围内", "WGS-84, inside the province"],
  protectionClass: ["如 核5、核6、核6B、常5、常6", "e.g. 核5, 核6, 核6B, 常5, 常6"],
  parkingOpenedOn: ["日期，如 2021-05-01，不晚于今天", "a date such as 2021-05-01, not after today"],
  completionYear: ["1950–2100", "1950–2100"],
  builderCode: ["已登记单位的编码", "code of a registered organization"],
};

const importColumns = shelterColumns.filter((c) => c.read);

function allowed(column: ShelterColumn, labels: EnumLabels, lang: Lang): string[] | null {
  if (column.kind === "enum") return allowedLabels(labels, column.enumType!, lang);
  if (column.kind === "bool") return [booleanLabel(true, lang), booleanLabel(false, lang)];
  return null;
}

function exampleCell(column: ShelterColumn, labels: EnumLabels, lang: Lang) {
  const value = example[column.key];
  if (value == null) return null;
  if (column.kind === "enum") return enumLabel(labels, column.enumType!, value as string, lang);
  if (column.kind === "bool") return booleanLabel(value === "true", lang);
  return value;
}

/** exceljs has range validations (worksheet.dataValidations) but its typings do not declare them. */
const validations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;

export interface TemplateOptions {
  labels: EnumLabels;
  lang: Lang;
  /** County-level regions a work can be registered in. */
  counties: { code: string; name: string; cityName: string }[];
}

export async function templateWorkbook({ labels, lang, counties }: TemplateOptions): Promise<Uint8Array> {
  const zh = lang === "zh";
  const { Workbook } = await loadExcelJS();
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(zh ? "人防工程" : "Shelters", {
    views: [{ state: "frozen", ySplit: 2 }],
    ...sheetPrintSetup(lang),
  });
  sheet.columns = importColumns.map((c) => ({
    key: c.key,
    width: c.width ?? 12,
    style: c.kind === "date" ? { numFmt: "yyyy-mm-dd" } : {},
  }));
  sheet.addRow([
    zh
      ? `人防工程普查导入模板：从第3行起每行填写一个工程，带 * 的列必填；工程编号为「${EXAMPLE_CODE}」的灰色示例行导入时跳过。`
      : `Shelter census import template: one work per row from row 3; columns marked * are required; the grey example row (code "${EXAMPLE_CODE}") is skipped.`,
  ]).font = { bold: true };
  sheet.mergeCells(1, 1, 1, importColumns.length);
  const head = sheet.addRow(importColumns.map((c) => `${header(c, lang)}${c.read?.required ? " *" : ""}`));
  head.font = { bold: true };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE4EE" } };
  sheet.addRow(importColumns.map((c) => exampleCell(c, labels, lang))).font = {
    italic: true,
    color: { argb: "FF808080" },
  };
  importColumns.forEach((column, i) => {
    const values = allowed(column, labels, lang);
    if (!values) return;
    const letter = sheet.getColumn(i + 1).letter;
    validations(sheet).add(`${letter}3:${letter}${FILLABLE_ROWS}`, {
      type: "list",
      allowBlank: !column.read?.required,
      formulae: [`"${values.join(",")}"`],
      showErrorMessage: true,
      error: `${zh ? "可选值" : "Allowed"}: ${values.join(" / ")}`,
    });
  });

  const notes = workbook.addWorksheet(zh ? "填写说明" : "Instructions");
  notes.columns = [{ width: 16 }, { width: 20 }, { width: 8 }, { width: 70 }];
  notes.addRow(
    zh ? ["列名", "English", "必填", "格式 / 可选值"] : ["Column", "中文", "Required", "Format / allowed values"],
  ).font = { bold: true };
  for (const c of importColumns) {
    const values = allowed(c, labels, "zh");
    const english = c.kind === "enum" ? allowedLabels(labels, c.enumType!, "en") : null;
    const format = values
      ? `${values.join(" / ")}${english ? `（${english.join(" / ")}）` : ""}`
      : (formats[c.key.replace(/(manager|user)Code/, "builderCode")]?.[zh ? 0 : 1] ?? c.kind);
    notes.addRow([header(c, lang), header(c, zh ? "en" : "zh"), c.read?.required ? (zh ? "是" : "yes") : "", format]);
  }

  const regions = workbook.addWorksheet(zh ? "区划代码" : "Regions");
  regions.columns = [{ width: 10 }, { width: 14 }, { width: 12 }];
  regions.addRow(zh ? ["区划代码", "县区", "设区市"] : ["Code", "County", "City"]).font = { bold: true };
  for (const r of counties) regions.addRow([r.code, r.name, r.cityName]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
