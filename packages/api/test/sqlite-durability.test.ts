// SQLite durability (issue 10): the database runs in WAL mode with a busy timeout, concurrent
// writers wait for each other instead of failing, and a writer killed with SIGKILL mid-write
// leaves a database that passes `PRAGMA integrity_check` with every acknowledged write present.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { type Database, migrate, openDatabase } from "@renfang/schema";
import { afterEach, describe, expect, it } from "vitest";
import { createApi } from "../src/yoga.ts";
import { SECRET, tokenFor } from "./helpers.ts";

const opened: Database[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

async function freshDatabase(): Promise<string> {
  const url = `file:${join(mkdtempSync(join(tmpdir(), "rf-durable-")), "renfang.db")}`;
  await migrate(url);
  return url;
}

function open(url: string): Database {
  const db = openDatabase({ url });
  opened.push(db);
  return db;
}

/** Runs a script of fixtures/ in its own Node process (one process: SIGKILL reaches the writer itself). */
function fixture(script: string, ...args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "fixtures", script), ...args], {
    cwd: join(import.meta.dirname, ".."),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { stdout: child.stdout, kill: (signal: NodeJS.Signals) => child.kill(signal), exited, stderr: () => stderr };
}

const regions = [
  { code: "360000", name: "江西省", level: "PROVINCE", provinceCode: "360000" },
  { code: "360100", name: "南昌市", level: "CITY", parentCode: "360000", cityCode: "360100", provinceCode: "360000" },
  { code: "360102", name: "东湖区", level: "COUNTY", parentCode: "360100", cityCode: "360100", provinceCode: "360000" },
] as const;
const createShelter = `mutation ($input: CreateShelterInput!) { createShelter(input: $input) { __typename } }`;
const shelterInput = {
  name: "锁等待工程",
  regionCode: "360102",
  address: "八一大道1号",
  constructionType: "STANDALONE",
  protectionClass: "核6",
  wartimeFunction: "PERSONNEL_SHELTER",
  area: 100,
  wartimeCapacity: 50,
  peacetimeUse: "PARKING",
};

const probe = (recordId: string) =>
  ({ actor: "test", role: "PROVINCE_ADMIN", operation: "probe", model: "Probe", recordId }) as const;

describe("SQLite durability", () => {
  it("runs in WAL mode with a 5 s busy timeout on the application's connection", async () => {
    const { prisma } = open(await freshDatabase());
    const [mode] = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode.journal_mode).toBe("wal");
    const [busy] = await prisma.$queryRawUnsafe<Record<string, unknown>[]>("PRAGMA busy_timeout");
    expect(Number(Object.values(busy)[0])).toBe(5000);
  });

  it("makes a writer wait for another process's write lock instead of failing with SQLITE_BUSY", async () => {
    const url = await freshDatabase();
    const marker = join(mkdtempSync(join(tmpdir(), "rf-lock-")), "writing");
    const holder = fixture("sqlite-lock-holder.ts", url, marker);
    const lines = createInterface({ input: holder.stdout })[Symbol.asyncIterator]();
    expect((await lines.next()).value).toBe("locked");
    const { prisma } = open(url);
    expect(await prisma.auditLog.count()).toBe(0); // readers are not blocked (WAL), and the client is warm
    writeFileSync(marker, ""); // the holder commits only after this write has started
    await prisma.auditLog.create({ data: probe("waited") });
    const written = Date.now();
    const released = Number(/^releasing (\d+)$/.exec((await lines.next()).value)?.[1]);
    expect(written).toBeGreaterThanOrEqual(released);
    expect(await holder.exited).toEqual({ code: 0, signal: null });
    expect((await prisma.auditLog.findMany({ orderBy: { id: "asc" } })).map((r) => r.recordId)).toEqual([
      "holder",
      "waited",
    ]);
  });

  it("answers DATABASE_UNAVAILABLE (503), not a 500, when the lock is held past the busy timeout", async () => {
    const url = await freshDatabase();
    const db = open(url);
    await db.prisma.region.createMany({ data: [...regions] });
    const marker = join(mkdtempSync(join(tmpdir(), "rf-lock-")), "writing");
    const holder = fixture("sqlite-lock-holder.ts", url, marker, "8000"); // longer than the 5 s timeout
    const lines = createInterface({ input: holder.stdout })[Symbol.asyncIterator]();
    expect((await lines.next()).value).toBe("locked");
    const api = createApi({ database: db, tokenSecret: SECRET });
    const token = await tokenFor({ role: "PROVINCE_ADMIN", regionCode: "360000" });
    writeFileSync(marker, "");
    const res = await api.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: createShelter, variables: { input: shelterInput } }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect([res.status, body.errors?.[0]?.extensions?.code]).toEqual([503, "DATABASE_UNAVAILABLE"]);
    expect(await holder.exited).toEqual({ code: 0, signal: null });
    expect(await db.prisma.shelter.count()).toBe(0); // nothing half-written
    expect(await db.prisma.codeSequence.count()).toBe(0);
  });

  it("keeps every acknowledged write, and a sound file, when the writer is killed with SIGKILL", async () => {
    const url = await freshDatabase();
    const writer = fixture("sqlite-writer.ts", url);
    const acknowledged: number[] = [];
    for await (const line of createInterface({ input: writer.stdout })) {
      acknowledged.push(Number(line));
      if (acknowledged.length === 300) {
        writer.kill("SIGKILL"); // mid-write: the next transaction is already under way
        break;
      }
    }
    expect(await writer.exited, writer.stderr()).toEqual({ code: null, signal: "SIGKILL" });
    expect(acknowledged).toHaveLength(300);

    const { prisma } = open(url);
    expect(await prisma.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    const rows = await prisma.auditLog.findMany({
      where: { operation: "killProbe" },
      select: { id: true, recordId: true },
    });
    const stored = new Set(rows.map((r) => r.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    // The counter and the row were one transaction: as many codes taken as rows kept, no gaps.
    const counter = await prisma.codeSequence.findUnique({ where: { prefix: "KILL" } });
    expect(counter?.value).toBe(rows.length);
    expect(rows.map((r) => r.recordId).sort()).toEqual(rows.map((_, i) => `KILL-${String(i + 1).padStart(4, "0")}`));
    // And the application carries on writing.
    await prisma.auditLog.create({ data: probe("after the crash") });
    expect(await prisma.auditLog.count()).toBe(rows.length + 1);
  });
});
