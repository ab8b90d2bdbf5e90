// The one place that creates a Prisma client. DATABASE_URL picks the database: `file:` (or a
// path) is the embedded SQLite file, `postgresql://` a PostgreSQL server. The two generated
// clients have identical model types; the PostgreSQL one is cast to the SQLite type here,
// at the only seam between them (STACK.md).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client.js";
import { type Prisma, PrismaClient } from "./generated/sqlite/client.js";

export type Db = PrismaClient;
/** A Prisma transaction client (inside `db.$transaction(async (tx) => …)`). */
export type Tx = Prisma.TransactionClient;
export type Provider = "sqlite" | "postgresql";

export interface DatabaseOptions {
  /** `file:/abs/path.db` or `postgresql://…`. */
  url: string;
  /** Called with each SQL statement Prisma sends and its parameters (query counting, plans). */
  onQuery?: (sql: string, params: unknown[]) => void;
  /** PostgreSQL pool size. @default 10 */
  poolSize?: number;
}

export interface Database {
  prisma: Db;
  provider: Provider;
  url: string;
  close(): Promise<void>;
}

export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${redact(url)}"`);
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/**
 * PostgreSQL pool tuning for faults (issue 10). A stopped server refuses connections at once, so
 * requests fail in milliseconds; the connect timeout bounds an unreachable host, and also how long
 * a request waits for a free connection while all are busy: with 50 clients stepping the same
 * hazards (concurrency.test.ts), transactions hold connections behind each other's row locks and
 * requests took up to ~4 s on a loaded machine; the database is busy then, not unavailable. Idle
 * connections are recycled so a restarted server is reconnected to without stale sockets, and
 * TCP keepalive finds connections a dead network path has silently dropped.
 */
export const pgPoolOptions = {
  connectionTimeoutMillis: 10_000,
  idleTimeoutMillis: 30_000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
} as const;

/** How long a writer waits for SQLite's write lock before SQLITE_BUSY (DATABASE_UNAVAILABLE). */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * How long an interactive transaction may wait to start. Prisma's default (2 s) is shorter than the
 * PostgreSQL pool's own wait, so under a burst of writes transactions gave up first, as P2028 (a
 * 500), and with driver adapters a connection that comes after maxWait can go back to the pool
 * inside its BEGIN (prisma/orm#29719). A little longer than the pool lets the pool decide; SQLite
 * transactions queue on the adapter's lock about as long as a writer waits for the file's lock.
 * Either refusal is DATABASE_UNAVAILABLE (use-database-errors.ts).
 */
const transactionMaxWait = {
  sqlite: SQLITE_BUSY_TIMEOUT_MS + 1000,
  postgresql: pgPoolOptions.connectionTimeoutMillis + 1000,
};

export function openDatabase(options: DatabaseOptions): Database {
  const provider = providerOf(options.url);
  const log = options.onQuery ? [{ emit: "event" as const, level: "query" as const }] : [];
  let prisma: Db;
  if (provider === "sqlite") {
    // WAL + busy timeout: readers never block the writer, and concurrent writers wait
    // instead of failing with SQLITE_BUSY.
    const adapter = new PrismaBetterSQLite3({ url: options.url, timeout: SQLITE_BUSY_TIMEOUT_MS });
    prisma = new PrismaClient({ adapter, log, transactionOptions: { maxWait: transactionMaxWait.sqlite } });
  } else {
    const adapter = new PrismaPg({ connectionString: options.url, max: options.poolSize ?? 10, ...pgPoolOptions });
    const transactionOptions = { maxWait: transactionMaxWait.postgresql };
    prisma = new PostgresClient({ adapter, log, transactionOptions }) as unknown as Db;
  }
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (prisma as unknown as { $on(e: "query", cb: (ev: { query: string; params: string }) => void): void }).$on(
      "query",
      (ev) => onQuery(ev.query, JSON.parse(ev.params || "[]")),
    );
  }
  return { prisma, provider, url: options.url, close: () => prisma.$disconnect() };
}
