// Reads an uploaded workbook (XLSX) or CSV into plain rows with exceljs, keeping the
// spreadsheet's own row numbers so that every error can point at "row 12, column 区划代码".
import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { ValidationError } from "../errors.ts";
import { checkCsvBounds, checkWorkbookBounds } from "./bounds.ts";
import { loadExcelJS } from "./exceljs.ts";

export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number a person sees in Excel (1-based), or the record number in a CSV file. */
  number: number;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** What exceljs returns for a cell (rich text, formulas, links, errors) as one plain value. */
export function plainCell(value: ExcelJS.CellValue): Cell {
  if (value == null) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return value.text;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result == null || (typeof result === "object" && !(result instanceof Date)) ? null : result;
  }
  return null; // #N/A and other error values: treated as empty, the column's rule decides
}

/** Excel on Chinese Windows saves CSV as GB18030; everything else we meet is UTF-8 (with or without BOM). */
function decodeCsv(data: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data).replace(/^\ufeff/, "");
  } catch {
    return new TextDecoder("gb18030").decode(data);
  }
}

function rowsOf(worksheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based: values[0] is always empty
    const cells = values.slice(1).map(plainCell);
    if (cells.some((c) => c !== null && String(c).trim() !== "")) rows.push({ number, cells });
  });
  return rows;
}

export type SheetFormat = "xlsx" | "csv";

/** The format a file is in, from its first bytes (a name can lie): XLSX is a zip archive. */
export function sheetFormat(data: Uint8Array): SheetFormat {
  if (data[0] === 0x50 && data[1] === 0x4b) return "xlsx";
  if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
    throw ValidationError.of(
      "file",
      "format",
      "format: an old .xls workbook; save it as .xlsx (Excel 2007 or later) or CSV",
    );
  }
  return "csv";
}

/** The first worksheet that has any data, as plain rows; refused before parsing when too large (bounds.ts). */
export async function readSheet(data: Uint8Array): Promise<Sheet> {
  const xlsx = sheetFormat(data) === "xlsx";
  const text = xlsx ? "" : decodeCsv(data);
  // Sizes first: nothing is parsed, and exceljs is not even loaded, for a file that passes them.
  if (xlsx) await checkWorkbookBounds(data);
  else checkCsvBounds(text);
  const { Workbook } = await loadExcelJS();
  const workbook = new Workbook();
  if (xlsx) {
    try {
      await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as never);
    } catch (err) {
      throw ValidationError.of("file", "format", `format: not a readable .xlsx workbook (${(err as Error).message})`);
    }
    for (const worksheet of workbook.worksheets) {
      const rows = rowsOf(worksheet);
      if (rows.length) return { name: worksheet.name, rows };
    }
    return { name: workbook.worksheets[0]?.name ?? "", rows: [] };
  }
  // Keep every CSV field as text (exceljs would turn "0001" into 1 and guess dates); the
  // columns convert them.
  try {
    const worksheet = await workbook.csv.read(Readable.from([text]), {
      map: (value: string) => (value === "" ? null : value),
      sheetName: "csv",
    });
    return { name: "csv", rows: rowsOf(worksheet) };
  } catch (err) {
    const line = badCsvLine(text);
    const why = (err as Error).message.replace(/^Parse Error: /, "").replace(/ at '[\s\S]*$/, "");
    throw ValidationError.of(`rows.${line}`, "format", `format: line ${line} is not valid CSV (${why})`);
  }
}

/**
 * The line of the first quoting error in CSV text (the only kind the parser refuses): a closing
 * quote followed by something other than a separator or a line end, or a quote never closed.
 */
export function badCsvLine(text: string): number {
  let line = 1;
  let openedOn = 0; // line of the open quote, 0 outside quotes
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (openedOn) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') {
        openedOn = 0;
        if (i + 1 < text.length && !",\r\n".includes(text[i + 1])) return line;
      } else if (c === "\n") line++;
    } else if (c === '"' && (i === 0 || ",\n".includes(text[i - 1]))) openedOn = line;
    else if (c === "\n") line++;
  }
  return openedOn || line;
}
