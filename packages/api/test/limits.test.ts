// Abuse limits (issue 6): a too-deep, too-costly or too-long operation, a page over the limit,
// an oversized body and a burst over the rate limit are refused with a clear error before any
// SQL runs — not even the API-key lookup that would build the request's context.

import { schema } from "@renfang/schema";
import { getOperationAST, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newApiKey } from "../src/auth.ts";
import { ConfigError, loadConfig } from "../src/config.ts";
import { operationCost } from "../src/operation-cost.ts";
import { type TestApi, testApi, tokenFor } from "./helpers.ts";

let t: TestApi;
let apiKey: string;
beforeAll(async () => {
  t = await testApi({ demo: false, api: { maxBodyBytes: 100_000 } });
  const key = newApiKey();
  await t.database.prisma.apiKey.create({
    data: { name: "limits-test", prefix: key.prefix, hash: key.hash, role: "ANALYST" },
  });
  apiKey = key.key;
});
afterAll(() => t?.drop());

type Err = { message: string; extensions?: Record<string, unknown> };

/** Runs an operation with the API key and says what it cost in SQL. */
async function refused(query: string, variables: Record<string, unknown> = {}) {
  t.queries.reset();
  const r = await t.gql(query, variables, apiKey);
  return { ...r, sql: t.queries.count, error: r.errors?.[0] as Err };
}

