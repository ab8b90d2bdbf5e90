// A database that cannot be reached gives clients one typed error — DATABASE_UNAVAILABLE, HTTP
// 503, no driver detail — on every path that touches it: queries, mutations, API-key tokens and
// /readyz. (pg-faults.test.ts stops a real server under load; this needs no PostgreSQL binaries.)
import { type Database, openDatabase } from "@renfang/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../src/use-database-errors.ts";
import { type Api, createApi } from "../src/yoga.ts";
import { SECRET, tokenFor } from "./helpers.ts";
import { freePort } from "./pg-cluster.ts";

let database: Database;
let api: Api;
beforeAll(async () => {
  // Nothing listens on a port just found free: connections are refused.
  database = openDatabase({ url: `postgresql://postgres@127.0.0.1:${await freePort()}/renfang` });
  api = createApi({ database, tokenSecret: SECRET });
});
afterAll(() => database?.close());

async function post(body: unknown, token: string) {
  const res = await api.fetch("http://yoga/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), text: await res.text() };
}

function expectUnavailable(r: { status: number; retryAfter: string | null; text: string }) {
  expect(r.status).toBe(503);
  expect(r.retryAfter).toBe("5");
  const body = JSON.parse(r.text) as { errors: { message: string; extensions: { code: string } }[] };
  expect(body.errors.map((e) => e.extensions.code)).toContain("DATABASE_UNAVAILABLE");
  expect(body.errors[0].message).toBe("The database is unavailable; try again shortly (数据库暂不可用).");
  expect(r.text).not.toMatch(/stack|Invalid `|prisma|127\.0\.0\.1|ECONNREFUSED|node_modules/i);
}

describe("a database that cannot be reached", () => {
  it("answers a query with DATABASE_UNAVAILABLE and 503", async () => {
    const token = await tokenFor({ role: "CITY_OFFICER", regionCode: "360100" });
    expectUnavailable(await post({ query: "{ shelters(first: 5) { totalCount } }" }, token));
  });

  it("answers a mutation the same way (not as a typed domain error, not as a 500)", async () => {
    const token = await tokenFor({ role: "PROVINCE_ADMIN", regionCode: "360000" });
    const input = {
      name: "测试工程",
      regionCode: "360102",
      address: "八一大道1号",
      constructionType: "STANDALONE",
      protectionClass: "核6",
      wartimeFunction: "PERSONNEL_SHELTER",
      area: 100,
      wartimeCapacity: 50,
      peacetimeUse: "PARKING",
    };
    const query = `mutation ($input: CreateShelterInput!) { createShelter(input: $input) { __typename } }`;
    expectUnavailable(await post({ query, variables: { input } }, token));
  });

  it("answers an API-key request (looked up while building the context) the same way", async () => {
    expectUnavailable(await post({ query: "{ viewer { role } }" }, `rfk_abcdefgh_${"x".repeat(32)}`));
  });

  it("reports not ready on /readyz while /healthz still answers", async () => {
    const ready = await api.fetch("http://yoga/readyz");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "unavailable", database: "postgresql" });
    expect((await api.fetch("http://yoga/healthz")).status).toBe(200);
  });

  it("still serves what needs no database", async () => {
    const r = await post({ query: "{ viewer { role } }" }, await tokenFor({ role: "ANALYST" }));
    expect(JSON.parse(r.text)).toEqual({ data: { viewer: { role: "ANALYST" } } });
  });
});

describe("isDatabaseUnavailable", () => {
  it.each([
    ["Prisma P1001", { code: "P1001", meta: {} }],
    ["Prisma pool timeout P2024", { code: "P2024" }],
    ["adapter: server shut down (57P01)", { name: "DriverAdapterError", cause: { kind: "postgres", code: "57P01" } }],
    ["adapter: not reachable", { cause: { kind: "DatabaseNotReachable", host: "db", port: 5432 } }],
    ["pg: connection terminated", new Error("Connection terminated unexpectedly")],
    ["pg: connect timeout", new Error("timeout exceeded when trying to connect")],
    [
      "no connection within a transaction's maxWait (P2028)",
      { code: "P2028", message: "Transaction API error: Unable to start a transaction in the given time." },
    ],
    [
      "wrapped",
      { message: "x", originalError: { meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } } },
    ],
  ])("knows %s", (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ["a unique violation", { code: "P2002" }],
    ["a transaction that ran past its timeout (P2028)", { code: "P2028", message: "Transaction already closed" }],
    ["a syntax error", { cause: { kind: "postgres", code: "42601" } }],
    ["a bug", new TypeError("cannot read properties of undefined")],
    ["nothing", undefined],
  ])("leaves %s alone", (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
