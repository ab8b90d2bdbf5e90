// A condition on a row's own columns written once as data and read two ways: as a Prisma `where`
// (lists, counts, node lookups) and as SQL (the spatial search, which Prisma cannot express).
// Only what both sides need: a column among listed values, at least a number, equal to a boolean.
import type { Provider } from "./db.ts";

export type Condition =
  | { column: string; in: readonly string[] }
  | { column: string; gte: number }
  | { column: string; equals: boolean };

type Where = Record<string, unknown>;

/** The conditions as a Prisma `where` (all must hold). */
export function conditionsWhere(conditions: readonly Condition[]): Where {
  const parts = conditions.map((c): Where => {
    if ("in" in c) return { [c.column]: { in: [...c.in] } };
    if ("gte" in c) return { [c.column]: { gte: c.gte } };
    return { [c.column]: c.equals };
  });
  return parts.length === 1 ? parts[0] : { AND: parts };
}

const identifier = /^[A-Za-z][A-Za-z0-9]*$/;
const enumValue = /^[A-Z][A-Z0-9_]*$/;

/**
 * The conditions as SQL on `alias` (all must hold), numbers as parameters appended to `params`
 * (`?` on SQLite, `$n` on PostgreSQL). Values in lists are enum names from code, written inline.
 */
export function conditionsSql(
  conditions: readonly Condition[],
  provider: Provider,
  params: unknown[],
  alias = "",
): string {
  const parts = conditions.map((c) => {
    if (!identifier.test(c.column)) throw new Error(`not a column name: ${c.column}`);
    const column = `${alias ? `${alias}.` : ""}"${c.column}"`;
    if ("in" in c) {
      if (!c.in.length) return "FALSE";
      for (const v of c.in) if (!enumValue.test(v)) throw new Error(`not an enum value: ${v}`);
      return `${column} IN (${c.in.map((v) => `'${v}'`).join(", ")})`;
    }
    if ("gte" in c) {
      params.push(c.gte);
      return `${column} >= ${provider === "postgresql" ? `$${params.length}` : "?"}`;
    }
    return `${column} = ${provider === "postgresql" ? String(c.equals).toUpperCase() : Number(c.equals)}`;
  });
  return parts.length ? parts.join(" AND ") : "TRUE";
}
