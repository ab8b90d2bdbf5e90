// Export query strings mirror the GraphQL filters: `/export/hazards.xlsx?regionCode=360100&
// status=REPORTED,RECTIFYING&overdue=true&orderBy=DEADLINE:ASC&lang=en&columns=code,title`.
// Lists are comma-separated (as the widgets send them); every value is checked like GraphQL
// would, and a bad one is a 400 naming the parameter and the rule.
import { ValidationError } from "@renfang/schema/errors";
import type { EnumLabels, Lang } from "@renfang/schema/sheets/labels";
import type { HazardFilterShape } from "@renfang/schema/types/hazard-filter";
import type { ShelterFilterShape } from "@renfang/schema/types/shelter";

type Kind = "string" | "region" | "boolean" | "date" | "int" | { enum: string };

/** The filter parameters of each export; list parameters take values of a GraphQL enum. */
export const filterParams = {
  hazards: {
    regionCode: "region",
    shelterCode: "string",
    status: { enum: "HazardStatus" },
    level: { enum: "HazardLevel" },
    category: { enum: "HazardCategory" },
    source: { enum: "HazardSource" },
    overdue: "boolean",
    escalated: "boolean",
    discoveredFrom: "date",
    discoveredTo: "date",
    responsibleUnitCode: "string",
    search: "string",
    asOf: "date",
  },
  shelters: {
    regionCode: "region",
    status: { enum: "ShelterStatus" },
    peacetimeUse: { enum: "PeacetimeUse" },
    isEarlyWork: "boolean",
    hasOpenHazards: "boolean",
    notPatrolledForDays: "int",
    search: "string",
  },
} satisfies Record<string, Record<string, Kind>>;

export const orderFields = {
  hazards: ["DISCOVERED_ON", "DEADLINE", "LEVEL", "STATUS", "CODE"],
  shelters: ["CODE", "NAME", "PARKING_SPACES", "OPEN_HAZARD_COUNT", "COMPLETION_YEAR", "PARKING_OPENED_ON"],
} as const;

export type ExportKind = keyof typeof filterParams;

export interface ExportParams<K extends ExportKind = ExportKind> {
  kind: K;
  filter: K extends "hazards" ? HazardFilterShape : ShelterFilterShape;
  orderBy: { field: string; direction: "ASC" | "DESC" }[];
  lang: Lang;
  /** Column keys in order; null = all. */
  columns: string[] | null;
}

function value(name: string, kind: Kind, raw: string, labels: EnumLabels): unknown {
  const bad = (rule: string, message: string) => ValidationError.of(name, rule, `${rule}: ${message}`);
  if (kind === "string") return raw;
  if (kind === "region") {
    if (!/^\d{6}$/.test(raw)) throw bad("format", "a six-digit GB/T 2260 region code");
    return raw;
  }
  if (kind === "boolean") {
    if (raw !== "true" && raw !== "false") throw bad("boolean", "true or false");
    return raw === "true";
  }
  if (kind === "int") {
    if (!/^\d{1,5}$/.test(raw)) throw bad("integer", "a whole number ≥ 0");
    return Number(raw);
  }
  if (kind === "date") {
    const date = new Date(`${raw}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(date.getTime())) throw bad("date", "a date YYYY-MM-DD");
    return date;
  }
  const allowed = (labels.get(kind.enum) ?? []).map((l) => l.value);
  const list = raw
    .split(",")
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const unknown = list.filter((v) => !allowed.includes(v));
  if (unknown.length) throw bad("enum", `${unknown.join(", ")} is not one of ${allowed.join(", ")}`);
  return list;
}

/** Reads an export's parameters; throws ValidationError naming the first bad parameter. */
export function parseExportParams<K extends ExportKind>(
  kind: K,
  params: URLSearchParams,
  labels: EnumLabels,
): ExportParams<K> {
  const filter: Record<string, unknown> = {};
  for (const [name, kindOf] of Object.entries(filterParams[kind]) as [string, Kind][]) {
    const raw = params.get(name)?.trim();
    if (raw) filter[name] = value(name, kindOf, raw, labels);
  }
  const orderBy = (params.get("orderBy") ?? "")
    .split(",")
    .filter((s) => s.trim())
    .map((s) => {
      const [field, direction = "ASC"] = s.trim().toUpperCase().split(":");
      if (!(orderFields[kind] as readonly string[]).includes(field) || !["ASC", "DESC"].includes(direction)) {
        throw ValidationError.of(
          "orderBy",
          "enum",
          `enum: ${s} is not FIELD:ASC|DESC with FIELD one of ${orderFields[kind].join(", ")}`,
        );
      }
      return { field, direction: direction as "ASC" | "DESC" };
    });
  const lang = params.get("lang") ?? "zh-CN";
  if (!/^(zh|zh-CN|en|en-US|en-GB)$/i.test(lang)) throw ValidationError.of("lang", "enum", "enum: lang is zh-CN or en");
  const columns =
    params
      .get("columns")
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  return {
    kind,
    filter: filter as ExportParams<K>["filter"],
    orderBy,
    lang: lang.toLowerCase().startsWith("en") ? "en" : "zh",
    columns: columns.length ? columns : null,
  };
}
