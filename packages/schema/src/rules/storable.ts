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

/** Every string or date inside `value` (objects and lists walked) that cannot be stored, by its path. */
export function unstorableIssues(value: unknown, path: string): FieldIssue[] {
  const field = path || "input";
  if (typeof value === "string") {
    const message = unstorableText(value);
    return message ? [{ field, rule: "text", message }] : [];
  }
  if (value instanceof Date) {
    return value.getUTCFullYear() < 1 ? [{ field, rule: "range", message: "range: year 1 or later" }] : [];
  }
  if (value === null || typeof value !== "object" || value instanceof Blob) return [];
  return Object.entries(value).flatMap(([key, v]) => unstorableIssues(v, path ? `${path}.${key}` : key));
}
