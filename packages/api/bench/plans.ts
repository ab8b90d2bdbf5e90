// `pnpm bench:plans [--scale 100] [--db sqlite|postgresql|both]`: the query plans of the statements
// the benchmarked operations send, as Prisma sends them, on the cached bench datasets (seeded
// first when missing, as `pnpm bench` does). Prints Markdown for docs/performance.md.
import { parseArgs } from "node:util";
import { openDatabase } from "@renfang/schema";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { signToken } from "../src/auth.ts";
import { createApi } from "../src/yoga.ts";
import { type BenchDb, ensureDataset, today } from "./dataset.ts";
import { scenarios } from "./scenarios.ts";
import { benchSecret } from "./secret.ts";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "100" }, db: { type: "string", default: "both" } },
});
const dbs: BenchDb[] = values.db === "both" ? ["sqlite", "postgresql"] : [values.db as BenchDb];

/** The statements each scenario sends (after a warm-up request, so per-process caches are full). */
async function statements(url: string): Promise<Map<string, { sql: string; params: unknown[] }[]>> {
  let sent: { sql: string; params: unknown[] }[] = [];
  const database = openDatabase({ url, onQuery: (sql, params) => sent.push({ sql, params }) });
  const api = createApi({ database, tokenSecret: benchSecret, now: () => today, rateLimit: false });
  const token = await signToken(benchSecret, { subject: "bench", role: "PROVINCE_ADMIN" });
  const byScenario = new Map<string, { sql: string; params: unknown[] }[]>();
  try {
    for (const s of scenarios) {
      const body = JSON.stringify({ query: s.query, variables: s.variables(s.sizes[0]) });
      const send = () =>
        api.fetch("http://bench/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body,
        });
      // Prisma reports a statement a little after it ran: let the reports of a request arrive.
      const settled = () => new Promise((resolve) => setTimeout(resolve, 200));
      await (await send()).text();
      await settled();
      sent = [];
      await (await send()).text();
      await settled();
      byScenario.set(s.label, [...sent]);
    }
  } finally {
    await database.close();
  }
  return byScenario;
}

/** A parameter as an SQL literal (PostgreSQL's EXPLAIN EXECUTE takes values, not placeholders). */
const literal = (v: unknown) => (typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

async function explain(db: BenchDb, url: string, sql: string, params: unknown[]): Promise<string> {
  if (db === "sqlite") {
    const file = new Sqlite(url.slice("file:".length), { readonly: true });
    try {
      const rows = file.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(params as never[])) as { detail: string }[];
      return rows.map((r) => r.detail).join("\n");
    } finally {
      file.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`PREPARE plan_me AS ${sql}`);
    const args = params.length ? `(${params.map(literal).join(", ")})` : "";
    const { rows } = await client.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) EXECUTE plan_me${args}`);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  } finally {
    await client.end();
  }
}

for (const db of dbs) {
  const url = await ensureDataset(db, Number(values.scale), (line) => console.error(line));
  console.log(`### ${db}, scale ${values.scale}\n`);
  for (const [label, sent] of await statements(url)) {
    console.log(`#### ${label}\n`);
    for (const { sql, params } of sent) {
      console.log("```sql");
      console.log(sql.length > 600 ? `${sql.slice(0, 600)} …` : sql);
      console.log("```\n```");
      console.log(await explain(db, url, sql, params));
      console.log("```\n");
    }
  }
}
