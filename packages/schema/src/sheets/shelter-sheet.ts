// The registry sheet (人防工程台账 / 普查表): one column list for the export, the import and the
// template, so an exported registry imports back unchanged. Columns with `read` are imported;
// the others (names next to codes, open hazard counts) are for people and ignored on import.
import type { z } from "zod";
import type { Organization, Shelter } from "../generated/sqlite/client.js";
import { shelterFields as v } from "../rules/shelter-input.ts";
import { booleanLabel, textOf } from "./cells.ts";
import type { RenderContext, SheetColumn } from "./column.ts";
import { enumLabel } from "./labels.ts";
import type { Cell, Sheet } from "./read.ts";

type OrgRef = Pick<Organization, "code" | "name"> | null;
export type ShelterSheetRow = Shelter & { builder: OrgRef; manager: OrgRef; user: OrgRef };

export interface ShelterColumn extends SheetColumn<ShelterSheetRow> {
  /** Read on import: `required` columns must be present and filled; `rule` is the zod rule of the field. */
  read?: { required?: boolean; rule?: z.ZodType };
}

type Kind = ShelterColumn["kind"];
type Read = ShelterColumn["read"];
const required = (rule?: z.ZodType): Read => ({ required: true, rule });
const optional = (rule?: z.ZodType): Read => ({ rule });
const regionName = (code: string | null | undefined, c: RenderContext) =>
  code ? (c.regions.get(code)?.name ?? code) : null;

/** A column holding a field of the work as it is (text, numbers, dates). */
function field(key: keyof Shelter, zh: string, en: string, kind: Kind, width: number, read: Read): ShelterColumn {
  return { key, zh, en, kind, width, read, value: (s) => s[key] as Cell };
}

/** An enum field, shown by its label in the sheet's language. */
function enumField(key: keyof Shelter, zh: string, en: string, type: string, read: Read): ShelterColumn {
  return {
    key,
    zh,
    en,
    kind: "enum",
    enumType: type,
    width: 12,
    read,
    value: (s, c) => enumLabel(c.labels, type, String(s[key]), c.lang),
  };
}

/** A yes/no field, shown as 是/否 (Yes/No). */
function boolField(key: keyof Shelter, zh: string, en: string): ShelterColumn {
  return { key, zh, en, kind: "bool", width: 8, read: {}, value: (s, c) => booleanLabel(Boolean(s[key]), c.lang) };
}

/** A column for people only: import ignores it. */
function shown(key: string, zh: string, en: string, width: number, value: ShelterColumn["value"]): ShelterColumn {
  return { key, zh, en, kind: "text", width, value };
}

/** The builder, manager and user: the code is imported, the name shown next to it. */
function organization(role: "builder" | "manager" | "user", zh: string, en: string): ShelterColumn[] {
  return [
    {
      key: `${role}Code`,
      zh: `${zh}编码`,
      en: `${en} code`,
      kind: "text",
      width: 12,
      read: {},
      value: (s) => s[role]?.code ?? null,
    },
    shown(role, zh, en, 24, (s) => s[role]?.name ?? null),
  ];
}

export const shelterColumns: ShelterColumn[] = [
  field("code", "工程编号", "Code", "text", 18, required(v.code)),
  field("name", "工程名称", "Name", "text", 28, required(v.name)),
  shown("city", "设区市", "City", 10, (s, c) => regionName(s.cityCode, c)),
  shown("county", "县区", "County", 10, (s, c) => regionName(s.regionCode, c)),
  field("regionCode", "区划代码", "Region code", "text", 10, required(v.regionCode)),
  field("address", "地址", "Address", "text", 36, required(v.address)),
  field("longitude", "经度", "Longitude", "float", 11, optional(v.longitude)),
  field("latitude", "纬度", "Latitude", "float", 11, optional(v.latitude)),
  enumField("constructionType", "建设类型", "Construction type", "ConstructionType", required()),
  enumField("wartimeFunction", "战时功能", "Wartime function", "WartimeFunction", required()),
  field("protectionClass", "防护等级", "Protection class", "text", 9, required(v.protectionClass)),
  field("area", "建筑面积(㎡)", "Area (m²)", "float", 12, required(v.area)),
  field("wartimeCapacity", "掩蔽人数", "Wartime capacity", "int", 10, required(v.wartimeCapacity)),
  enumField("peacetimeUse", "平时用途", "Peacetime use", "PeacetimeUse", required()),
  field("parkingSpaces", "车位数", "Parking spaces", "int", 8, optional(v.parkingSpaces)),
  field("parkingOpenedOn", "车位启用日期", "Parking opened on", "date", 12, optional()),
  field("completionYear", "竣工年份", "Completion year", "int", 9, optional(v.completionYear)),
  boolField("isEarlyWork", "早期人防工程", "Early work"),
  enumField("status", "工程状态", "Status", "ShelterStatus", optional()),
  boolField("disasterShelter", "兼顾防灾避难", "Disaster shelter"),
  field("disasterCapacity", "避难人数", "Disaster capacity", "int", 9, optional(v.disasterCapacity)),
  field("metroStation", "地铁站", "Metro station", "text", 12, optional(v.metroStation)),
  enumField("censusStatus", "普查状态", "Census status", "CensusStatus", optional()),
  ...organization("builder", "建设单位", "Builder"),
  ...organization("manager", "管理单位", "Manager"),
  ...organization("user", "使用单位", "User"),
  shown("openHazardCount", "未销号隐患数", "Open hazards", 8, (s) => s.openHazardCount),
];

/** The widgets' column keys that differ from ours. */
export const shelterColumnAliases: Record<string, string> = { region: "county" };

/** Headers as people type them: full-width brackets, a required-mark *, spaces, ㎡ or m². */
const normal = (s: string) =>
  s
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/[*＊\s]/g, "")
    .replace(/㎡/g, "m²")
    .toLowerCase();
const byHeader = new Map(shelterColumns.flatMap((c) => [c.zh, c.en, c.key].map((n) => [normal(n), c] as const)));

/** The header row — the first of the first ten rows naming at least three of our columns — and each cell's column. */
export function findShelterHeader(sheet: Sheet) {
  for (const row of sheet.rows.slice(0, 10)) {
    const columns = row.cells.map((cell) => (cell == null ? undefined : byHeader.get(normal(textOf(cell)))));
    if (columns.filter(Boolean).length >= 3) return { row, columns };
  }
  return null;
}
