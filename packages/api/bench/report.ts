// The benchmark's output: a table on the console, and with --report the result section of
// docs/performance.md (between its bench markers) rewritten with the same table.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../src/config.ts";

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
}
export interface Row extends Measured {
  name: string;
  /** SQL statements per request at each of the scenario's page sizes (large first). */
  statements: number[];
  /** The hand-written SQL handler under the same load (ledger only). */
  raw?: Measured;
  /** The same GraphQL request with every read answered from memory (ledger only). */
  memo?: Measured;
}
export interface DbResult {
  db: string;
  scale: number;
  rows: Row[];
  /** Server RSS in bytes after round 1 and after round 2. */
  rss: number[];
  /** The V8 heap in use after a full garbage collection, after each round: a leak shows here. */
  heapAfterGc: number[];
  /** The GraphQL ledger page, the raw SQL one and the memoized one were byte-identical JSON. */
  sameLedger: boolean;
}
export interface RunContext {
  date: string;
  loadBefore: number[];
  loadAfter: number[];
  duration: number;
  connections: number;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");

export function table(results: DbResult[], ctx: RunContext): string {
  const lines = [
    `Run ${ctx.date}: ${ctx.connections} connections × ${ctx.duration} s per operation (second of two rounds shown), ` +
      `load average ${load(ctx.loadBefore)} before, ${load(ctx.loadAfter)} after.`,
    "",
    "| database | scale | operation | req/s | p50 ms | p99 ms | SQL statements / request (page sizes) | vs raw SQL | GraphQL layer alone (reads from memory) vs raw SQL |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    for (const row of r.rows) {
      const ratio = row.raw
        ? `${(row.rps / row.raw.rps).toFixed(2)}× (raw ${row.raw.rps.toFixed(0)} req/s, p50 ${row.raw.p50} ms)`
        : "";
      const memo =
        row.memo && row.raw ? `${(row.memo.rps / row.raw.rps).toFixed(2)}× (${row.memo.rps.toFixed(0)} req/s)` : "";
      const counts = row.statements.map((n) => n.toFixed(1).replace(/\.0$/, "")).join(" / ");
      lines.push(
        `| ${r.db} | ${r.scale} | ${row.name} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ${counts} | ${ratio} | ${memo} |`,
      );
    }
  }
  lines.push(
    "",
    "| database | RSS after round 1 | RSS after round 2 | heap in use after GC, round 1 → 2 | ledger JSON identical to raw SQL's (and the memoized one) |",
    "|---|---|---|---|---|",
  );
  for (const r of results)
    lines.push(
      `| ${r.db} | ${mb(r.rss[0])} MB | ${mb(r.rss[1])} MB | ${mb(r.heapAfterGc[0])} → ${mb(r.heapAfterGc[1])} MB | ${r.sameLedger ? "yes" : "no"} |`,
    );
  return lines.join("\n");
}

export function printResults(results: DbResult[], ctx: RunContext): void {
  console.log(`\n${table(results, ctx)}\n`);
}

const start = "<!-- bench:results:start -->";
const end = "<!-- bench:results:end -->";

/**
 * Replaces this run's block in the result section of docs/performance.md (one block per
 * databases × scale, so a quick scale-10 run does not erase the scale-100 figures); the rest of
 * the document is kept.
 */
export function writeReport(results: DbResult[], ctx: RunContext): void {
  const file = join(repoRoot, "docs", "performance.md");
  const doc = readFileSync(file, "utf8");
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file}: missing the ${start} … ${end} markers`);
  const blocks = new Map<string, string>();
  for (const block of doc.slice(from + start.length, to).split(/^(?=<!-- run:)/m)) {
    const key = /^<!-- run:(\S+) -->/.exec(block)?.[1];
    if (key) blocks.set(key, block.trim());
  }
  const key = `${results.map((r) => r.db).join("+")}@${results[0]?.scale}`;
  blocks.set(key, `<!-- run:${key} -->\n### ${key.replace("@", ", scale ")}\n\n${table(results, ctx)}`);
  const body = [...blocks.keys()]
    .sort()
    .map((k) => blocks.get(k))
    .join("\n\n");
  writeFileSync(file, `${doc.slice(0, from + start.length)}\n${body}\n${doc.slice(to)}`);
  console.log(`rewrote the ${key} results in ${file}`);
}
