// Where the seed's rows go. Prisma's createMany costs ~0.6 ms a row in the Rust-free client
// (measured: 20,000 shelters in 12 s), and even raw SQL through Prisma crosses its WASM query
// compiler (10,000 events: 370 ms CPU vs 70 ms for SQLite itself). So:
// - on SQLite the seed asks the database for its file (PRAGMA database_list) and inserts through
//   its own better-sqlite3 connection with prepared statements; the application's client sees
//   the rows as soon as each transaction commits (WAL);
// - on PostgreSQL (and SQLite without a file) it sends multi-row INSERT statements of SQL
//   literals through $executeRawUnsafe in Prisma transactions.
import Sqlite from "better-sqlite3";
import pg from "pg";
import type { Db } from "../db.ts";
import { literal, type Provider, providerOfClient, type Row, sqliteDate, type Value } from "./sql.ts";

/** Inserts rows of one table (all of the same shape) inside the current transaction. */
export type Insert = (table: string, rows: readonly object[]) => Promise<void>;

export interface Writer {
  readonly provider: Provider;
  /** Rows written per table, for the summary. */
  readonly counts: Record<string, number>;
  /** Runs `fn` in one transaction. */
  transaction(fn: (insert: Insert) => Promise<void>): Promise<void>;
  /**
   * After rows with explicit ids: PostgreSQL's serial sequences still start at 1, so each is
   * moved past its table's largest id (SQLite's AUTOINCREMENT follows by itself).
   */
  afterIds(tables: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

const PRISMA_TX = { maxWait: 60_000, timeout: 3_600_000 };
const ROWS_PER_STATEMENT = 500;

export async function openWriter(prisma: Db, url?: string): Promise<Writer> {
  const provider = providerOfClient(prisma);
  if (provider === "postgresql" && url) return pgWriter(url);
  if (provider === "sqlite") {
    const files = await prisma.$queryRawUnsafe<{ name: string; file: string }[]>("PRAGMA database_list");
    const file = files.find((f) => f.name === "main")?.file;
    if (file) return sqliteWriter(file);
  }
  return prismaWriter(prisma, provider);
}

async function pgWriter(url: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts: Record<string, number> = {};
  const insert: Insert = async (table, rows) => {
    for (const sql of insertStatements(table, rows, "postgresql")) await client.query(sql);
    counts[table] = (counts[table] ?? 0) + rows.length;
  };
  return {
    provider: "postgresql",
    counts,
    async transaction(fn) {
      await client.query("BEGIN");
      try {
        await client.query(NO_COMMIT_WAIT);
        await fn(insert);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
    },
    async afterIds(tables) {
      for (const t of tables) await client.query(resetSequence(t));
    },
    close: () => client.end(),
  };
}

function prismaWriter(prisma: Db, provider: Provider): Writer {
  const counts: Record<string, number> = {};
  return {
    provider,
    counts,
    transaction: (fn) =>
      prisma.$transaction(async (tx) => {
        if (provider === "postgresql") await tx.$executeRawUnsafe(NO_COMMIT_WAIT);
        await fn(async (table, rows) => {
          for (const sql of insertStatements(table, rows, provider)) await tx.$executeRawUnsafe(sql);
          counts[table] = (counts[table] ?? 0) + rows.length;
        });
      }, PRISMA_TX),
    async afterIds(tables) {
      if (provider !== "postgresql") return;
      for (const t of tables) await prisma.$queryRawUnsafe(resetSequence(t));
    },
    close: async () => {},
  };
}

/** Multi-row INSERT statements of SQL literals, ROWS_PER_STATEMENT rows each. */
function insertStatements(table: string, rows: readonly object[], provider: Provider): string[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  const statements: string[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const tuples = (rows.slice(i, i + ROWS_PER_STATEMENT) as Row[]).map(
      (row) => `(${columns.map((c) => literal(row[c] ?? null, provider)).join(", ")})`,
    );
    statements.push(head + tuples.join(", "));
  }
  return statements;
}

// Like SQLite's synchronous=NORMAL below: no wait for the WAL flush at each commit (a crash can
// only lose the last transactions, never corrupt anything; a lost seed is simply run again).
const NO_COMMIT_WAIT = "SET LOCAL synchronous_commit TO OFF";

/** Moves a PostgreSQL serial sequence past the table's largest id. */
const resetSequence = (table: string) =>
  `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX(id) FROM "${table}"), 0) + 1, false)`;

/** better-sqlite3 binds numbers, strings and null: Dates and booleans as Prisma stores them. */
const bindable = (v: Value | undefined) =>
  v === undefined ? null : v instanceof Date ? sqliteDate(v) : typeof v === "boolean" ? (v ? 1 : 0) : v;

function sqliteWriter(file: string): Writer {
  const db = new Sqlite(file, { timeout: 10_000 });
  // No fsync per commit, and one checkpoint at the end instead of one per 1,000 pages written
  // (each a file sync): a seed lost to a power cut is simply run again.
  db.pragma("synchronous = NORMAL");
  db.pragma("wal_autocheckpoint = 0");
  const counts: Record<string, number> = {};
  const statements = new Map<string, Sqlite.Statement>();
  const insert: Insert = async (table, rows) => {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]);
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    const values: (string | number | null)[] = new Array(columns.length);
    for (const row of rows as Row[]) {
      for (let c = 0; c < columns.length; c++) values[c] = bindable(row[columns[c]]);
      statement.run(values);
    }
    counts[table] = (counts[table] ?? 0) + rows.length;
  };
  return {
    provider: "sqlite",
    counts,
    async transaction(fn) {
      db.exec("BEGIN IMMEDIATE");
      try {
        await fn(insert);
        db.exec("COMMIT");
      } catch (e) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw e;
      }
    },
    afterIds: async () => {},
    close: async () => {
      db.pragma("wal_checkpoint(PASSIVE)");
      db.close();
    },
  };
}
