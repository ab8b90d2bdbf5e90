// The columns of the ledger export (问题隐患及整改台账), with the headers offices use. People's
// names and phones are marked personal: the export leaves them out for roles that may not see them.

import type { Hazard, Organization, Shelter } from "@renfang/schema/generated/sqlite/client";
import { overdueDays } from "@renfang/schema/rules/hazard";
import { booleanLabel } from "@renfang/schema/sheets/cells";
import type { RenderContext, SheetColumn } from "@renfang/schema/sheets/column";
import { enumLabel } from "@renfang/schema/sheets/labels";

export type HazardSheetRow = Hazard & {
  shelter: Pick<Shelter, "code" | "name">;
  responsibleUnit: Pick<Organization, "name"> | null;
};

type Column = SheetColumn<HazardSheetRow>;

const enumCell =
  (type: string, get: (h: HazardSheetRow) => string): Column["value"] =>
  (h, c) =>
    enumLabel(c.labels, type, get(h), c.lang);
const regionName = (code: string, c: RenderContext) => c.regions.get(code)?.name ?? code;

export const hazardColumns: Column[] = [
  { key: "code", zh: "隐患编号", en: "Code", kind: "text", width: 22, value: (h) => h.code },
  { key: "title", zh: "隐患名称", en: "Title", kind: "text", width: 30, value: (h) => h.title },
  {
    key: "description",
    zh: "隐患描述",
    en: "Description",
    kind: "text",
    width: 40,
    value: (h) => h.description || null,
  },
  { key: "shelterCode", zh: "工程编号", en: "Work code", kind: "text", width: 16, value: (h) => h.shelter.code },
  { key: "shelter", zh: "人防工程", en: "Work", kind: "text", width: 26, value: (h) => h.shelter.name },
  { key: "city", zh: "设区市", en: "City", kind: "text", width: 10, value: (h, c) => regionName(h.cityCode, c) },
  { key: "county", zh: "县区", en: "County", kind: "text", width: 10, value: (h, c) => regionName(h.countyCode, c) },
  {
    key: "category",
    zh: "隐患类别",
    en: "Category",
    kind: "enum",
    enumType: "HazardCategory",
    width: 12,
    value: enumCell("HazardCategory", (h) => h.category),
  },
  {
    key: "level",
    zh: "隐患等级",
    en: "Level",
    kind: "enum",
    enumType: "HazardLevel",
    width: 10,
    value: enumCell("HazardLevel", (h) => h.level),
  },
  {
    key: "source",
    zh: "隐患来源",
    en: "Source",
    kind: "enum",
    enumType: "HazardSource",
    width: 10,
    value: enumCell("HazardSource", (h) => h.source),
  },
  { key: "discoveredOn", zh: "发现日期", en: "Discovered on", kind: "date", width: 12, value: (h) => h.discoveredOn },
  {
    key: "discoveredBy",
    zh: "发现人",
    en: "Discovered by",
    kind: "text",
    width: 10,
    personal: true,
    value: (h) => h.discoveredBy,
  },
  {
    key: "status",
    zh: "整改状态",
    en: "Status",
    kind: "enum",
    enumType: "HazardStatus",
    width: 10,
    value: enumCell("HazardStatus", (h) => h.status),
  },
  { key: "deadline", zh: "整改时限", en: "Deadline", kind: "date", width: 12, value: (h) => h.deadline },
  {
    key: "overdueDays",
    zh: "逾期天数",
    en: "Days overdue",
    kind: "int",
    width: 8,
    value: (h, c) => overdueDays(h, c.now) || null,
  },
  { key: "measures", zh: "整改措施", en: "Measures", kind: "text", width: 36, value: (h) => h.measures },
  {
    key: "responsibleUnit",
    zh: "整改责任单位",
    en: "Responsible unit",
    kind: "text",
    width: 24,
    value: (h) => h.responsibleUnit?.name ?? null,
  },
  {
    key: "responsiblePerson",
    zh: "整改责任人",
    en: "Responsible person",
    kind: "text",
    width: 10,
    personal: true,
    value: (h) => h.responsiblePerson,
  },
  {
    key: "responsiblePhone",
    zh: "联系电话",
    en: "Phone",
    kind: "text",
    width: 14,
    personal: true,
    value: (h) => h.responsiblePhone,
  },
  { key: "funds", zh: "整改资金(元)", en: "Funds (yuan)", kind: "float", width: 12, value: (h) => h.funds },
  {
    key: "contingencyPlan",
    zh: "应急预案",
    en: "Contingency plan",
    kind: "text",
    width: 24,
    value: (h) => h.contingencyPlan,
  },
  {
    key: "fixedOnSite",
    zh: "立查立改",
    en: "Fixed on site",
    kind: "bool",
    width: 8,
    value: (h, c) => booleanLabel(h.fixedOnSite, c.lang),
  },
  { key: "rectifiedOn", zh: "整改完成日期", en: "Rectified on", kind: "date", width: 12, value: (h) => h.rectifiedOn },
  { key: "closedOn", zh: "销号日期", en: "Closed on", kind: "date", width: 12, value: (h) => h.closedOn },
];

/** The hazard ledger widget's column keys that differ from ours. */
export const hazardColumnAliases: Record<string, string> = { region: "county" };

/** What the export loads with each hazard (one batched query per relation and page). */
export const hazardInclude = {
  shelter: { select: { code: true, name: true } },
  responsibleUnit: { select: { name: true } },
} as const;
