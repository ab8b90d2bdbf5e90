// Writes a sheet — title row, header row, data rows — to a stream as the rows come, in XLSX
// (exceljs' streaming WorkbookWriter: each row is committed and leaves memory; laid out for
// printing by print-layout.ts) or CSV (UTF-8 with a BOM, so Excel shows Chinese; data only). Between pages it waits for the consumer, so a slow download
// holds at most a page in memory.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { isoDate } from "@renfang/schema/sheets/cells";
import { header, type RenderContext, type SheetColumn } from "@renfang/schema/sheets/column";
import { loadExcelJS } from "@renfang/schema/sheets/exceljs";
import type { Cell } from "@renfang/schema/sheets/read";
import type ExcelJS from "exceljs";
import { writePdf } from "./pdf-writer.ts";
import { printColumns, sheetPrintSetup, wrapLines } from "./print-layout.ts";

export type SheetFormat = "xlsx" | "csv" | "pdf";

export interface SheetSpec<Row> {
  sheetName: string;
  /** The first row: what the sheet is, for which region and filter, on which date. */
  title: string;
  /** The export date the printed footer shows (YYYY-MM-DD). */
  date: string;
  columns: SheetColumn<Row>[];
  render: RenderContext;
}

export const contentTypes: Record<SheetFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
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

/** Points a line of 10-point text takes in a spreadsheet row (CJK fonts are tall), and a cell's padding. */
const LINE = 14;
const PAD = 4;
const thin = { style: "thin", color: { argb: "FF808080" } } as const;
const border = { top: thin, left: thin, bottom: thin, right: thin };

async function writeXlsx<Row>(spec: SheetSpec<Row>, pages: AsyncIterable<Row[]>, out: Writable): Promise<number> {
  // Shared strings would keep every distinct string of the file in memory: off.
  const { stream } = await loadExcelJS();
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const columns = printColumns(spec.columns, spec.render.lang);
  const sheet = workbook.addWorksheet(spec.sheetName, {
    views: [{ state: "frozen", ySplit: 2 }],
    ...sheetPrintSetup(spec.render.lang, spec.date),
  });
  sheet.columns = columns.map((c) => ({
    key: c.key,
    width: c.width,
    style: {
      font: { name: "Arial", size: 10 },
      border,
      alignment: { wrapText: true, vertical: "top", horizontal: c.numeric ? "right" : "left" },
      ...(c.kind === "date" ? { numFmt: "yyyy-mm-dd" } : {}),
    },
  }));
  const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const title = sheet.addRow([spec.title]);
  title.font = { name: "Arial", bold: true, size: 14 };
  title.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  title.border = {};
  // 14-point characters are 14/10 as wide as the units the widths count.
  title.height = wrapLines(spec.title, (totalWidth * 10) / 14) * 20 + PAD;
  sheet.mergeCells(1, 1, 1, columns.length);
  title.commit();
  const head = sheet.addRow(columns.map((c) => c.header));
  head.font = { name: "Arial", bold: true, size: 10 };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE4EE" } };
  head.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  head.height = Math.max(...columns.map((c) => wrapLines(c.header, c.width))) * LINE + PAD;
  head.commit();
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  let count = 0;
  for await (const rows of pages) {
    for (const row of rows) {
      count++;
      const cells = columns.map((c) => c.cell(row, count, spec.render));
      const added = sheet.addRow(cells);
      // An explicit height, so that every program paginates the same and no wrapped line is cut.
      added.height = Math.max(...cells.map((cell, i) => cellLines(cell, columns[i].width))) * LINE + PAD;
      added.commit();
    }
    await zipCaughtUp(sheet, out);
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

function cellLines(cell: Cell, width: number): number {
  if (cell == null) return 1;
  return wrapLines(cell instanceof Date ? isoDate(cell) : String(cell), width);
}

/** Writes the sheet to `out` and ends it; resolves with the number of data rows. */
export function writeSheet<Row>(
  format: SheetFormat,
  spec: SheetSpec<Row>,
  pages: AsyncIterable<Row[]>,
  out: Writable,
): Promise<number> {
  if (format === "pdf") return writePdf(spec, pages, out);
  return format === "csv" ? writeCsv(spec, pages, out) : writeXlsx(spec, pages, out);
}
