// A column of an exported or imported sheet: its key (the GraphQL field name, also accepted as a
// header), the headers offices use (Chinese, and English for lang=en), how to render a row's
// value for people, and — for columns that import reads — how to read it back.

import type { EnumLabels, Lang } from "./labels.ts";
import type { Cell } from "./read.ts";

export type ColumnKind = "text" | "int" | "float" | "date" | "bool" | "enum";

export interface RenderContext {
  labels: EnumLabels;
  lang: Lang;
  /** Region code → name and parent, for the county and city name columns. */
  regions: Map<string, { name: string; parentCode: string | null }>;
  /** "Today" of the request, for computed columns such as days overdue. */
  now: Date;
}

export interface SheetColumn<Row> {
  key: string;
  zh: string;
  en: string;
  kind: ColumnKind;
  /** GraphQL enum name when kind is "enum". */
  enumType?: string;
  /** Excel column width in characters. */
  width?: number;
  /** Personal data (names, phones of people): left out for roles that may not see it. */
  personal?: boolean;
  value(row: Row, ctx: RenderContext): Cell;
}

export function header(column: { zh: string; en: string }, lang: Lang): string {
  return lang === "en" ? column.en : column.zh;
}

/** Picks columns by key (also accepting aliases such as the widgets' "region"), in the order asked for. */
export function pickColumns<C extends { key: string }>(
  all: C[],
  keys: string[] | null | undefined,
  aliases: Record<string, string> = {},
): { columns: C[]; unknown: string[] } {
  if (!keys?.length) return { columns: all, unknown: [] };
  const columns: C[] = [];
  const unknown: string[] = [];
  for (const key of keys) {
    const found = all.find((c) => c.key === (aliases[key] ?? key));
    if (found) columns.push(found);
    else unknown.push(key);
  }
  return { columns, unknown };
}
