// Trusted documents (issue 6): the committed manifest is what the widgets send today, and with
// TRUSTED_DOCUMENTS_ONLY_FOR_PUBLIC a PUBLIC token runs only those operations while staff keep
// ad-hoc queries.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildManifest, captureWidgetRequests } from "../scripts/persist-widget-operations.ts";
import { sha256 } from "../src/use-trusted-documents.ts";
import { type TestApi, testApi, tokenFor } from "./helpers.ts";

const committed = JSON.parse(readFileSync(new URL("../src/trusted-documents.json", import.meta.url), "utf8")) as Record<
  string,
  string
>;

describe("the widgets' manifest", () => {
  it("is up to date (else: pnpm --filter @renfang/api persist-widget-operations)", async () => {
    expect(await buildManifest()).toEqual(committed);
  });

  it("covers every widget operation, keyed by the sha256 of the text the widgets send", async () => {
    const sent = await captureWidgetRequests();
    expect(sent.length).toBeGreaterThanOrEqual(8);
    for (const r of sent) expect(committed[sha256(r.query)]).toBe(r.query);
    expect(sent.map((r) => r.source)).toContain("components/hazard-ledger/hazard-ledger.queries.ts#hazardsQuery");
    expect(sent.map((r) => r.source)).toContain("data/hazard-changed.queries.ts#hazardChangedSubscription");
    for (const r of sent) expect(r.headers["x-graphql-client"], r.source).toBe("renfang-widgets"); // CSRF prevention
  });
});

describe("the widgets against a deployment that trusts only their documents", () => {
  it("passes every widget request, replayed as sent, through CSRF prevention and the trusted-document gate", async () => {
    const t = await testApi({ demo: false, api: { trustedDocumentsOnlyForPublic: true } });
    try {
      for (const r of await captureWidgetRequests()) {
        // As a portal on another origin sends it (the browser adds Sec-Fetch-Site: cross-site).
        const res = await t.api.fetch(r.url.replace("http://widgets.invalid", "http://yoga"), {
          method: r.method,
          headers: { ...r.headers, "sec-fetch-site": "cross-site" },
          body: r.body,
        });
        // Captured without variables, a subscription fails at once and its stream ends by itself.
        const text = await res.text();
        expect(text, r.source).not.toMatch(/PERSISTED_QUERY|CSRF/);
        expect(res.status, r.source).not.toBe(403);
      }
    } finally {
      await t.drop();
    }
  });
});

describe("TRUSTED_DOCUMENTS_ONLY_FOR_PUBLIC", () => {
  // Two trusted documents of our own, so these tests do not depend on the widgets' queries.
  const viewerDoc = "query Who { viewer { role } }";
  const sheltersDoc = "query Count { shelters(first: 1) { totalCount } }";
  const documents = { [sha256(viewerDoc)]: viewerDoc, [sha256(sheltersDoc)]: sheltersDoc };
  let t: TestApi;
  beforeAll(async () => {
    t = await testApi({ demo: false, api: { trustedDocumentsOnlyForPublic: true, trustedDocuments: documents } });
  });
  afterAll(() => t?.drop());

  const send = async (body: Record<string, unknown>, token?: string) => {
    const res = await t.api.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, ...(await res.json()) };
  };
  const byHash = (doc: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(doc) } } });

  it("lets PUBLIC run a trusted document by its hash or by its identical text", async () => {
    expect((await send(byHash(viewerDoc))).data).toEqual({ viewer: { role: "PUBLIC" } });
    expect((await send({ query: viewerDoc })).data).toEqual({ viewer: { role: "PUBLIC" } });
    const publicToken = await tokenFor({ role: "PUBLIC", subject: "widget-token" });
    expect((await send(byHash(sheltersDoc), publicToken)).data).toEqual({ shelters: { totalCount: 0 } });
  });

  it("refuses any other document from PUBLIC, before any SQL, saying what to do", async () => {
    t.queries.reset();
    const r = await send({ query: "{ viewer { role name } }" });
    expect(r.status).toBe(403);
    expect(r.errors[0].extensions.code).toBe("PERSISTED_QUERY_ONLY");
    expect(r.errors[0].message).toMatch(/runs only the widgets' trusted documents for PUBLIC tokens/);
    const slightlyDifferent = await send({ query: `${viewerDoc} ` });
    expect(slightlyDifferent.status).toBe(403);
    expect(t.queries.count).toBe(0);
  });

  it("answers an unknown hash, or a hash that does not match the text, with a clear error", async () => {
    const unknown = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
    expect(unknown.status).toBe(404);
    expect(unknown.errors[0]).toMatchObject({ extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } });
    const mismatch = await send({ query: viewerDoc, ...byHash(sheltersDoc) });
    expect(mismatch.errors[0].extensions.code).toBe("PERSISTED_QUERY_HASH_MISMATCH");
  });

  it("keeps ad-hoc queries for staff roles, who may also use the hashes", async () => {
    for (const role of ["ANALYST", "PROVINCE_ADMIN", "CITY_OFFICER"] as const) {
      const token = await tokenFor({ role, regionCode: role === "CITY_OFFICER" ? "360100" : null });
      expect((await send({ query: "{ viewer { role name } }" }, token)).data.viewer.role).toBe(role);
      expect((await send(byHash(viewerDoc), token)).data.viewer.role).toBe(role);
    }
  });

  it("is off by default: PUBLIC keeps ad-hoc queries", async () => {
    const open = await testApi({ demo: false });
    try {
      expect((await open.gql("{ viewer { role name } }")).data).toEqual({ viewer: { role: "PUBLIC", name: null } });
    } finally {
      await open.drop();
    }
  });
});
