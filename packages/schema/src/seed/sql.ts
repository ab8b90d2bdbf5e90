// Row values, ids and human codes of the seed, and how its values are written in SQL: the way
// each database stores Prisma's types (DateTime as ISO-8601 text on SQLite, timestamp(3) on
// PostgreSQL; Boolean as 1/0 or TRUE/FALSE).
import type { Db } from "../db.ts";

export type Provider = "sqlite" | "postgresql";
export type Value = string | number | boolean | Date | null;
export type Row = Record<string, Value>;

/** Which database a client talks to (the generated client records its provider). */
export function providerOfClient(prisma: Db): Provider {
  const active = (prisma as unknown as { _activeProvider?: string })._activeProvider;
  if (active === "sqlite") return "sqlite";
  if (active === "postgresql" || active === "postgres") return "postgresql";
  throw new Error(`seed: unsupported database provider "${active}"`);
}

/** Prisma's SQLite text form of a DateTime: "2021-03-01T00:00:00.000+00:00". */
export function sqliteDate(value: Date): string {
  return `${value.toISOString().slice(0, -1)}+00:00`;
}

/** A value as an SQL literal (strings escaped). */
export function literal(value: Value, provider: Provider): string {
  if (value === null) return "NULL";
  switch (typeof value) {
    case "string":
      return value.includes("'") ? `'${value.replaceAll("'", "''")}'` : `'${value}'`;
    case "number":
      if (!Number.isFinite(value)) throw new Error(`seed: non-finite number ${value}`);
      return String(value);
    case "boolean":
      if (provider === "postgresql") return value ? "TRUE" : "FALSE";
      return value ? "1" : "0";
    default:
      return `'${sqliteDate(value)}'`;
  }
}

/** Hands out explicit ids per table, so rows can reference each other before they are written. */
export class Ids {
  private readonly next = new Map<string, number>();

  take(table: string): number {
    const id = (this.next.get(table) ?? 0) + 1;
    this.next.set(table, id);
    return id;
  }

  tables(): string[] {
    return [...this.next.keys()];
  }
}

/** Human codes "<prefix>-<n>": the last number per prefix, written to CodeSequence at the end. */
export class Sequences {
  readonly last = new Map<string, number>();

  next(prefix: string, width = 4): string {
    const n = (this.last.get(prefix) ?? 0) + 1;
    this.last.set(prefix, n);
    return `${prefix}-${String(n).padStart(width, "0")}`;
  }

  rows(): Row[] {
    return [...this.last]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([prefix, value]) => ({ prefix, value }));
  }
}
