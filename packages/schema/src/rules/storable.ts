// Values both databases can store, alike. PostgreSQL's text cannot hold NUL, and an unpaired
// UTF-16 surrogate is no Unicode text at all (the Prisma engine refuses it: an internal error).
// PostgreSQL has no year 0 (1 BC), which the Date and DateTime scalars accept as "0000-…". SQLite
// would store all three, so they are bad input on both.
import type { FieldIssue } from "../errors.ts";

const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `value` cannot be stored as text, or null when it can. */
export function unstorableText(value: string): string | null {
  if (value.includes("\u0000")) return "text: must not contain the NUL character";
  if (UNPAIRED_SURROGATE.test(value)) return "text: must not contain an unpaired surrogate (not valid Unicode)";
  return null;
}

/**
 * Sizes no argument may pass, whatever its own rules (issue 15): a free-text search is matched
 * with LIKE on every row, any other text is at most a description (5,000 characters by its own
 * rule), and a list is a handful of filter values or codes. Global ids (`nodes(ids:)`) are
 * bounded by the page size, as a page of nodes.
 */
export const inputLimits = {
  /** Characters of a `search` argument. */
  searchLength: 100,
  /** Characters of any other text argument. */
  textLength: 10_000,
  /** Items of any list argument (filter values, codes, rows of a form). */
  listItems: 200,
} as const;

/**
 * Every string or date inside `value` (objects and lists walked) that cannot be stored, and every
 * text or list over the size limits, by its path. `maxIds` bounds a list named `ids`.
 */
export function unstorableIssues(value: unknown, path: string, maxIds: number = inputLimits.listItems): FieldIssue[] {
  const field = path || "input";
  if (typeof value === "string") {
    const max = /(^|\.)search$/.test(field) ? inputLimits.searchLength : inputLimits.textLength;
    if (value.length > max) {
      return [{ field, rule: "length", message: `length: at most ${max} characters (got ${value.length})` }];
    }
    const message = unstorableText(value);
    return message ? [{ field, rule: "text", message }] : [];
  }
  if (value instanceof Date) {
    return value.getUTCFullYear() < 1 ? [{ field, rule: "range", message: "range: year 1 or later" }] : [];
  }
  if (!isInputTree(value)) return []; // numbers, booleans, uploaded files
  if (Array.isArray(value)) {
    const max = /(^|\.)ids$/.test(field) ? maxIds : inputLimits.listItems;
    if (value.length > max) {
      return [{ field, rule: "length", message: `length: at most ${max} items (got ${value.length})` }];
    }
  }
  return Object.entries(value).flatMap(([key, v]) => unstorableIssues(v, path ? `${path}.${key}` : key, maxIds));
}

/** A list or an input object (plain, as GraphQL coerces them): what arguments are made of, files aside. */
export function isInputTree(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return Array.isArray(value) || proto === null || proto === Object.prototype;
}
