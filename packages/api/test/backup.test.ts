// `renfang backup` / `renfang restore` (issue 10): a round trip over the demo data gives back
// every row of every table; a backup taken while another process writes is consistent; restore
// refuses a database holding data without --force and files that are not Renfang databases.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { migrate, openDatabase } from "@renfang/schema";
import { seedDemo } from "@renfang/schema/seed";
import Sqlite from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { BackupError, backupDatabase, restoreDatabase } from "../src/backup.ts";
import { TODAY } from "./helpers.ts";

const temp = () => mkdtempSync(join(tmpdir(), "rf-backup-"));

/** Every row of every table, in order: what a restore must give back exactly. */
function snapshot(path: string): Record<string, unknown[]> {
  const db = new Sqlite(path, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
      name: string;
    }[];
    return Object.fromEntries(
      tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

function renfang(args: string[], dataDir: string) {
  const bin = join(import.meta.dirname, "../bin/renfang.mjs");
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
  });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

let dataDir: string;
let path: string;
let url: string;
beforeAll(async () => {
  dataDir = temp();
  path = join(dataDir, "renfang.db");
  url = `file:${path}`;
  await migrate(url);
  const db = openDatabase({ url });
  await seedDemo(db.prisma, { scale: 0.02, today: TODAY });
  await db.close();
});

describe("renfang backup and restore (SQLite)", () => {
  it("round-trips: backup, change, restore --force gives back every row", async () => {
    const before = snapshot(path);
    expect(before.Hazard.length).toBeGreaterThan(100);
    const file = join(temp(), "before.db");
    const { bytes, migration } = await backupDatabase(url, file);
    expect(bytes).toBeGreaterThan(0);
    expect(migration).toBe((before._prisma_migrations.at(-1) as { migration_name: string }).migration_name);

    const db = openDatabase({ url });
    await db.prisma.shelter.updateMany({ data: { name: "改过的工程" } });
    await db.prisma.hazardEvent.deleteMany({ where: { id: { lte: 50 } } });
    await db.prisma.auditLog.create({
      data: { actor: "x", role: "PROVINCE_ADMIN", operation: "after", model: "Probe" },
    });
    await db.close();
    expect(snapshot(path)).not.toEqual(before);

    await expect(restoreDatabase(url, file)).rejects.toThrow(/holds data \(.*\); pass --force to replace it/);
    expect(await restoreDatabase(url, file, { force: true })).toEqual({ applied: [] });
    expect(snapshot(path)).toEqual(before);
    const reopened = openDatabase({ url }); // and the application reads it
    expect(await reopened.prisma.hazard.count()).toBe(before.Hazard.length);
    await reopened.close();
  });

  it("takes a consistent backup while another process writes", async () => {
    const live = `file:${join(temp(), "live.db")}`;
    await migrate(live);
    const writer = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "fixtures/sqlite-writer.ts"), live],
      {
        cwd: join(import.meta.dirname, ".."),
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const acks = createInterface({ input: writer.stdout })[Symbol.asyncIterator]();
    for (let i = 0; i < 20; i++) await acks.next(); // writing is under way
    const file = join(temp(), "online.db");
    await backupDatabase(live, file);
    writer.kill("SIGKILL");
    const copy = new Sqlite(file, { readonly: true });
    const rows = (copy.prepare(`SELECT count(*) AS n FROM "AuditLog"`).get() as { n: number }).n;
    const counter = copy.prepare(`SELECT value FROM "CodeSequence" WHERE prefix = 'KILL'`).get() as { value: number };
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete"); // one self-contained file
    copy.close();
    expect(rows).toBeGreaterThanOrEqual(20);
    expect(counter.value).toBe(rows); // a committed state, not a torn one
  });

  it("refuses what is not a sound Renfang database, and never overwrites a backup", async () => {
    const dir = temp();
    const text = join(dir, "notes.txt");
    writeFileSync(text, "人防 backup? no");
    await expect(restoreDatabase(`file:${join(dir, "a.db")}`, text)).rejects.toThrow(
      `${text} is not an SQLite database`,
    );

    const foreign = join(dir, "foreign.db");
    new Sqlite(foreign).exec("CREATE TABLE t (x)").close();
    await expect(restoreDatabase(`file:${join(dir, "a.db")}`, foreign)).rejects.toThrow(/is not a Renfang database/);

    const newer = join(dir, "newer.db");
    copyFileSync(join(dataDir, "renfang.db"), newer);
    const future = new Sqlite(newer);
    future
      .prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at) VALUES ('x', 'x', 1, '99990101000000_future', 1)`,
      )
      .run();
    future.close();
    await expect(restoreDatabase(`file:${join(dir, "a.db")}`, newer)).rejects.toThrow(
      /comes from a newer Renfang \(migration 99990101000000_future\)/,
    );

    const damaged = join(dir, "damaged.db");
    await backupDatabase(url, damaged);
    const bytes = readFileSync(damaged);
    bytes.fill(0x5a, 8192, 3 * 4096); // scribble over one page of a table
    writeFileSync(damaged, bytes);
    await expect(restoreDatabase(`file:${join(dir, "a.db")}`, damaged)).rejects.toThrow(/damaged\.db is damaged: /);

    await expect(backupDatabase(url, text)).rejects.toThrow(/already exists/);
  });

  it("points PostgreSQL users at pg_dump and pg_restore, without the password", async () => {
    const pg = "postgresql://renfang:s3cret@db.example:5432/renfang";
    const err = await backupDatabase(pg, "/tmp/x.dump").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as Error).message).toMatch(
      /pg_dump --format=custom --file=FILE 'postgresql:\/\/renfang:\*\*\*@db.example:5432\/renfang'/,
    );
    await expect(restoreDatabase(pg, "/tmp/x.dump")).rejects.toThrow(/pg_restore --no-owner --dbname=/);
    await expect(restoreDatabase(pg, "/tmp/x.dump")).rejects.not.toThrow(/s3cret/);
  });

  it("works from the renfang CLI: backup from one DATA_DIR, restore into an empty one", () => {
    const file = join(temp(), "cli.db");
    const backup = renfang(["backup", file], dataDir);
    expect(backup.stderr).toBe("");
    expect(backup.stdout).toMatch(/^backed up file:.*renfang\.db to .*cli\.db \(\d+ bytes, schema \d+_\w+\)$/);
    const fresh = temp();
    const restore = renfang(["restore", file], fresh);
    expect(restore).toMatchObject({ status: 0, stderr: "" });
    expect(snapshot(join(fresh, "renfang.db"))).toEqual(snapshot(path));
  });
});
