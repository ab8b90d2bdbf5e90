// The benchmark's scaled demo dataset, seeded once and kept: a SQLite file under bench/.cache/
// and a PostgreSQL database renfang_bench_<scale> on the local server. Seeding scale 100
// (~1,000,000 hazards) takes long, so a complete seed leaves a marker row the next run checks
// instead of counting; an interrupted seed (no marker) is wiped and redone.
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate, openDatabase } from "@renfang/schema";
import { seedDemo } from "@renfang/schema/seed";
import pg from "pg";

export type BenchDb = "sqlite" | "postgresql";
/** The demo's "today": every run sees the same overdue hazards. */
export const today = new Date("2022-06-15T04:00:00Z");
const cacheDir = join(dirname(fileURLToPath(import.meta.url)), ".cache");
const pgAdminUrl = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function datasetUrl(db: BenchDb, scale: number): string {
  const name = `renfang_bench_${String(scale).replace(/\W/g, "_")}`;
  if (db === "sqlite") return `file:${join(cacheDir, `${name}.db`)}`;
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Returns the URL of a seeded dataset, seeding it first when it is missing or incomplete. */
export async function ensureDataset(db: BenchDb, scale: number, log: (line: string) => void): Promise<string> {
  const url = datasetUrl(db, scale);
  if (await isComplete(url)) {
    // A cached dataset gets the indexes of migrations added since it was seeded.
    const applied = await migrate(url);
    if (applied.length) log(`applied to the cached ${db} dataset: ${applied.join(", ")}`);
    return url;
  }
  log(`seeding scale ${scale} into ${db} (once; cached for later runs) …`);
  await reset(db, url);
  await migrate(url);
  const database = openDatabase({ url });
  try {
    const summary = await seedDemo(database.prisma, {
      scale,
      today,
      url: db === "postgresql" ? url : undefined,
      log: (line) => log(`  ${line}`),
    });
    log(`seeded in ${(summary.ms / 1000).toFixed(0)} s`);
    // What autovacuum reaches some minutes after a bulk load, done at once: the visibility map,
    // without which PostgreSQL cannot use index-only scans (the seed gathers the statistics).
    if (db === "postgresql") await database.prisma.$executeRawUnsafe("VACUUM");
    await database.prisma.$executeRawUnsafe(
      "CREATE TABLE IF NOT EXISTS bench_seeded (scale INTEGER NOT NULL, seeded_ms INTEGER NOT NULL)",
    );
    await database.prisma.$executeRawUnsafe(`INSERT INTO bench_seeded VALUES (${scale}, ${summary.ms})`);
  } finally {
    await database.close();
  }
  return url;
}

async function isComplete(url: string): Promise<boolean> {
  try {
    if (url.startsWith("file:")) {
      const { default: Sqlite } = await import("better-sqlite3");
      const file = new Sqlite(url.slice(5), { fileMustExist: true, readonly: true });
      try {
        return Boolean(file.prepare("SELECT 1 FROM bench_seeded").get());
      } finally {
        file.close();
      }
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query("SELECT 1 FROM bench_seeded")).rowCount === 1;
    } finally {
      await client.end();
    }
  } catch {
    return false;
  }
}

async function reset(db: BenchDb, url: string): Promise<void> {
  if (db === "sqlite") {
    mkdirSync(dirname(url.slice(5)), { recursive: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${url.slice(5)}${suffix}`, { force: true });
    return;
  }
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  try {
    const name = new URL(url).pathname.slice(1);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}
