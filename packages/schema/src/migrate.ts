// Applies pending migrations with the database's own driver, each in a transaction, recorded in
// a `_prisma_migrations`-compatible table (so `prisma migrate status` agrees where the native
// engine exists). The runtime needs no Prisma CLI (STACK.md).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { type Provider, providerOf, redact, sqlitePath } from "./db.ts";

const migrationsRoot = join(dirname(fileURLToPath(import.meta.url)), "../prisma/migrations");

const createTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(provider: Provider): Migration[] {
  const dir = join(migrationsRoot, provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Runs every migration not yet applied; returns the names it applied. */
export async function migrate(url: string): Promise<string[]> {
  const provider = providerOf(url);
  const pending = (applied: Set<string>) => listMigrations(provider).filter((m) => !applied.has(m.name));
  if (provider === "sqlite") {
    const file = sqlitePath(url);
    if (!existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true });
    const db = new Sqlite(file, { timeout: 5000 });
    try {
      db.pragma("journal_mode = WAL");
      db.exec(createTable);
      const applied = new Set(
        db
          .prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)
          .all()
          .map((r) => (r as { migration_name: string }).migration_name),
      );
      const todo = pending(applied);
      for (const m of todo) {
        db.transaction(() => {
          db.exec(m.sql);
          db.prepare(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count, started_at) VALUES (?, ?, ?, ?, 1, ?)`,
          ).run(randomUUID(), m.checksum, new Date().toISOString(), m.name, new Date().toISOString());
        })();
      }
      // Planner statistics for tables that lack them or have outgrown them (SQLite gathers none by
      // itself): without them it prefers any equality, even provinceCode (one value for a whole
      // province), to a selective date range. Quick: SQLite samples large tables.
      db.pragma("optimize=0x10002");
      return todo.map((m) => m.name);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`cannot connect to PostgreSQL at ${redact(url)}: ${(e as Error).message}`);
  }
  try {
    // One migrator at a time when several instances start together.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(createTable);
    const { rows } = await client.query(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
    );
    const todo = pending(new Set(rows.map((r) => r.migration_name as string)));
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
      }
    }
    return todo.map((m) => m.name);
  } finally {
    await client.end();
  }
}
