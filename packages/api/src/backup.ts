// `renfang backup FILE` and `renfang restore FILE` (issue 10). SQLite: SQLite's online backup
// API (better-sqlite3 `db.backup()`), so a backup may be taken while the server writes, and a
// restore goes through the same API, so it never copies a half-written file. PostgreSQL has its
// own tools (pg_dump / pg_restore); we point at them instead of reimplementing them.
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { migrate, providerOf, redact, sqlitePath } from "@renfang/schema";
import { listMigrations } from "@renfang/schema/migrate";
import Sqlite from "better-sqlite3";

export class BackupError extends Error {}

export function pgDumpAdvice(url: string, command: "backup" | "restore"): string {
  const target = `'${redact(url)}'`;
  return command === "backup"
    ? `renfang backup copies the SQLite database; for PostgreSQL use pg_dump: pg_dump --format=custom --file=FILE ${target}`
    : `renfang restore restores the SQLite database; for PostgreSQL use pg_restore into an empty database: pg_restore --no-owner --dbname=${target} FILE`;
}

/** Copies the database to `file` (which must not exist yet), checks the copy, and returns its size. */
export async function backupDatabase(url: string, file: string): Promise<{ bytes: number; migration: string }> {
  if (providerOf(url) === "postgresql") throw new BackupError(pgDumpAdvice(url, "backup"));
  const source = sqlitePath(url);
  if (!existsSync(source)) throw new BackupError(`no database at ${source}; nothing to back up`);
  if (existsSync(file))
    throw new BackupError(`${file} already exists; choose a new name (a backup never overwrites a file)`);
  const db = new Sqlite(source, { fileMustExist: true, timeout: 5000 });
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
  const copy = new Sqlite(file, { timeout: 5000 });
  try {
    // One self-contained file (no -wal beside it), whatever mode the live database runs in.
    copy.pragma("journal_mode = DELETE");
    const { migration } = inspect(copy, file);
    return { bytes: statSync(file).size, migration };
  } finally {
    copy.close();
  }
}

/**
 * Replaces the database with the backup `file`, then applies migrations newer than the backup.
 * Refuses a database that holds data unless `force`, and a file that is not a Renfang database.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  options: { force?: boolean } = {},
): Promise<{ applied: string[] }> {
  if (providerOf(url) === "postgresql") throw new BackupError(pgDumpAdvice(url, "restore"));
  checkHeader(file);
  const backup = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    inspect(backup, file);
    const target = sqlitePath(url);
    const filled = existsSync(target) ? tablesWithRows(target) : [];
    if (filled.length && !options.force) {
      const which = filled.slice(0, 5).join(", ") + (filled.length > 5 ? ", …" : "");
      throw new BackupError(`${target} holds data (${which}); pass --force to replace it with ${file}`);
    }
    await backup.backup(target);
  } finally {
    backup.close();
  }
  return { applied: await migrate(url) };
}

function checkHeader(file: string): void {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  const header = Buffer.alloc(16);
  const fd = openSync(file, "r");
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString("latin1") !== "SQLite format 3\0") throw new BackupError(`${file} is not an SQLite database`);
}

/** Checks that `db` is a sound Renfang database this version knows; returns its last migration. */
function inspect(db: Sqlite.Database, file: string): { migration: string } {
  let check: unknown;
  try {
    check = db.pragma("integrity_check", { simple: true });
  } catch (err) {
    check = (err as Error).message; // a badly broken file does not even get through the check
  }
  if (check !== "ok") throw new BackupError(`${file} is damaged: ${check}`);
  const known = listMigrations("sqlite").map((m) => m.name);
  const hasHistory = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`)
    .get();
  const applied = hasHistory
    ? db
        .prepare(
          `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
        )
        .all()
        .map((r) => (r as { name: string }).name)
    : [];
  if (!applied.includes(known[0]))
    throw new BackupError(`${file} is not a Renfang database (no Renfang migration history)`);
  const unknown = applied.find((name) => !known.includes(name));
  if (unknown)
    throw new BackupError(`${file} comes from a newer Renfang (migration ${unknown}); upgrade Renfang first`);
  return { migration: applied[applied.length - 1] };
}

/** The database's own tables that hold rows (the migration history does not count). */
function tablesWithRows(path: string): string[] {
  const db = new Sqlite(path, { fileMustExist: true, timeout: 5000 });
  try {
    const tables = db
      .prepare(
        // Ordinary tables only: an index's virtual table (the works' R*Tree) and its shadow tables
        // mirror rows held elsewhere, and an empty R*Tree already has its root node.
        `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
      )
      .all() as { name: string }[];
    return tables.map((t) => t.name).filter((name) => db.prepare(`SELECT 1 FROM "${name}" LIMIT 1`).get());
  } finally {
    db.close();
  }
}
