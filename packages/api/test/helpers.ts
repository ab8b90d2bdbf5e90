// A real API over a real database for each test file: SQLite in a temp file by default, or a
// fresh PostgreSQL database when TEST_DATABASE_URL=postgresql://… (created, then dropped).
// Requests go through api.fetch (no port). `queries` counts the SQL statements Prisma sends.
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, migrate, openDatabase } from "@renfang/schema";
import { seedDemo } from "@renfang/schema/seed";
import pg from "pg";
import { signToken, type TokenClaims } from "../src/auth.ts";
import { type ApiOptions, createApi } from "../src/yoga.ts";
import { TODAY } from "./today.ts";

export { TODAY } from "./today.ts";
export const SECRET = "test-secret-test-secret-test-secret-000";

export interface TestDb {
  url: string;
  database: Database;
  queries: { count: number; log: string[]; reset(): void };
  drop(): Promise<void>;
}

export async function testDatabase(options: { demo?: boolean } = {}): Promise<TestDb> {
  const base = process.env.TEST_DATABASE_URL;
  // The demo data is seeded once per run (global-setup.ts); each file copies that template.
  const template = (options.demo ?? true) ? process.env.RENFANG_TEST_TEMPLATE : undefined;
  let url: string;
  let cleanup: () => Promise<void>;
  if (base?.startsWith("postgres")) {
    const name = `rf_test_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await createDatabase(admin, name, template ? new URL(template).pathname.slice(1) : null);
    await admin.end();
    url = base.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
    cleanup = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), "renfang-test-"));
    url = `file:${join(dir, "test.db")}`;
    if (template) copySqlite(template.slice("file:".length), url.slice("file:".length));
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  await migrate(url);
  const queries = {
    count: 0,
    log: [] as string[],
    reset() {
      this.count = 0;
      this.log = [];
    },
  };
  const database = openDatabase({
    url,
    onQuery: (sql) => {
      queries.count++;
      queries.log.push(sql);
    },
  });
  if ((options.demo ?? true) && !template) await seedDemo(database.prisma, { today: TODAY, url, log: () => {} });
  queries.reset();
  return {
    url,
    database,
    queries,
    drop: async () => {
      await database.close();
      await cleanup();
    },
  };
}

/** CREATE DATABASE, from a template when given (retried while another copy of it is being made). */
async function createDatabase(admin: pg.Client, name: string, template: string | null): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
      return;
    } catch (err) {
      if (attempt >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, 250 + Math.random() * 500));
    }
  }
}

function copySqlite(from: string, to: string): void {
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
}

export interface TestApi extends TestDb {
  api: ReturnType<typeof createApi>;
  /** Runs a GraphQL operation; `token` claims or a raw token string; returns the parsed body. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: Partial<TokenClaims> | string | null,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[]; status: number }>;
}

export async function testApi(options: { demo?: boolean; api?: Partial<ApiOptions> } = {}): Promise<TestApi> {
  const db = await testDatabase(options);
  // Rate limiting is off unless a test turns it on: a suite's requests would otherwise share buckets.
  const api = createApi({
    database: db.database,
    tokenSecret: SECRET,
    now: () => TODAY,
    rateLimit: false,
    ...options.api,
  });
  const gql: TestApi["gql"] = async (query, variables, token) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${typeof token === "string" ? token : await tokenFor(token)}`;
    const res = await api.fetch("http://yoga/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return { ...(await res.json()), status: res.status };
  };
  return { ...db, api, gql };
}

export function tokenFor(claims: Partial<TokenClaims>): Promise<string> {
  return signToken(SECRET, { subject: "P-test", role: "PROVINCE_ADMIN", ...claims } as TokenClaims);
}

/**
 * A mutation's result, or — when a reader role is refused before the mutation runs — the
 * top-level FORBIDDEN error in the same shape as the union's ForbiddenError.
 */
export function resultOrRefusal<T>(
  r: { data?: Record<string, T> | null; errors?: { extensions?: Record<string, unknown> }[] },
  field: string,
) {
  const value = r.data?.[field];
  if (value) return value;
  const code = r.errors?.[0]?.extensions?.code;
  return { __typename: code === "FORBIDDEN" ? "ForbiddenError" : String(code), errors: r.errors } as unknown as T;
}
