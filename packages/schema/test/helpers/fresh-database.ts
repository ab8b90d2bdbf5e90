// A migrated, empty database of its own for a test file: a temp SQLite file, or — when
// TEST_DATABASE_URL=postgresql://… names a server — a uniquely named database created on that
// server and dropped again by `drop()`.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Database, openDatabase, type Provider } from "../../src/db.ts";
import { migrate } from "../../src/migrate.ts";

export interface FreshDatabase {
  url: string;
  db: Database;
  /** Closes the client and deletes the database (file or PostgreSQL database). */
  drop(): Promise<void>;
}

/** The PostgreSQL server tests may use, if any. */
export function postgresServerUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

/** The databases a test should run on: SQLite always, PostgreSQL too when TEST_DATABASE_URL names one. */
export function testProviders(): Provider[] {
  return postgresServerUrl() ? ["sqlite", "postgresql"] : ["sqlite"];
}

/**
 * A fresh, migrated database. `provider` defaults to PostgreSQL when TEST_DATABASE_URL names a
 * server, else SQLite.
 */
export async function freshDatabase(
  provider: Provider = postgresServerUrl() ? "postgresql" : "sqlite",
): Promise<FreshDatabase> {
  let url: string;
  let remove: () => Promise<void>;
  if (provider === "postgresql") {
    const server = postgresServerUrl();
    if (!server) throw new Error("freshDatabase: PostgreSQL needs TEST_DATABASE_URL=postgresql://…");
    const name = `rf_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    await onServer(server, `CREATE DATABASE "${name}"`);
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    remove = () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const dir = mkdtempSync(join(tmpdir(), "renfang-test-"));
    url = `file:${join(dir, "test.db")}`;
    remove = async () => rmSync(dir, { recursive: true, force: true });
  }
  try {
    await migrate(url);
  } catch (e) {
    await remove();
    throw e;
  }
  const db = openDatabase({ url });
  return {
    url,
    db,
    async drop() {
      await db.close();
      await remove();
    },
  };
}

async function onServer(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
