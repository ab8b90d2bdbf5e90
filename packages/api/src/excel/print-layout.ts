// How an exported ledger sits on paper, for the XLSX (Excel, WPS and LibreOffice print it) and
// the PDF alike: A4 landscape, one page wide, the title and header rows on every page, a 序号
// column first, borders, wrapped text, column widths that fit Chinese text, and a footer with
// "page x / y" and the export date. One piece, so both formats print the same ledger.

import { header, type RenderContext, type SheetColumn } from "@renfang/schema/sheets/column";
import type { Lang } from "@renfang/schema/sheets/labels";
import type { Cell } from "@renfang/schema/sheets/read";
import type ExcelJS from "exceljs";

/** A column as printed: its header, width in Excel character units (one CJK character is two), and how to get a row's cell. */
export interface PrintColumn<Row> {
  key: string;
  header: string;
  width: number;
  kind: SheetColumn<Row>["kind"];
  /** Right-aligned on paper (numbers). */
  numeric: boolean;
  cell(row: Row, index: number, ctx: RenderContext): Cell;
}

/** A4 landscape in points, the margins offices use (1 cm sides, room for the footer). */
export const paper = { width: 841.89, height: 595.28, margin: { side: 28.35, top: 28.35, bottom: 42.5 } } as const;

/** Widest a text column is printed, in character units: longer text wraps instead (11 Chinese characters a line, a whole hazard code). */
const MAX_WIDTH = 20;

const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * Display width in Excel character units (the width of a digit). A Chinese (or other full-width)
 * character of the sheet's 10-point text measures 1.8 — a little more than it needs in LibreOffice,
 * just enough in Excel with 宋体 or 等线 — and anything else one.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += wide.test(ch) || ch.codePointAt(0)! > 0xffff ? 1.8 : 1;
  return width;
}

/** The ledger's printed columns: 序号 first, then the chosen ones at widths that hold their header and wrap long text. */
export function printColumns<Row>(columns: SheetColumn<Row>[], lang: Lang): PrintColumn<Row>[] {
  const index: PrintColumn<Row> = {
    key: "index",
    header: lang === "en" ? "No." : "序号",
    width: 6,
    kind: "int",
    numeric: true,
    cell: (_row, i) => i,
  };
  return [
    index,
    ...columns.map((c) => {
      const title = header(c, lang);
      // A header wraps at most to two lines: wide enough for half of it, and for a date or a code.
      const least = Math.ceil(textWidth(title) / 2 + 1.5);
      return {
        key: c.key,
        header: title,
        width: Math.max(least, Math.min(c.width ?? 12, MAX_WIDTH)),
        kind: c.kind,
        numeric: c.kind === "int" || c.kind === "float",
        cell: (row: Row, _i: number, ctx: RenderContext) => c.value(row, ctx),
      };
    }),
  ];
}

/** Words as spreadsheets wrap them: a Latin run (ending at a space or after a hyphen), or one other character. */
const TOKENS = /[\x21-\x2c\x2e-\x7e]+-? ?|./gsu;

const CLOSING = /^[，。、；：？！）」』》”’,.;:!?)]/u;

/**
 * Breaks text into lines at most `room` wide (`widthOf` measures a piece), as spreadsheets wrap:
 * between CJK characters anywhere, Latin text at spaces and hyphens, a word longer than a line
 * cut where it must be. Explicit line breaks are kept.
 */
export function wrapText(text: string, room: number, widthOf: (piece: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    let used = 0;
    const put = (piece: string, w: number) => {
      // A closing mark (，。）) stays at the end of its line rather than start the next.
      if (line && used + w > room && !CLOSING.test(piece)) {
        lines.push(line.trimEnd());
        line = "";
        used = 0;
      }
      line += piece;
      used += w;
    };
    for (const token of paragraph.match(TOKENS) ?? []) {
      const w = widthOf(token);
      if (w <= room || token.length === 1) put(token, w);
      else for (const ch of token) put(ch, widthOf(ch));
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Lines a text takes in a spreadsheet column `width` units wide (a unit of the width is padding). */
export function wrapLines(text: string, width: number): number {
  return wrapText(text, Math.max(1, width - 1), textWidth).length;
}

/** The footer: the export date on the left, "page x / y" on the right. */
export function footerText(lang: Lang, date: string) {
  return lang === "en"
    ? { left: `Exported ${date}`, page: (n: number | string, of: number | string) => `Page ${n} / ${of}` }
    : { left: `导出日期：${date}`, page: (n: number | string, of: number | string) => `第 ${n} 页 / 共 ${of} 页` };
}

/**
 * The print settings of a worksheet as Excel, WPS and LibreOffice read them: A4 landscape, one
 * page wide (as many down as the rows need), rows 1–2 on every page, the footer (without a date
 * when none is given, as on the import template).
 */
export function sheetPrintSetup(
  lang: Lang,
  date?: string,
): Pick<Partial<ExcelJS.AddWorksheetOptions>, "pageSetup" | "headerFooter"> {
  const inches = (pt: number) => Math.round((pt / 72) * 100) / 100;
  const footer = footerText(lang, date ?? "");
  // &P and &N are the page number and the page count; a literal & is written &&.
  const left = date ? `&L${footer.left.replace(/&/g, "&&")}` : "";
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:2",
      horizontalCentered: true,
      margins: {
        left: inches(paper.margin.side),
        right: inches(paper.margin.side),
        top: inches(paper.margin.top),
        bottom: inches(paper.margin.bottom),
        header: 0.2,
        footer: 0.25,
      },
    },
    headerFooter: { oddFooter: `${left}&R${footer.page("&P", "&N")}` },
  };
}
