// The title row of an export: which ledger, for which region, under which filter, on which date —
// so a printed or forwarded sheet still says what it is. Filter values are shown as people say
// them (enum labels, 是/否, dates).
import { officeDay } from "@renfang/office-time";
import type { Viewer } from "@renfang/schema";
import { booleanLabel, isoDate } from "@renfang/schema/sheets/cells";
import { type EnumLabels, enumLabel } from "@renfang/schema/sheets/labels";
import { type ExportParams, filterParams } from "./params.ts";

const paramLabels: Record<string, [string, string]> = {
  shelterCode: ["工程编号", "Work code"],
  status: ["状态", "Status"],
  level: ["隐患等级", "Level"],
  category: ["隐患类别", "Category"],
  source: ["隐患来源", "Source"],
  overdue: ["逾期", "Overdue"],
  escalated: ["督办", "Escalated"],
  discoveredFrom: ["发现日期起", "Found from"],
  discoveredTo: ["发现日期止", "Found to"],
  responsibleUnitCode: ["责任单位编码", "Responsible unit code"],
  search: ["关键字", "Search"],
  asOf: ["截止日期", "As of"],
  peacetimeUse: ["平时用途", "Peacetime use"],
  isEarlyWork: ["早期人防工程", "Early work"],
  hasOpenHazards: ["有未销号隐患", "Has open hazards"],
  notPatrolledForDays: ["未巡查天数", "Not patrolled for days"],
};

const words = {
  zh: {
    hazards: "问题隐患及整改台账",
    shelters: "人防工程台账",
    filter: "筛选：",
    none: "全部",
    date: "导出日期：",
    all: "全部地区",
    own: "本单位工程",
    sep: "　",
    join: "；",
    list: "、",
  },
  en: {
    hazards: "Hazard ledger",
    shelters: "Shelter registry",
    filter: "Filter: ",
    none: "none",
    date: "Exported ",
    all: "All regions",
    own: "Own works",
    sep: " — ",
    join: "; ",
    list: ", ",
  },
};

interface TitleContext {
  regions: Map<string, { name: string; level: string }>;
  viewer: Viewer;
  labels: EnumLabels;
  now: Date;
}

function regionText(params: ExportParams, c: TitleContext, w: (typeof words)["zh"]): string {
  const code = params.filter.regionCode ?? c.viewer.regionCode;
  if (code) return c.regions.get(code)?.name ?? code;
  if (c.viewer.role === "UNIT_USER") return w.own;
  const provinces = [...c.regions.values()].filter((r) => r.level === "PROVINCE");
  return provinces.length === 1 ? provinces[0].name : w.all;
}

export function exportTitle(params: ExportParams, c: TitleContext): string {
  const lang = params.lang;
  const w = words[lang];
  const kinds = filterParams[params.kind] as Record<string, unknown>;
  const parts: string[] = [];
  for (const [name, value] of Object.entries(params.filter)) {
    if (name === "regionCode" || value == null) continue;
    const kind = kinds[name];
    let text: string;
    if (Array.isArray(value)) {
      const type = (kind as { enum: string }).enum;
      text = value.map((v) => enumLabel(c.labels, type, v, lang)).join(w.list);
    } else if (typeof value === "boolean") text = booleanLabel(value, lang);
    else if (value instanceof Date) text = isoDate(value);
    else text = String(value);
    parts.push(`${paramLabels[name]?.[lang === "en" ? 1 : 0] ?? name}${lang === "en" ? " = " : "="}${text}`);
  }
  return [
    w[params.kind],
    regionText(params, c, w),
    `${w.filter}${parts.length ? parts.join(w.join) : w.none}`,
    `${w.date}${officeDay(c.now)}`,
  ].join(w.sep);
}
