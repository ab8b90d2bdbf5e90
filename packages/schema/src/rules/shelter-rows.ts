// The census import's row rules that need no database: find the header row, convert every cell
// (numbers, dates, 是/否, enums by value or Chinese/English label), apply the registry's zod
// rules, check each row on its own (coordinates inside the province, parking not opened in the
// future) and the file as a whole (duplicate codes). Every problem is collected; none stops reading.
import { isBlank, type Parsed, parseBoolean, parseDate, parseNumber, textOf } from "../sheets/cells.ts";
import { allowedLabels, type EnumLabels, parseEnum } from "../sheets/labels.ts";
import type { Cell, Sheet } from "../sheets/read.ts";
import { findShelterHeader, type ShelterColumn, shelterColumns } from "../sheets/shelter-sheet.ts";
import { insideProvince } from "./province-bounds.ts";

export type FieldValue = string | number | boolean | Date | null;

/** One broken rule in one cell (or one missing column). */
export interface RowIssue {
  /** Row number as Excel shows it. */
  row: number;
  /** The column's header as written in the file (or ours when the column is missing). */
  column: string;
  field: string;
  rule: string;
  message: string;
}

/** A row that passed: the given fields (null = the cell was empty). */
export interface ShelterRecord {
  row: number;
  code: string;
  values: Record<string, FieldValue>;
}

export interface ShelterRows {
  records: ShelterRecord[];
  issues: RowIssue[];
  /** Example rows skipped. */
  skipped: number;
  /** The header of a field's column as the file writes it. */
  columnOf(field: string): string;
}

/** The template's example row carries this code and is skipped. */
export const EXAMPLE_CODE = "示例";

function ruleMessage(message: string): { rule: string; message: string } {
  const m = /^([a-z][a-zA-Z]+): (.*)$/s.exec(message);
  return m ? { rule: m[1], message: m[2] } : { rule: "invalid", message };
}

function convert(column: ShelterColumn, cell: Cell, labels: EnumLabels): Parsed<FieldValue> {
  let parsed: Parsed<FieldValue>;
  if (column.kind === "int" || column.kind === "float") parsed = parseNumber(cell);
  else if (column.kind === "date") parsed = parseDate(cell);
  else if (column.kind === "bool") parsed = parseBoolean(cell);
  else if (column.kind === "enum") {
    const value = parseEnum(labels, column.enumType!, textOf(cell));
    const allowed = allowedLabels(labels, column.enumType!, "zh").join("/");
    parsed = value
      ? { ok: true, value }
      : { ok: false, rule: "enum", message: `enum: "${textOf(cell)}" is not one of ${allowed}` };
  } else parsed = { ok: true, value: textOf(cell) };
  if (!parsed.ok || !column.read?.rule) return parsed;
  const checked = column.read.rule.safeParse(parsed.value);
  if (checked.success) return { ok: true, value: checked.data as FieldValue };
  const { rule, message } = ruleMessage(checked.error.issues[0].message);
  return { ok: false, rule, message: `${rule}: ${message}` };
}

/** Rules between the cells of one row. */
function rowRules(values: Record<string, FieldValue>, today: Date): { field: string; rule: string; message: string }[] {
  const issues = [];
  const { latitude: lat, longitude: lon, regionCode, parkingOpenedOn } = values;
  if ((lat == null) !== (lon == null)) {
    issues.push({
      field: lat == null ? "latitude" : "longitude",
      rule: "pair",
      message: "latitude and longitude are given together or not at all",
    });
  }
  if (typeof lat === "number" && typeof lon === "number" && typeof regionCode === "string") {
    if (insideProvince(regionCode, lat, lon) === false) {
      issues.push({
        field: "latitude",
        rule: "province",
        message: `(${lat}, ${lon}) is outside the province of region ${regionCode}`,
      });
    }
  }
  if (parkingOpenedOn instanceof Date && parkingOpenedOn.getTime() > today.getTime()) {
    issues.push({ field: "parkingOpenedOn", rule: "range", message: "parking cannot open after today" });
  }
  if (values.disasterShelter === false && typeof values.disasterCapacity === "number" && values.disasterCapacity > 0) {
    issues.push({
      field: "disasterCapacity",
      rule: "consistency",
      message: "a disaster capacity needs 兼顾防灾避难 = 是",
    });
  }
  return issues;
}

/** Reads and checks every row of a registry sheet. */
export function readShelterRows(sheet: Sheet, labels: EnumLabels, today: Date): ShelterRows {
  const header = findShelterHeader(sheet);
  if (!header) {
    const expected = shelterColumns
      .filter((c) => c.read?.required)
      .map((c) => c.zh)
      .join(", ");
    return {
      records: [],
      skipped: 0,
      columnOf: (field) => field,
      issues: [
        {
          row: sheet.rows[0]?.number ?? 1,
          column: "",
          field: "header",
          rule: "header",
          message: `no header row naming the columns (${expected})`,
        },
      ],
    };
  }
  const issues: RowIssue[] = [];
  const seen = new Set<ShelterColumn>();
  header.columns.forEach((column, index) => {
    if (!column?.read) return;
    if (seen.has(column))
      issues.push({
        row: header.row.number,
        column: textOf(header.row.cells[index]),
        field: column.key,
        rule: "column",
        message: "this column appears twice",
      });
    seen.add(column);
  });
  for (const column of shelterColumns.filter((c) => c.read?.required && !seen.has(c))) {
    issues.push({
      row: header.row.number,
      column: column.zh,
      field: column.key,
      rule: "column",
      message: `required column ${column.zh} (${column.en}) is missing`,
    });
  }
  const records: ShelterRecord[] = [];
  const codes = new Map<string, number>();
  let skipped = 0;
  const columnOf = (field: string) => {
    const i = header.columns.findIndex((c) => c?.key === field);
    return i >= 0 ? textOf(header.row.cells[i]) : (shelterColumns.find((c) => c.key === field)?.zh ?? field);
  };
  const codeIndex = header.columns.findIndex((c) => c?.key === "code");
  for (const row of sheet.rows.filter((r) => r.number > header.row.number)) {
    const values: Record<string, FieldValue> = {};
    const before = issues.length;
    if (codeIndex >= 0 && textOf(row.cells[codeIndex] ?? "") === EXAMPLE_CODE) {
      skipped++;
      continue;
    }
    header.columns.forEach((column, index) => {
      if (!column?.read) return;
      const cell = row.cells[index] ?? null;
      if (isBlank(cell)) {
        if (column.read.required)
          issues.push({
            row: row.number,
            column: columnOf(column.key),
            field: column.key,
            rule: "required",
            message: "this cell must be filled",
          });
        else values[column.key] = null;
        return;
      }
      const parsed = convert(column, cell, labels);
      if (parsed.ok) values[column.key] = parsed.value;
      else
        issues.push({
          row: row.number,
          column: columnOf(column.key),
          field: column.key,
          rule: parsed.rule,
          message: ruleMessage(parsed.message).message,
        });
    });
    // Rules between cells only make sense once every cell reads well.
    if (issues.length === before) {
      for (const issue of rowRules(values, today))
        issues.push({ row: row.number, column: columnOf(issue.field), ...issue });
    }
    const code = typeof values.code === "string" ? values.code : null;
    if (code && codes.has(code)) {
      issues.push({
        row: row.number,
        column: columnOf("code"),
        field: "code",
        rule: "unique",
        message: `code ${code} is also on row ${codes.get(code)}`,
      });
    } else if (code) codes.set(code, row.number);
    if (issues.length === before && code) records.push({ row: row.number, code, values });
  }
  return { records, issues, skipped, columnOf };
}
