// Browser-facing protections (issue 6): CSRF prevention, the CORS allow-list, introspection
// switched off, and masked unexpected errors.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { openDatabase } from "@renfang/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseEncoding } from "../src/use-compression.ts";
import { createApi } from "../src/yoga.ts";
import { SECRET, type TestApi, testApi, tokenFor } from "./helpers.ts";

const PORTAL = "https://rfb.jiangxi.gov.cn";
let t: TestApi;
beforeAll(async () => {
  t = await testApi({ demo: false, api: { corsOrigins: [PORTAL, "https://www.nc.gov.cn"] } });
});
afterAll(() => t?.drop());

const url = `http://yoga/graphql?query=${encodeURIComponent("{ viewer { role } }")}`;

describe("CSRF prevention", () => {
  it("refuses a simple GET (no preflight) without one of the required headers", async () => {
    for (const site of [undefined, "cross-site", "same-site"]) {
      const res = await t.api.fetch(url, { headers: site ? { "sec-fetch-site": site } : {} });
      expect(res.status).toBe(403);
      expect((await res.json()).errors[0].message).toBe("Required CSRF header(s) not present");
    }
  });

  it("refuses a form or text/plain POST, which a foreign page could send", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const res = await t.api.fetch("http://yoga/graphql", {
        method: "POST",
        headers: { "content-type": type },
        body: JSON.stringify({ query: "{ viewer { role } }" }),
      });
      expect(res.status).toBe(403);
    }
  });

  it("accepts the widgets' header, yoga's header, a bearer token, or a JSON POST", async () => {
    const ok = async (init: RequestInit, target = url) => {
      const res = await t.api.fetch(target, init);
      expect(res.status).toBe(200);
      expect((await res.json()).data.viewer.role).toMatch(/^(PUBLIC|ANALYST)$/);
    };
    await ok({ headers: { "x-graphql-client": "renfang-widgets" } });
    await ok({ headers: { "sec-fetch-site": "same-origin" } }); // the portal served at / (a browser-set header)
    await ok({ headers: { "x-graphql-yoga-csrf": "1" } });
    await ok({ headers: { authorization: `Bearer ${await tokenFor({ role: "ANALYST" })}` } });
    await ok(
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ viewer { role } }" }),
      },
      "http://yoga/graphql",
    );
  });
});

describe("CORS allow-list (CORS_ORIGINS)", () => {
  const preflight = (origin: string) =>
    t.api.fetch("http://yoga/graphql", {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "GET",
        "access-control-request-headers": "x-graphql-client, authorization",
      },
    });

  it("lets a listed portal origin call the API, with the widgets' headers", async () => {
    const res = await preflight(PORTAL);
    expect(res.headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect(res.headers.get("access-control-allow-headers")).toMatch(/x-graphql-client/);
    const get = await t.api.fetch(url, { headers: { origin: PORTAL, "x-graphql-client": "renfang-widgets" } });
    expect(get.headers.get("access-control-allow-origin")).toBe(PORTAL);
  });

  it("gives an origin that is not listed no CORS permission", async () => {
    const res = await preflight("https://evil.example.com");
    expect(res.headers.get("access-control-allow-origin")).not.toBe("https://evil.example.com");
    const get = await t.api.fetch(url, { headers: { origin: "https://evil.example.com", "x-graphql-client": "x" } });
    expect(get.headers.get("access-control-allow-origin")).not.toBe("https://evil.example.com");
  });
});

describe("introspection (INTROSPECTION=false)", () => {
  it("is on by default, for GraphiQL", async () => {
    const r = await t.gql<{ __schema: { queryType: { name: string } } }>("{ __schema { queryType { name } } }");
    expect(r.data?.__schema.queryType.name).toBe("Query");
  });

  it("when off, refuses __schema and __type and gives no field-name hints, before any SQL", async () => {
    const closed = await testApi({ demo: false, api: { introspection: false } });
    try {
      closed.queries.reset();
      const r = await closed.gql("{ __schema { types { name } } }", {}, {});
      expect(r.errors?.[0].message).toBe(
        'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
      );
      expect((await closed.gql(`{ __type(name: "Shelter") { name } }`)).errors?.[0].message).toMatch(
        /introspection has been disabled/,
      );
      const typo = await closed.gql("{ shelterz { totalCount } }");
      expect(typo.errors?.[0].message).toBe('Cannot query field "shelterz" on type "Query".');
      expect(closed.queries.count).toBe(0);
      expect((await closed.gql("{ viewer { role __typename } }")).data).toEqual({
        viewer: { role: "PUBLIC", __typename: "Viewer" },
      });
    } finally {
      await closed.drop();
    }
    const open = await t.gql("{ shelterz { totalCount } }");
    expect(open.errors?.[0].message).toMatch(/Did you mean .*"shelters".*\?$/);
  });
});

