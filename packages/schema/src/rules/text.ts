// Text the databases can store. PostgreSQL's text cannot hold NUL, and an unpaired UTF-16
// surrogate is no Unicode text at all (the Prisma engine refuses it, an internal error); both
// databases must answer alike, so both are bad input wherever they appear.
import type { FieldIssue } from "../errors.ts";

const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `value` cannot be stored as text, or null when it can. */
export function unstorableText(value: string): string | null {
  if (value.includes("\u0000")) return "text: must not contain the NUL character";
  if (UNPAIRED_SURROGATE.test(value)) return "text: must not contain an unpaired surrogate (not valid Unicode)";
  return null;
}

/** Every string inside `value` (objects and lists walked) that cannot be stored, by its path. */
export function textIssues(value: unknown, path: string): FieldIssue[] {
  if (typeof value === "string") {
    const message = unstorableText(value);
    return message ? [{ field: path || "input", rule: "text", message }] : [];
  }
  if (value === null || typeof value !== "object" || value instanceof Date || value instanceof Blob) return [];
  return Object.entries(value).flatMap(([key, v]) => textIssues(v, path ? `${path}.${key}` : key));
}
