// Writes a sheet — title row, header row, data rows — to a stream as the rows come, in XLSX
// (exceljs' streaming WorkbookWriter: each row is committed and leaves memory) or CSV (UTF-8 with
// a BOM, so Excel shows Chinese). Between pages it waits for the consumer, so a slow download
// holds at most a page in memory.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { isoDate } from "@renfang/schema/sheets/cells";
import { header, type RenderContext, type SheetColumn } from "@renfang/schema/sheets/column";
import { loadExcelJS } from "@renfang/schema/sheets/exceljs";
import type { Cell } from "@renfang/schema/sheets/read";
import type ExcelJS from "exceljs";

export type SheetFormat = "xlsx" | "csv";

export interface SheetSpec<Row> {
  sheetName: string;
  /** The first row: what the sheet is, for which region and filter, on which date. */
  title: string;
  columns: SheetColumn<Row>[];
  render: RenderContext;
}

export const contentTypes: Record<SheetFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

type Emitter = NodeJS.EventEmitter;
const cancelled = () => new Error("export cancelled: the output was closed");

/** Waits for `event` on `source`, or throws when `out` closes first (download cancelled). */
async function until(source: Emitter, event: string, out: Writable): Promise<void> {
  const done = new AbortController(); // removes the listener of whichever event did not come
  try {
    await Promise.race([once(source, event, { signal: done.signal }), once(out, "close", { signal: done.signal })]);
  } finally {
    done.abort();
  }
  if (out.destroyed) throw cancelled();
}

/** Waits until `out` wants more. */
async function drained(out: Writable): Promise<void> {
  if (out.destroyed) throw cancelled();
  if (out.writableNeedDrain) await until(out, "drain", out);
}

/**
 * exceljs' streaming writer hands committed rows to its zip through an inner stream whose
 * backpressure it ignores (exceljs issues 1894 and 2916): a large sheet would pile up in memory
 * until the end. Waiting for that stream (a readable-stream v2 PassThrough, hence _writableState)
 * to drain lets the zip, and through it the download, set the pace.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const inner = (sheet as unknown as { stream: { pipes: (Emitter & { _writableState?: { needDrain: boolean } })[] } })
    .stream.pipes[0];
  if (out.destroyed) throw cancelled();
  if (inner?._writableState?.needDrain) await until(inner, "drain", out);
}

const formulaLike = /^[=+\-@\t\r]/;

function csvField(cell: Cell): string {
  if (cell == null) return "";
  let text = cell instanceof Date ? isoDate(cell) : String(cell);
  // Text that Excel would run as a formula (a public report titled "=HYPERLINK(…)") is quoted
  // with an apostrophe, as Excel itself does; the import takes it off again.
  if (typeof cell === "string" && formulaLike.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function writeCsv<Row>(spec: SheetSpec<Row>, pages: AsyncIterable<Row[]>, out: Writable): Promise<number> {
  const line = (cells: Cell[]) => `${cells.map(csvField).join(",")}\r\n`;
  out.write(`\ufeff${line([spec.title])}${line(spec.columns.map((c) => header(c, spec.render.lang)))}`);
  let count = 0;
  for await (const rows of pages) {
    out.write(rows.map((row) => line(spec.columns.map((c) => c.value(row, spec.render)))).join(""));
    count += rows.length;
    await drained(out);
  }
  out.end();
  await once(out, "finish");
  return count;
}

async function writeXlsx<Row>(spec: SheetSpec<Row>, pages: AsyncIterable<Row[]>, out: Writable): Promise<number> {
  // Shared strings would keep every distinct string of the file in memory: off.
  const { stream } = await loadExcelJS();
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: "frozen", ySplit: 2 }] });
  sheet.columns = spec.columns.map((c) => ({
    key: c.key,
    width: c.width ?? 12,
    style: c.kind === "date" ? { numFmt: "yyyy-mm-dd" } : {},
  }));
  const title = sheet.addRow([spec.title]);
  title.font = { bold: true, size: 14 };
  title.height = 24;
  sheet.mergeCells(1, 1, 1, spec.columns.length);
  title.commit();
  const head = sheet.addRow(spec.columns.map((c) => header(c, spec.render.lang)));
  head.font = { bold: true };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE4EE" } };
  head.commit();
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: spec.columns.length } };
  let count = 0;
  for await (const rows of pages) {
    for (const row of rows) sheet.addRow(spec.columns.map((c) => c.value(row, spec.render))).commit();
    count += rows.length;
    await zipCaughtUp(sheet, out);
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/** Writes the sheet to `out` and ends it; resolves with the number of data rows. */
export function writeSheet<Row>(
  format: SheetFormat,
  spec: SheetSpec<Row>,
  pages: AsyncIterable<Row[]>,
  out: Writable,
): Promise<number> {
  return format === "csv" ? writeCsv(spec, pages, out) : writeXlsx(spec, pages, out);
}
