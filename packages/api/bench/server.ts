// The benchmarked server, run as a child process of run.ts: the real API (createApi over
// node:http with keep-alive, as server.ts serves it) plus two bench-only routes on the same
// database and in the same process:
//   POST /raw/ledger  — the hand-written SQL ledger (raw-ledger.ts), the yardstick;
//   POST /memo/graphql — the same API over a Prisma client that answers each read from memory
//                       after its first time (memoized.ts): the GraphQL layer's cost alone;
//   GET  /bench/stats — SQL statements sent by Prisma so far, this process's RSS, and (`?gc`) the
//                       heap in use after a full garbage collection.
// Prints one JSON line {"port": n} on stdout once it listens.
import { createServer } from "node:http";
import { openDatabase } from "@renfang/schema";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { limitHeapGrowth } from "../src/heap.ts";
import { createApi } from "../src/yoga.ts";
import { today } from "./dataset.ts";
import { memoized } from "./memoized.ts";
import { pgSource, rawLedgerHandler, sqliteSource } from "./raw-ledger.ts";
import { benchSecret } from "./secret.ts";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("BENCH_DATABASE_URL is required");

// As `renfang serve` runs (server.ts).
limitHeapGrowth();
let statements = 0;
const database = openDatabase({ url, onQuery: () => statements++ });
const api = createApi({ database, tokenSecret: benchSecret, now: () => today, rateLimit: false });
const memoApi = createApi({
  database: { ...database, prisma: memoized(database.prisma) },
  tokenSecret: benchSecret,
  now: () => today,
  rateLimit: false,
});

// The yardstick gets its own connection of the same kind Prisma's adapter uses.
const sqlite = url.startsWith("file:");
const source = sqlite
  ? sqliteSource(new Sqlite(url.slice(5), { readonly: true }))
  : pgSource(new pg.Pool({ connectionString: url, max: 10 }));
const regionRows = await source.all(sqlite ? "SELECT code, name FROM Region" : 'SELECT code, name FROM "Region"', []);
const regionNames = new Map(regionRows.map((r) => [r.code as string, r.name as string]));
const rawLedger = rawLedgerHandler(source, regionNames, today);

const server = createServer((req, res) => {
  if (req.url === "/raw/ledger") {
    rawLedger(req, res).catch((err) => res.writeHead(500).end(String(err)));
    return;
  }
  if (req.url === "/memo/graphql") {
    req.url = "/graphql";
    memoApi(req, res);
    return;
  }
  if (req.url?.startsWith("/bench/stats")) {
    // `?gc`: a full collection first (the child runs with --expose-gc), for the live heap.
    const rss = process.memoryUsage().rss;
    if (req.url.endsWith("?gc")) (globalThis as { gc?: () => void }).gc?.();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ statements, rss, heapAfterGc: process.memoryUsage().heapUsed }));
    return;
  }
  api(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 }));
});
process.on("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  void database.close().then(() => process.exit(0));
});
