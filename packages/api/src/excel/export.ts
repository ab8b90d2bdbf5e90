// The ledger (隐患台账) and registry (人防工程台账) exports: the GraphQL filter and scope applied
// through the schema's own where-builders (so an export has exactly the rows of the list and its
// totalCount), read in pages of 900 by cursor and written as they come (sheet-writer.ts).
import { createWriteStream } from "node:fs";
import { extname } from "node:path";
import type { Writable } from "node:stream";
import { officeDay } from "@renfang/office-time";
import type { Db, Provider, Viewer } from "@renfang/schema";
import { ValidationError } from "@renfang/schema/errors";
import { seesPersonalData } from "@renfang/schema/scope";
import { isoDate } from "@renfang/schema/sheets/cells";
import { pickColumns, type SheetColumn } from "@renfang/schema/sheets/column";
import type { EnumLabels } from "@renfang/schema/sheets/labels";
import { shelterColumnAliases, shelterColumns } from "@renfang/schema/sheets/shelter-sheet";
import { hazardOrderBy, hazardWhere } from "@renfang/schema/types/hazard-filter";
import { shelterOrderBy, shelterWhere } from "@renfang/schema/types/shelter";
import { hazardColumnAliases, hazardColumns, hazardInclude } from "./hazard-columns.ts";
import { type ExportKind, type ExportParams, parseExportParams } from "./params.ts";
import { MAX_PDF_ROWS } from "./pdf-writer.ts";
import { type SheetFormat, type SheetSpec, writeSheet } from "./sheet-writer.ts";
import { exportTitle } from "./title.ts";

/**
 * Rows per database page. Each page loads its works and units with one `IN (…)` statement per
 * relation; Prisma splits an IN list past SQLite's 999 bind variables, so staying under that
 * keeps it at 3 statements a page on both databases.
 */
export const PAGE_SIZE = 900;

export interface ExportContext {
  prisma: Db;
  provider: Provider;
  viewer: Viewer;
  /** The request's "today" (overdue days, the title's date). */
  now: Date;
  labels: EnumLabels;
}

/** Pages of rows by id cursor, in the order asked for, until the query runs out. */
async function* pages<T extends { id: number }>(
  load: (page: { take: number; skip?: number; cursor?: { id: number } }) => Promise<T[]>,
) {
  let cursor: number | null = null;
  for (;;) {
    const rows = await load(
      cursor == null ? { take: PAGE_SIZE } : { take: PAGE_SIZE, skip: 1, cursor: { id: cursor } },
    );
    if (rows.length) yield rows;
    if (rows.length < PAGE_SIZE) return;
    cursor = rows[rows.length - 1].id;
  }
}

function columnsFor<Row>(
  all: SheetColumn<Row>[],
  aliases: Record<string, string>,
  params: ExportParams,
  viewer: Viewer,
) {
  const { columns, unknown } = pickColumns(all, params.columns, aliases);
  if (unknown.length) {
    throw ValidationError.of(
      "columns",
      "enum",
      `enum: unknown column ${unknown.join(", ")}; columns are ${all.map((c) => c.key).join(", ")}`,
    );
  }
  // Personal data (people's names and phones) only for roles that may see it (SPEC §4).
  return seesPersonalData(viewer) ? columns : columns.filter((c) => !c.personal);
}

/** A checked export, ready to stream: its columns and how to read its rows page by page. */
export interface ExportPlan {
  params: ExportParams;
  columns: SheetColumn<never>[];
  rows(): AsyncIterable<never[]>;
  /** How many rows the export has (a PDF checks it against MAX_PDF_ROWS before it starts). */
  count(): Promise<number>;
}

