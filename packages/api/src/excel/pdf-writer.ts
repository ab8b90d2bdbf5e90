// The ledger as a PDF (/export/hazards.pdf), laid out by the same rules as the printed XLSX
// (print-layout.ts): A4 landscape, the columns fitted to one page wide, the title and header rows
// on every page, 序号, borders, wrapped text, "page x / y" and the export date in the footer.
// The font is the registry's Noto Sans SC (fonts.ts), subset to the glyphs used.
// "Page x / y" needs the page count before the first page is written: the rows are measured
// first, then drawn. They are held in memory for that, so a PDF has at most MAX_PDF_ROWS rows
// (checked before anything is sent; the XLSX has no such limit).
import { once } from "node:events";
import type { Writable } from "node:stream";
import { isoDate } from "@renfang/schema/sheets/cells";
import type { Cell } from "@renfang/schema/sheets/read";
import PDFDocument from "pdfkit";
import { cjkFont } from "../fonts.ts";
import { footerText, type PrintColumn, paper, printColumns, wrapText } from "./print-layout.ts";
import type { SheetSpec } from "./sheet-writer.ts";

/** Most rows a PDF ledger holds (some 250 A4 pages, ~30 s to lay out); more is refused: filter, or take the XLSX. */
export const MAX_PDF_ROWS = 3_000;

const GRID = "#808080";
const HEAD_FILL = "#dde4ee";

interface Geometry {
  left: number;
  widths: number[];
  size: number;
  pad: number;
}

/** Column widths in points: the printed units scaled to fill the page width; the text size follows. */
function geometry<Row>(columns: PrintColumn<Row>[]): Geometry {
  const usable = paper.width - 2 * paper.margin.side;
  const units = columns.reduce((sum, c) => sum + c.width, 0);
  const unit = usable / units;
  // A Chinese character takes 1.8 units (textWidth); at most 五号 (10.5 pt).
  const size = Math.min(10.5, unit * 1.75);
  return { left: paper.margin.side, widths: columns.map((c) => c.width * unit), size, pad: size * 0.25 };
}

const text = (cell: Cell) => (cell == null ? "" : cell instanceof Date ? isoDate(cell) : String(cell));

/** Text widths at one size, a character or word at a time, cached: measuring is most of a PDF's work. */
function measurer(doc: PDFKit.PDFDocument, font: string, size: number) {
  const cache = new Map<string, number>();
  return (piece: string) => {
    let w = cache.get(piece);
    if (w === undefined) {
      w = doc.font(font).fontSize(size).widthOfString(piece);
      cache.set(piece, w);
    }
    return w;
  };
}

/** Writes the ledger as PDF to `out` and ends it; resolves with the number of data rows. */
export async function writePdf<Row>(spec: SheetSpec<Row>, pages: AsyncIterable<Row[]>, out: Writable): Promise<number> {
  const { lang } = spec.render;
  const columns = printColumns(spec.columns, lang);
  const g = geometry(columns);
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0, // our own margins: pdfkit must never add a page by itself
    autoFirstPage: false,
    info: { Title: spec.title, Creator: "Renfang 人防" },
  });
  doc.registerFont("regular", await cjkFont("regular"));
  doc.registerFont("bold", await cjkFont("bold"));
  const measure = { regular: measurer(doc, "regular", g.size), bold: measurer(doc, "bold", g.size) };
  const lineHeight = g.size * 1.3;
  const wrap = (row: string[], font: "regular" | "bold") =>
    row.map((t, i) => (t ? wrapText(t, g.widths[i] - 2 * g.pad, measure[font]) : []));
  const heightOf = (lines: string[][]) => Math.max(1, ...lines.map((l) => l.length)) * lineHeight + 2 * g.pad;

  // Measure first: each row's lines, and which rows go on which page.
  const rows: string[][][] = [];
  for await (const page of pages) {
    for (const row of page)
      rows.push(
        wrap(
          columns.map((c) => text(c.cell(row, rows.length + 1, spec.render))),
          "regular",
        ),
      );
  }
  const titleSize = g.size * 1.5;
  doc.font("bold").fontSize(titleSize);
  const titleWidth = paper.width - 2 * paper.margin.side;
  const titleHeight = doc.heightOfString(spec.title, { width: titleWidth }) + titleSize * 0.6;
  const head = wrap(
    columns.map((c) => c.header),
    "bold",
  );
  const headHeight = heightOf(head);
  const body = paper.height - paper.margin.top - paper.margin.bottom - titleHeight - headHeight;
  // A row taller than a page (a very long text) is cut at the page's foot.
  const heights = rows.map((lines) => Math.min(heightOf(lines), body));
  const breaks: number[] = [0];
  let used = 0;
  heights.forEach((h, i) => {
    if (used + h > body && used > 0) {
      breaks.push(i);
      used = 0;
    }
    used += h;
  });

  const drawRow = (lines: string[][], y: number, height: number, isHead: boolean) => {
    let x = g.left;
    doc.lineWidth(0.5).strokeColor(GRID);
    lines.forEach((cell, i) => {
      const w = g.widths[i];
      if (isHead) doc.rect(x, y, w, height).fillAndStroke(HEAD_FILL, GRID);
      else doc.rect(x, y, w, height).stroke();
      doc
        .fillColor("black")
        .font(isHead ? "bold" : "regular")
        .fontSize(g.size);
      const align = isHead ? "center" : columns[i].numeric ? "right" : "left";
      let top = isHead ? y + (height - cell.length * lineHeight) / 2 : y + g.pad;
      for (const line of cell) {
        if (top + lineHeight > y + height) break;
        doc.text(line, x + g.pad, top, { width: w - 2 * g.pad, align, lineBreak: false });
        top += lineHeight;
      }
      x += w;
    });
  };

  doc.pipe(out);
  const footer = footerText(lang, spec.date);
  for (let p = 0; p < breaks.length; p++) {
    doc.addPage();
    doc.fillColor("black").font("bold").fontSize(titleSize);
    doc.text(spec.title, paper.margin.side, paper.margin.top, { width: titleWidth, align: "center" });
    let y = paper.margin.top + titleHeight;
    drawRow(head, y, headHeight, true);
    y += headHeight;
    for (let i = breaks[p]; i < (breaks[p + 1] ?? rows.length); i++) {
      drawRow(rows[i], y, heights[i], false);
      y += heights[i];
    }
    const footY = paper.height - paper.margin.bottom + 12;
    doc.fillColor("#333333").font("regular").fontSize(8);
    doc.text(footer.left, paper.margin.side, footY, { lineBreak: false });
    const right = footer.page(p + 1, breaks.length);
    doc.text(right, paper.width - paper.margin.side - doc.widthOfString(right), footY, { lineBreak: false });
  }
  doc.end();
  await once(out, "finish");
  return rows.length;
}