describe("per-operation limits, checked before execution", () => {
  it("accepts an ordinary page and runs it", async () => {
    const r = await refused(`{ shelters(first: 100) { totalCount edges { node { code name builder { name } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.sql).toBeGreaterThan(0); // the API-key lookup and the page itself
  });

  it("refuses a query nested deeper than 12 levels", async () => {
    const parents = "parent { ".repeat(10) + "code" + " }".repeat(10);
    const r = await refused(`{ shelters(first: 1) { edges { node { builder { ${parents} } } } } }`);
    // The walk stops at the first level past the limit: the depth it names is a lower bound.
    expect(r.error.message).toBe("the operation is nested at least 13 levels deep; at most 12 are allowed");
    expect(r.error.extensions).toMatchObject({ code: "QUERY_TOO_DEEP", max: 12, actual: 13 });
    expect(r.data).toBeUndefined();
    expect(r.sql).toBe(0);
  });

  it("refuses a query that costs more than the budget: aliases of full pages with nested lists", async () => {
    const page = `shelters(first: 100) { edges { node { builder { people { name phone } } } } }`;
    const aliases = Array.from({ length: 10 }, (_, i) => `p${i}: ${page}`).join("\n");
    const r = await refused(`{ ${aliases} }`);
    expect(r.error.message).toMatch(
      /^the operation costs (at least )?\d+; at most 20000 is allowed: ask for smaller pages or fewer nested lists$/,
    );
    expect(r.error.extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", max: 20000 });
    expect(r.error.extensions?.actual as number).toBeGreaterThan(20000);
    expect(r.sql).toBe(0);
  });

  it("counts a connection's cost by the page asked for, also through variables", async () => {
    const q = `query ($n: Int) { a: shelters(first: $n) { edges { node { builder { people { name phone } } } } }
      b: shelters(first: $n) { edges { node { builder { people { name phone } } } } } }`;
    expect((await refused(q, { n: 10 })).errors).toBeUndefined();
    const big = await refused(q, { n: 100 }); // 2 × 100 × 25 ≈ 5000: still fine
    expect(big.errors).toBeUndefined();
    const tenfold = await refused(
      `${q.replace("query ($n: Int) {", "query ($n: Int) { c: shelters(first: 100) { totalCount }")}`,
      { n: 100 },
    );
    expect(tenfold.errors).toBeUndefined();
  });

  it("refuses a page over MAX_PAGE_SIZE, naming the field and the argument, literal or variable", async () => {
    const literal = await refused(`{ shelters(first: 500) { totalCount } }`);
    expect(literal.error.message).toBe(
      "shelters(first: 500) asks for more than 100 items; a page holds at most 100 (MAX_PAGE_SIZE): page on with after/before",
    );
    expect(literal.error.extensions).toMatchObject({
      code: "PAGE_SIZE_EXCEEDED",
      argument: "first",
      max: 100,
      actual: 500,
    });
    expect(literal.sql).toBe(0);

    const variable = await refused(`query ($n: Int) { organizations(last: $n) { totalCount } }`, { n: 101 });
    expect(variable.error.message).toMatch(/^organizations\(last: 101\) asks for more than 100 items/);
    expect(variable.sql).toBe(0);

    expect((await refused(`{ shelters(first: 100) { totalCount } }`)).errors).toBeUndefined();
  });

  it("follows MAX_PAGE_SIZE from the settings", async () => {
    const small = await testApi({ demo: false, api: { settings: { maxPageSize: 10 } } });
    try {
      const r = await small.gql(`{ shelters(first: 11) { totalCount } }`);
      expect(r.errors?.[0].message).toMatch(/^shelters\(first: 11\) asks for more than 10 items/);
    } finally {
      await small.drop();
    }
  });

  it("refuses a query document longer than 30,000 characters", async () => {
    const r = await refused(`{ viewer { role } }${" ".repeat(30_000)}`);
    expect(r.status).toBe(413);
    expect(r.error.message).toBe("the query document has 30019 characters; at most 30000 are accepted");
    expect(r.sql).toBe(0);
  });
});

describe("the cost model", () => {
  const cost = (query: string, variables: Record<string, unknown> = {}) => {
    const doc = parse(query);
    return operationCost(schema, doc, getOperationAST(doc)!, variables);
  };

  it("charges a connection its page size times its selection, and other lists 10 times", () => {
    // shelters 1 + 10 × (edges 1 + node 1 + code 1)
    expect(cost("{ shelters(first: 10) { edges { node { code } } } }")).toEqual({
      complexity: 31,
      depth: 4,
      breadth: 4,
      exceeded: null,
    });
    expect(cost("query ($n: Int) { shelters(last: $n) { totalCount } }", { n: 50 }).complexity).toBe(51);
    // no first/last: Pothos' default page of 20
    expect(cost("{ organizations { edges { node { code } } } }").complexity).toBe(61);
    // people is a plain list: organization 1 + 10 × (name 1)
    expect(cost("{ shelters(first: 1) { edges { node { builder { people { name } } } } } }").complexity).toBe(
      1 + 1 * (1 + 1 + (1 + (1 + 10))),
    );
  });

  it("counts fragments where they are spread, and introspection by its shape only", () => {
    const spread = cost(
      "query { shelters(first: 5) { ...page } } fragment page on ShelterConnection { edges { node { code name } } }",
    );
    expect(spread.complexity).toBe(1 + 5 * 4);
    expect(cost("{ __schema { types { name fields { name } } } }")).toEqual({
      complexity: 1,
      depth: 1,
      breadth: 1,
      exceeded: null,
    });
  });
});

describe("configuration of the limits", () => {
  it("has defaults, and reads every variable", () => {
    expect(loadConfig({ DATA_DIR: "/tmp/rf-x" }).security).toEqual({
      limits: { maxDepth: 12, maxCost: 20000, maxBreadth: 200 },
      rateLimit: { perMinute: 600, burst: 100 },
      maxBodyBytes: 10_000_000,
      introspection: true,
      csrfPrevention: true,
      trustedDocumentsOnlyForPublic: false,
      trustedProxyHops: 0,
    });
    const c = loadConfig({
      DATA_DIR: "/tmp/rf-x",
      MAX_DEPTH: "8",
      MAX_COST: "5000",
      MAX_BREADTH: "80",
      MAX_BODY_BYTES: "2000000",
      RATE_LIMIT_PER_MINUTE: "0",
      INTROSPECTION: "false",
      CSRF_PREVENTION: "false",
      TRUSTED_DOCUMENTS_ONLY_FOR_PUBLIC: "true",
      TRUST_PROXY_HOPS: "1",
    });
    expect(c.security).toEqual({
      limits: { maxDepth: 8, maxCost: 5000, maxBreadth: 80 },
      rateLimit: false,
      maxBodyBytes: 2_000_000,
      introspection: false,
      csrfPrevention: false,
      trustedDocumentsOnlyForPublic: true,
      trustedProxyHops: 1,
    });
  });

  it.each([
    [{ MAX_COST: "lots" }, /^MAX_COST: /],
    [{ RATE_LIMIT_PER_MINUTE: "-1" }, /^RATE_LIMIT_PER_MINUTE: must be 0 \(off\) or more/],
    [{ INTROSPECTION: "no" }, /^INTROSPECTION: /],
  ])("refuses %o with a message naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe("request body size", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    t.api.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });

  it("answers 413 to a body over the limit, by its Content-Length, without running anything", async () => {
    const body = JSON.stringify({ query: "{ viewer { role } }", variables: { pad: "x".repeat(200_000) } });
    t.queries.reset();
    const res = await post(body, { "content-length": String(body.length), authorization: `Bearer ${apiKey}` });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0]).toMatchObject({
      message: "Request body too large",
      extensions: { code: "REQUEST_ENTITY_TOO_LARGE" },
    });
    expect(t.queries.count).toBe(0);
  });

  it("also when the body is streamed without a length", async () => {
    const chunk = new TextEncoder().encode(
      JSON.stringify({ query: "{ viewer { role } }", variables: { pad: "y".repeat(200_000) } }),
    );
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(chunk);
        c.close();
      },
    });
    const res = await t.api.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
  });
});

describe("rate limiting per token or address", () => {
  it("answers 429 with Retry-After once a token's burst is spent, and other tokens go on", async () => {
    // One load balancer in front: the last X-Forwarded-For entry is the address it saw.
    const limited = await testApi({ demo: false, api: { rateLimit: { perMinute: 6, burst: 3 }, trustedProxyHops: 1 } });
    try {
      const token = await tokenFor({ role: "ANALYST", subject: "P-burst" });
      const send = (auth: string | null, ip = "10.1.1.1") =>
        limited.api.fetch("http://yoga/graphql", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-forwarded-for": ip,
            ...(auth ? { authorization: `Bearer ${auth}` } : {}),
          },
          body: JSON.stringify({ query: "{ viewer { role } }" }),
        });
      for (let i = 0; i < 3; i++) expect((await send(token)).status).toBe(200);
      limited.queries.reset();
      const res = await send(token);
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("10");
      const body = await res.json();
      expect(body.errors[0].message).toBe(
        "too many requests: at most 6 per minute (bursts of 3) per token or address; retry in 10 s",
      );
      expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
      expect(limited.queries.count).toBe(0);

      expect((await send(await tokenFor({ role: "ANALYST", subject: "P-other" }))).status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await send(null, "10.2.2.2")).status).toBe(200);
      expect((await send(null, "10.2.2.2")).status).toBe(429);
      expect((await send(null, "10.3.3.3")).status).toBe(200);
      // A forged entry in front of the balancer's own changes nothing.
      expect((await send(null, "198.51.100.7, 10.2.2.2")).status).toBe(429);
      expect((await limited.api.fetch("http://yoga/healthz")).status).toBe(200);
    } finally {
      await limited.drop();
    }
  });

  it("ignores X-Forwarded-For when no proxy is trusted (TRUST_PROXY_HOPS=0): forged addresses share one bucket", async () => {
    const direct = await testApi({ demo: false, api: { rateLimit: { perMinute: 6, burst: 2 } } });
    try {
      const send = (ip: string) =>
        direct.api.fetch("http://yoga/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": ip },
          body: JSON.stringify({ query: "{ viewer { role } }" }),
        });
      expect((await send("10.9.0.1")).status).toBe(200);
      expect((await send("10.9.0.2")).status).toBe(200);
      expect((await send("10.9.0.3")).status).toBe(429);
    } finally {
      await direct.drop();
    }
  });
});