describe("masked errors", () => {
  // A database without tables makes every query fail with a message naming tables and SQL.
  const broken = () => openDatabase({ url: `file:${join(mkdtempSync(join(tmpdir(), "rf-broken-")), "empty.db")}` });
  const query = JSON.stringify({ query: "{ shelters(first: 1) { totalCount } }" });

  it("in production, an unexpected error says only 'Unexpected error.': no message, SQL or stack", async () => {
    const api = createApi({ database: broken(), tokenSecret: SECRET, rateLimit: false });
    const res = await api.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: query,
    });
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({
      message: "Unexpected error.",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(Object.keys(body.errors[0].extensions)).toEqual(["code"]);
    expect(text).not.toMatch(/no such table|prisma|main\.|SELECT|sqlite|stack|\.ts:/i);
  });

  it("in development (NODE_ENV=development), the same error carries its cause and stack", async () => {
    const api = createApi({ database: broken(), tokenSecret: SECRET, rateLimit: false, development: true });
    const res = await api.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: query,
    });
    const body = await res.json();
    expect(body.errors[0].extensions.originalError.message).toMatch(/ctx\.prisma\.shelter\.count\(\)/);
    expect(body.errors[0].extensions.originalError.stack).toBeTruthy();
  });

  it("keeps a refusal the schema means to show: FORBIDDEN with its message", async () => {
    const r = await t.gql("{ auditLog(first: 1) { totalCount } }", {}, { role: "ANALYST" });
    expect(r.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Not authorized to resolve Query\.auditLog/),
      extensions: { code: "FORBIDDEN" },
    });
  });
});

describe("response compression", () => {
  const post = (body: object, headers: Record<string, string> = {}) =>
    t.api.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const big = { query: "{ __schema { types { name description } } }" };

  it("gzips a large JSON answer for a client that accepts it, and the body reads back the same", async () => {
    const plain = await post(big);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toContain("Accept-Encoding");
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(10_000);

    const zipped = await post(big, { "accept-encoding": "br;q=1.0, gzip;q=0.8, *;q=0.1" });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    const raw = Buffer.from(await zipped.arrayBuffer());
    expect(raw.length).toBeLessThan(text.length / 3);
    expect(gunzipSync(raw).toString("utf8")).toBe(text);
  });

  it("leaves small answers and refused encodings alone", async () => {
    const small = await post({ query: "{ viewer { role } }" }, { "accept-encoding": "gzip" });
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(await small.json()).toEqual({ data: { viewer: { role: "PUBLIC" } } });
    const refused = await post(big, { "accept-encoding": "gzip;q=0, identity" });
    expect(refused.headers.get("content-encoding")).toBeNull();
  });

  it("never compresses an event stream, whose events must not wait in a compressor", async () => {
    const abort = new AbortController();
    const res = await t.api.fetch("http://yoga/graphql", {
      method: "POST",
      signal: abort.signal,
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        "accept-encoding": "gzip, deflate",
        authorization: `Bearer ${await tokenFor({ role: "PROVINCE_ADMIN" })}`,
      },
      body: JSON.stringify({ query: `subscription { hazardChanged(regionCode: "360000") { code } }` }),
    });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    // yoga marks its streams `content-encoding: none` so that proxies leave them alone too.
    expect(res.headers.get("content-encoding") ?? "none").toBe("none");
    abort.abort();
    await res.body?.cancel().catch(() => {});
  });
});

describe("chooseEncoding", () => {
  it("reads Accept-Encoding with q-values and wildcards", () => {
    expect(chooseEncoding(null)).toBeNull();
    expect(chooseEncoding("gzip, deflate, br")).toBe("gzip");
    expect(chooseEncoding("deflate")).toBe("deflate");
    expect(chooseEncoding("br")).toBeNull();
    expect(chooseEncoding("*")).toBe("gzip");
    expect(chooseEncoding("gzip;q=0, *;q=0.5")).toBe("deflate");
    expect(chooseEncoding("identity")).toBeNull();
  });
});
