// Turning what people type into spreadsheet cells into typed values: numbers with thousands
// separators, dates as Excel dates or 2022-06-15 / 2022/6/15 / 2022年6月15日, yes/no as 是/否.
// Each failure names its rule, like the zod messages ("number: …").
import type { Cell } from "./read.ts";

export type Parsed<T> = { ok: true; value: T } | { ok: false; rule: string; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (rule: string, message: string): Parsed<never> => ({ ok: false, rule, message: `${rule}: ${message}` });

/** Empty cells (null, blank text) mean "not given". */
export function isBlank(cell: Cell | undefined): boolean {
  return cell == null || (typeof cell === "string" && cell.trim() === "");
}

/** A calendar date as YYYY-MM-DD (dates are stored at UTC midnight). */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A cell as text; the apostrophe that exports put before formula-like text ('=…) is taken off. */
export function textOf(cell: Cell): string {
  if (cell instanceof Date) return isoDate(cell);
  const text = String(cell).trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

export function parseNumber(cell: Cell): Parsed<number> {
  if (typeof cell === "number") return Number.isFinite(cell) ? ok(cell) : bad("number", "not a number");
  const text = textOf(cell).replace(/[,，\s]/g, "");
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return ok(Number(text));
  return bad("number", `"${textOf(cell)}" is not a number`);
}

export function parseDate(cell: Cell): Parsed<Date> {
  if (cell instanceof Date) {
    // exceljs reads Excel dates as UTC instants; a date cell is a calendar date.
    return ok(new Date(Date.UTC(cell.getUTCFullYear(), cell.getUTCMonth(), cell.getUTCDate())));
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(textOf(cell));
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return ok(date);
  }
  return bad("date", `"${textOf(cell)}" is not a date such as 2021-06-30`);
}

const yes = ["是", "y", "yes", "true", "1", "√"];
const no = ["否", "n", "no", "false", "0", "×"];

export function parseBoolean(cell: Cell): Parsed<boolean> {
  if (typeof cell === "boolean") return ok(cell);
  const text = textOf(cell).toLowerCase();
  if (yes.includes(text)) return ok(true);
  if (no.includes(text)) return ok(false);
  return bad("boolean", `"${textOf(cell)}" is not 是/否 (yes/no)`);
}

/** Yes/no for people. */
export function booleanLabel(value: boolean, lang: "zh" | "en"): string {
  if (lang === "en") return value ? "Yes" : "No";
  return value ? "是" : "否";
}
