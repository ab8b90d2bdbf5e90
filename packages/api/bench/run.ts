// `pnpm bench`: issue 9's benchmark, run by hand (not in CI). Seeds the scaled demo dataset once
// per database (dataset.ts), starts the API in a child process (server.ts) and drives it over
// loopback with autocannon from this process: requests/s, p50/p99 latency, SQL statements per
// request at two page sizes, the ledger against hand-written SQL, and the server's RSS after
// each of two identical rounds.
//
//   pnpm bench [--scale 100] [--db sqlite|postgresql|both] [--duration 10] [--connections 4] [--report]
//   pnpm bench --seed-only …   (only seed and cache the datasets, e.g. ahead of a run)
import { spawn } from "node:child_process";
import { once } from "node:events";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { signToken } from "../src/auth.ts";
import { type BenchDb, ensureDataset } from "./dataset.ts";
import { type DbResult, printResults, writeReport } from "./report.ts";
import { scenarios } from "./scenarios.ts";
import { benchSecret } from "./secret.ts";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "100" },
    db: { type: "string", default: "both" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "4" },
    report: { type: "boolean", default: false },
    "seed-only": { type: "boolean", default: false },
  },
});
const scale = Number(values.scale);
const duration = Number(values.duration);
const connections = Number(values.connections);
const dbs: BenchDb[] = values.db === "both" ? ["sqlite", "postgresql"] : [values.db as BenchDb];
const token = await signToken(benchSecret, { subject: "bench", role: "PROVINCE_ADMIN" });
const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
const loadBefore = loadavg();

async function startChild(url: string) {
  const child = spawn(
    process.execPath,
    ["--expose-gc", "--import", "tsx", new URL("./server.ts", import.meta.url).pathname],
    {
      env: { ...process.env, BENCH_DATABASE_URL: url, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
  const base = `http://127.0.0.1:${JSON.parse(line).port}`;
  return { child, base };
}

async function post(url: string, body: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: "POST", headers, body });
  const json = (await res.json()) as Record<string, unknown>;
  if (json.errors) throw new Error(`${url}: ${JSON.stringify(json.errors).slice(0, 400)}`);
  return json;
}

async function load(url: string, body: string, seconds = duration) {
  // A generous timeout: on a loaded machine a province-wide aggregate can take seconds, and a
  // request cut short would silently count as no request at all.
  const r = await autocannon({ url, method: "POST", headers, body, connections, duration: seconds, timeout: 120 });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  // Nothing answered within the duration: report it as such rather than as a fast zero.
  if (!r.requests.total) console.warn(`${url}: no request completed within ${seconds} s`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

type Load = Awaited<ReturnType<typeof load>>;

/**
 * The ledger and its yardstick loaded in turns, ours–raw–memo–memo–raw–ours, half the duration
 * each, so that a shared machine's changing load weighs on all alike (one after the other, the
 * raw figure moved between 197 and 377 req/s from run to run). `memo` is the same GraphQL request
 * with every read answered from memory (memoized.ts): what the GraphQL layer alone allows.
 * Throughput and p50 are the means of the two halves, p99 the worse one.
 */
async function againstRaw(base: string, body: string): Promise<{ m: Load; raw: Load; memo: Load }> {
  const half = Math.max(1, Math.round(duration / 2));
  const ours1 = await load(`${base}/graphql`, body, half);
  const raw1 = await load(`${base}/raw/ledger`, body, half);
  const memo1 = await load(`${base}/memo/graphql`, body, half);
  const memo2 = await load(`${base}/memo/graphql`, body, half);
  const raw2 = await load(`${base}/raw/ledger`, body, half);
  const ours2 = await load(`${base}/graphql`, body, half);
  const both = (a: Load, b: Load): Load => ({
    rps: (a.rps + b.rps) / 2,
    p50: (a.p50 + b.p50) / 2,
    p99: Math.max(a.p99, b.p99),
  });
  return { m: both(ours1, ours2), raw: both(raw1, raw2), memo: both(memo1, memo2) };
}

const results: DbResult[] = [];
for (const db of dbs) {
  const url = await ensureDataset(db, scale, (line) => console.log(line));
  if (values["seed-only"]) continue;
  const { child, base } = await startChild(url);
  const stats = async (gc = false) =>
    (await (await fetch(`${base}/bench/stats${gc ? "?gc" : ""}`)).json()) as {
      statements: number;
      rss: number;
      heapAfterGc: number;
    };
  const result: DbResult = { db, scale, rows: [], rss: [], heapAfterGc: [], sameLedger: false };
  try {
    // SQL statements per request, each page size on its own (after a warm-up request).
    const statements = new Map<string, number[]>();
    for (const s of scenarios) {
      const counts: number[] = [];
      for (const size of s.sizes) {
        const body = JSON.stringify({ query: s.query, variables: s.variables(size) });
        await post(`${base}/graphql`, body);
        const before = (await stats()).statements;
        for (let i = 0; i < 2; i++) await post(`${base}/graphql`, body);
        counts.push(((await stats()).statements - before) / 2);
      }
      statements.set(s.name, counts);
    }
    const ledgerBody = JSON.stringify({ query: scenarios[0].query, variables: scenarios[0].variables(50) });
    const ours = await post(`${base}/graphql`, ledgerBody);
    const raw = await post(`${base}/raw/ledger`, ledgerBody);
    const memo = await post(`${base}/memo/graphql`, ledgerBody);
    const rawJson = JSON.stringify(raw);
    result.sameLedger = JSON.stringify(ours) === rawJson && JSON.stringify(memo) === rawJson;
    if (!result.sameLedger)
      console.warn("ledger: the GraphQL, raw SQL and memoized answers differ", { ours, raw, memo });

    for (let round = 1; round <= 2; round++) {
      for (const s of scenarios) {
        const body = JSON.stringify({ query: s.query, variables: s.variables(s.sizes[0]) });
        console.log(`${db} round ${round}: ${s.name} …`);
        const { m, raw, memo } =
          s.name === "ledger" ? await againstRaw(base, body) : { m: await load(`${base}/graphql`, body) };
        if (round === 2) result.rows.push({ name: s.label, ...m, statements: statements.get(s.name)!, raw, memo });
      }
      // RSS as the round left it, then the live heap once garbage is collected.
      result.rss.push((await stats()).rss);
      result.heapAfterGc.push((await stats(true)).heapAfterGc);
    }
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
  results.push(result);
}

if (values["seed-only"]) process.exit(0);
const context = { date: new Date().toISOString(), loadBefore, loadAfter: loadavg(), duration, connections };
printResults(results, context);
if (values.report) writeReport(results, context);
