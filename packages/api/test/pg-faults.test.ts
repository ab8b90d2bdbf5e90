// PostgreSQL stopped and restarted in the middle of a load (issue 10): while it is down every
// request fails fast with DATABASE_UNAVAILABLE (HTTP 503, no stack trace), /readyz says 503, and
// once it is back the same server process serves again. Runs its own PostgreSQL instance.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pgPoolOptions } from "@renfang/schema/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { type RunningServer, startServer } from "../src/server.ts";
import { SECRET, tokenFor } from "./helpers.ts";
import { findPgBin, type PgCluster, startCluster } from "./pg-cluster.ts";

const pg = findPgBin();
const missing = "missing" in pg ? pg.missing : null;
if (missing) console.warn(`pg-faults.test.ts skipped: ${missing}`);

const WORKERS = 6;
const list = `{ shelters(first: 5) { totalCount edges { node { code region { name } } } } }`;
const create = `mutation ($input: CreateShelterInput!) { createShelter(input: $input) {
  __typename ... on ShelterPayload { shelter { code } } ... on Error { code message } } }`;

interface Outcome {
  status: number;
  body: string;
  ms: number;
  started: number;
  code?: string;
}

describe.skipIf(missing)("PostgreSQL stopped and restarted under load", () => {
  let cluster: PgCluster;
  let server: RunningServer;
  let tokens: string[];
  const created: string[] = [];

  beforeAll(async () => {
    cluster = await startCluster((pg as { bin: string }).bin);
    const env = {
      DATA_DIR: mkdtempSync(join(tmpdir(), "rf-pgfault-")),
      DATABASE_URL: cluster.url,
      TOKEN_SECRET: SECRET,
    };
    const config = { ...loadConfig({ ...env, SEED_DEMO: "false", PORT: "0" }), host: "127.0.0.1" };
    server = await startServer(config, createLogger("silent"));
    await server.database.prisma.region.createMany({
      data: [
        { code: "360000", name: "江西省", level: "PROVINCE", provinceCode: "360000" },
        {
          code: "360100",
          name: "南昌市",
          level: "CITY",
          parentCode: "360000",
          cityCode: "360100",
          provinceCode: "360000",
        },
        {
          code: "360102",
          name: "东湖区",
          level: "COUNTY",
          parentCode: "360100",
          cityCode: "360100",
          provinceCode: "360000",
        },
      ],
    });
    // One token per worker: each has its own rate-limit bucket.
    tokens = await Promise.all(
      Array.from({ length: WORKERS }, (_, i) =>
        tokenFor({ role: "PROVINCE_ADMIN", regionCode: "360000", subject: `P-load-${i}` }),
      ),
    );
  });
  afterAll(async () => {
    // Stopping must not hold the suite: bound it, then remove the cluster whatever happened.
    await Promise.race([server?.stop(), new Promise((resolve) => setTimeout(resolve, 20_000).unref())]);
    await cluster?.destroy();
  }, 90_000);

  /** One request of the load: even ones read a page, odd ones register a work. */
  async function request(worker: number, n: number): Promise<Outcome> {
    const mutation = n % 2 === 1;
    const input = {
      name: `负载工程${worker}-${n}`,
      regionCode: "360102",
      address: "南昌市东湖区八一大道1号",
      constructionType: "STANDALONE",
      protectionClass: "核6",
      wartimeFunction: "PERSONNEL_SHELTER",
      area: 1200,
      wartimeCapacity: 800,
      peacetimeUse: "PARKING",
    };
    const started = Date.now();
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens[worker]}` },
      body: JSON.stringify(mutation ? { query: create, variables: { input } } : { query: list }),
    });
    const body = await res.text();
    const json = JSON.parse(body) as {
      data?: { createShelter?: { shelter?: { code: string } } };
      errors?: { extensions?: { code?: string } }[];
    };
    const code = json.errors?.[0]?.extensions?.code;
    if (!code && json.data?.createShelter?.shelter) created.push(json.data.createShelter.shelter.code);
    return { status: res.status, body, ms: Date.now() - started, started, code };
  }

  /**
   * WORKERS clients, each sending a request every `pauseMs` until `done(worker, last)` (at most
   * `max` each): a bounded load, paced under the rate limit.
   */
  async function load(done: (last: Outcome) => boolean, max: number, pauseMs = 0): Promise<Outcome[]> {
    const all: Outcome[] = [];
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, w) => {
        for (let n = 0; n < max; n++) {
          const last = await request(w, n);
          all.push(last);
          if (done(last)) break;
          await new Promise((r) => setTimeout(r, pauseMs));
        }
      }),
    );
    return all;
  }

  const readyz = async () => (await fetch(`${server.url}/readyz`)).status;

  it("fails fast and clearly while PostgreSQL is down, and serves again once it is back", async () => {
    const up = await load(() => false, 3);
    expect(up.map((o) => [o.status, o.code])).toEqual(up.map(() => [200, undefined]));

    // Stop PostgreSQL while the load runs; each client stops once it was served after the restart.
    let downFrom = Number.POSITIVE_INFINITY;
    let downUntil = Number.POSITIVE_INFINITY;
    let backFrom = Number.POSITIVE_INFINITY;
    const running = load((last) => last.started >= backFrom && last.status === 200, 150, 100);
    const control = (async () => {
      await new Promise((r) => setTimeout(r, 300));
      await cluster.stop();
      downFrom = Date.now();
      await new Promise((r) => setTimeout(r, 1500));
      expect(await readyz()).toBe(503);
      downUntil = Date.now();
      await cluster.start();
      backFrom = Date.now();
    })();
    const [outcomes] = await Promise.all([running, control]);

    // Never a 500, never a driver message or stack trace: a success or the one typed error.
    for (const o of outcomes) {
      expect([200, 503]).toContain(o.status);
      expect(o.body).not.toMatch(/stack|Invalid `|prisma|\/work\/|node_modules|ECONNREFUSED/i);
      if (o.status === 503) {
        expect(o.code).toBe("DATABASE_UNAVAILABLE");
        expect(JSON.parse(o.body).errors[0].message).toMatch(/database is unavailable/);
      }
    }
    // Requests sent while it was down all failed, each well under the pool's connect timeout.
    const whileDown = outcomes.filter((o) => o.started >= downFrom && o.started + o.ms <= downUntil);
    expect(whileDown.length).toBeGreaterThanOrEqual(WORKERS);
    for (const o of whileDown) {
      expect(o.code).toBe("DATABASE_UNAVAILABLE");
      expect(o.ms).toBeLessThan(pgPoolOptions.connectionTimeoutMillis);
    }
    const slowest = Math.max(...whileDown.map((o) => o.ms));
    console.info(
      `pg-faults: ${outcomes.length} requests under load, ${whileDown.length} while down (slowest ${slowest} ms)`,
    );

    // Back without a restart of the API.
    expect(await readyz()).toBe(200);
    const again = await load(() => false, 2);
    expect(again.map((o) => [o.status, o.code])).toEqual(again.map(() => [200, undefined]));
  });

  it("lost nothing acknowledged and half-wrote nothing", async () => {
    const prisma = server.database.prisma;
    const stored = await prisma.shelter.findMany({ select: { id: true, code: true } });
    const codes = new Set(stored.map((s) => s.code));
    expect(created.length).toBeGreaterThan(WORKERS);
    for (const code of created) expect(codes.has(code)).toBe(true);
    // Each work was written with its audit row in one transaction: both or neither.
    const audited = await prisma.auditLog.count({ where: { operation: "createShelter" } });
    expect(audited).toBe(stored.length);
  });
});