/** Checks the parameters against the viewer (throws ValidationError) before anything is sent. */
export function planExport(ctx: ExportContext, params: ExportParams): ExportPlan {
  const orderBy = params.orderBy as never;
  if (params.kind === "hazards") {
    const where = hazardWhere(ctx.viewer, (params as ExportParams<"hazards">).filter, ctx.now);
    const orders = hazardOrderBy(orderBy, ctx.provider);
    return {
      params,
      columns: columnsFor(hazardColumns, hazardColumnAliases, params, ctx.viewer) as never,
      rows: () =>
        pages((page) =>
          ctx.prisma.hazard.findMany({ where, orderBy: orders, include: hazardInclude, ...page }),
        ) as never,
      count: () => ctx.prisma.hazard.count({ where }),
    };
  }
  const where = shelterWhere(ctx.viewer, (params as ExportParams<"shelters">).filter, ctx.now);
  const orders = shelterOrderBy(orderBy);
  const org = { select: { code: true, name: true } };
  const include = { builder: org, manager: org, user: org };
  return {
    params,
    columns: columnsFor(shelterColumns, shelterColumnAliases, params, ctx.viewer) as never,
    rows: () => pages((page) => ctx.prisma.shelter.findMany({ where, orderBy: orders, include, ...page })) as never,
    count: () => ctx.prisma.shelter.count({ where }),
  };
}

/** A PDF is laid out in memory: more than MAX_PDF_ROWS rows is refused, naming the limit. */
export async function checkPdfSize(plan: ExportPlan, format: SheetFormat): Promise<void> {
  if (format !== "pdf") return;
  const rows = await plan.count();
  if (rows > MAX_PDF_ROWS) {
    throw ValidationError.of(
      "format",
      "max",
      `max: a PDF holds at most ${MAX_PDF_ROWS} rows and this ledger has ${rows}; narrow the filter or export .xlsx`,
    );
  }
}

/** Streams a planned export to `out` (and ends it); resolves with the number of data rows. */
export async function writeExport(
  ctx: ExportContext,
  plan: ExportPlan,
  format: SheetFormat,
  out: Writable,
): Promise<number> {
  const { params } = plan;
  const found = await ctx.prisma.region.findMany({ select: { code: true, name: true, parentCode: true, level: true } });
  const regions = new Map(found.map((r) => [r.code, r]));
  // Days overdue are counted at the filter's asOf date when one is given, like the list's.
  const asOf = (params.filter as { asOf?: Date | null }).asOf ?? ctx.now;
  const spec: SheetSpec<never> = {
    sheetName: sheetNames[params.kind][params.lang],
    title: exportTitle(params, { regions, viewer: ctx.viewer, labels: ctx.labels, now: ctx.now }),
    date: isoDate(ctx.now),
    columns: plan.columns,
    render: { labels: ctx.labels, lang: params.lang, regions, now: asOf },
  };
  return writeSheet(format, spec, plan.rows(), out);
}

export const sheetNames: Record<ExportKind, Record<"zh" | "en", string>> = {
  hazards: { zh: "隐患台账", en: "Hazard ledger" },
  shelters: { zh: "人防工程台账", en: "Shelter registry" },
};

/** The download's file name, e.g. 隐患台账-360100-2022-06-15.xlsx (or .csv, .pdf). */
export function exportFileName(params: ExportParams, format: SheetFormat, now: Date, viewer: Viewer): string {
  const region = params.filter.regionCode ?? viewer.regionCode;
  const name = params.lang === "en" ? params.kind : sheetNames[params.kind].zh;
  return `${[name, region, officeDay(now)].filter(Boolean).join("-")}.${format}`;
}

/** `renfang export`: an export to a file, as the deployment's operator; the format comes from the name. */
export async function exportToFile(
  ctx: ExportContext,
  kind: ExportKind,
  file: string,
  params: URLSearchParams,
): Promise<number> {
  const format = extname(file).slice(1).toLowerCase();
  if (format !== "xlsx" && format !== "csv" && format !== "pdf") {
    throw ValidationError.of("file", "format", "format: the file name must end in .xlsx, .csv or .pdf");
  }
  const plan = planExport(ctx, parseExportParams(kind, params, ctx.labels));
  await checkPdfSize(plan, format);
  return writeExport(ctx, plan, format, createWriteStream(file));
}
