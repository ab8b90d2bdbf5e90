// The registry sheet (人防工程台账 / 普查表): one column list for the export, the import and the
// template, so an exported registry imports back unchanged. Columns with `read` are imported;
// the others (names next to codes, open hazard counts) are for people and ignored on import.
import type { z } from "zod";
import type { Organization, Shelter } from "../generated/sqlite/client.js";
import { shelterFields as v } from "../rules/shelter-input.ts";
import { booleanLabel } from "./cells.ts";
import type { RenderContext, SheetColumn } from "./column.ts";
import { enumLabel } from "./labels.ts";

type OrgRef = Pick<Organization, "code" | "name"> | null;
export type ShelterSheetRow = Shelter & { builder: OrgRef; manager: OrgRef; user: OrgRef };

export interface ShelterColumn extends SheetColumn<ShelterSheetRow> {
  /** Read on import: `required` columns must be present and filled; `rule` is the zod rule of the field. */
  read?: { required?: boolean; rule?: z.ZodType };
}

const enumCell = (type: string, get: (s: ShelterSheetRow) => string) => (s: ShelterSheetRow, c: RenderContext) =>
  enumLabel(c.labels, type, get(s), c.lang);
const boolCell = (get: (s: ShelterSheetRow) => boolean) => (s: ShelterSheetRow, c: RenderContext) =>
  booleanLabel(get(s), c.lang);
const regionName = (code: string | null | undefined, c: RenderContext) =>
  code ? (c.regions.get(code)?.name ?? code) : null;

export const shelterColumns: ShelterColumn[] = [
  {
    key: "code",
    zh: "工程编号",
    en: "Code",
    kind: "text",
    width: 18,
    value: (s) => s.code,
    read: { required: true, rule: v.code },
  },
  {
    key: "name",
    zh: "工程名称",
    en: "Name",
    kind: "text",
    width: 28,
    value: (s) => s.name,
    read: { required: true, rule: v.name },
  },
  { key: "city", zh: "设区市", en: "City", kind: "text", width: 10, value: (s, c) => regionName(s.cityCode, c) },
  { key: "county", zh: "县区", en: "County", kind: "text", width: 10, value: (s, c) => regionName(s.regionCode, c) },
  {
    key: "regionCode",
    zh: "区划代码",
    en: "Region code",
    kind: "text",
    width: 10,
    value: (s) => s.regionCode,
    read: { required: true, rule: v.regionCode },
  },
  {
    key: "address",
    zh: "地址",
    en: "Address",
    kind: "text",
    width: 36,
    value: (s) => s.address,
    read: { required: true, rule: v.address },
  },
  {
    key: "longitude",
    zh: "经度",
    en: "Longitude",
    kind: "float",
    width: 11,
    value: (s) => s.longitude,
    read: { rule: v.longitude },
  },
  {
    key: "latitude",
    zh: "纬度",
    en: "Latitude",
    kind: "float",
    width: 11,
    value: (s) => s.latitude,
    read: { rule: v.latitude },
  },
  ...[
    ["constructionType", "建设类型", "Construction type", "ConstructionType"],
    ["wartimeFunction", "战时功能", "Wartime function", "WartimeFunction"],
  ].map(([key, zh, en, type]) => ({
    key,
    zh,
    en,
    kind: "enum" as const,
    enumType: type,
    width: 12,
    value: enumCell(type, (s) => s[key as "constructionType"]),
    read: { required: true },
  })),
  {
    key: "protectionClass",
    zh: "防护等级",
    en: "Protection class",
    kind: "text",
    width: 9,
    value: (s) => s.protectionClass,
    read: { required: true, rule: v.protectionClass },
  },
  {
    key: "area",
    zh: "建筑面积(㎡)",
    en: "Area (m²)",
    kind: "float",
    width: 12,
    value: (s) => s.area,
    read: { required: true, rule: v.area },
  },
  {
    key: "wartimeCapacity",
    zh: "掩蔽人数",
    en: "Wartime capacity",
    kind: "int",
    width: 10,
    value: (s) => s.wartimeCapacity,
    read: { required: true, rule: v.wartimeCapacity },
  },
  {
    key: "peacetimeUse",
    zh: "平时用途",
    en: "Peacetime use",
    kind: "enum",
    enumType: "PeacetimeUse",
    width: 12,
    value: enumCell("PeacetimeUse", (s) => s.peacetimeUse),
    read: { required: true },
  },
  {
    key: "parkingSpaces",
    zh: "车位数",
    en: "Parking spaces",
    kind: "int",
    width: 8,
    value: (s) => s.parkingSpaces,
    read: { rule: v.parkingSpaces },
  },
  {
    key: "parkingOpenedOn",
    zh: "车位启用日期",
    en: "Parking opened on",
    kind: "date",
    width: 12,
    value: (s) => s.parkingOpenedOn,
    read: {},
  },
  {
    key: "completionYear",
    zh: "竣工年份",
    en: "Completion year",
    kind: "int",
    width: 9,
    value: (s) => s.completionYear,
    read: { rule: v.completionYear },
  },
  {
    key: "isEarlyWork",
    zh: "早期人防工程",
    en: "Early work",
    kind: "bool",
    width: 8,
    value: boolCell((s) => s.isEarlyWork),
    read: {},
  },
  {
    key: "status",
    zh: "工程状态",
    en: "Status",
    kind: "enum",
    enumType: "ShelterStatus",
    width: 10,
    value: enumCell("ShelterStatus", (s) => s.status),
    read: {},
  },
  {
    key: "disasterShelter",
    zh: "兼顾防灾避难",
    en: "Disaster shelter",
    kind: "bool",
    width: 8,
    value: boolCell((s) => s.disasterShelter),
    read: {},
  },
  {
    key: "disasterCapacity",
    zh: "避难人数",
    en: "Disaster capacity",
    kind: "int",
    width: 9,
    value: (s) => s.disasterCapacity,
    read: { rule: v.disasterCapacity },
  },
  {
    key: "metroStation",
    zh: "地铁站",
    en: "Metro station",
    kind: "text",
    width: 12,
    value: (s) => s.metroStation,
    read: { rule: v.metroStation },
  },
  {
    key: "censusStatus",
    zh: "普查状态",
    en: "Census status",
    kind: "enum",
    enumType: "CensusStatus",
    width: 9,
    value: enumCell("CensusStatus", (s) => s.censusStatus),
    read: {},
  },
  ...(["builder", "manager", "user"] as const).flatMap((role): ShelterColumn[] => {
    const [zh, en] = { builder: ["建设单位", "Builder"], manager: ["管理单位", "Manager"], user: ["使用单位", "User"] }[
      role
    ];
    return [
      {
        key: `${role}Code`,
        zh: `${zh}编码`,
        en: `${en} code`,
        kind: "text",
        width: 12,
        value: (s) => s[role]?.code ?? null,
        read: {},
      },
      { key: role, zh, en, kind: "text", width: 24, value: (s) => s[role]?.name ?? null },
    ];
  }),
  {
    key: "openHazardCount",
    zh: "未销号隐患数",
    en: "Open hazards",
    kind: "int",
    width: 8,
    value: (s) => s.openHazardCount,
  },
];

/** The widgets' column keys that differ from ours. */
export const shelterColumnAliases: Record<string, string> = { region: "county" };
