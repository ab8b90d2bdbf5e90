// HTTP status codes per refusal kind and per Accept (GraphQL over HTTP): under
// application/graphql-response+json a response without `data` is 4xx; under application/json the
// same refusals stay 200 (the spec allows it for legacy clients), and a response with data is 200
// under both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, testApi, tokenFor } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

const graphqlResponse = "application/graphql-response+json";
const json = "application/json";

async function post(accept: string, query: string, variables?: Record<string, unknown>, token?: string) {
  const headers: Record<string, string> = { "content-type": "application/json", accept };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await t.api.fetch("http://yoga/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string; http?: unknown } }[] };
  return { status: res.status, contentType: res.headers.get("content-type"), body };
}

const page = `shelters(first: 100) { edges { node { builder { people { name phone } } } } }`;
const refusals: { kind: string; query: string; variables?: Record<string, unknown>; code: string; status: number }[] = [
  {
    kind: "a root field the role may not call",
    query: `mutation ($input: CreateShelterInput!) { createShelter(input: $input) { __typename } }`,
    variables: { input: {} },
    code: "FORBIDDEN",
    status: 403,
  },
  {
    kind: "a page over MAX_PAGE_SIZE",
    query: `{ shelters(first: 500) { totalCount } }`,
    code: "PAGE_SIZE_EXCEEDED",
    status: 400,
  },
  {
    kind: "an operation nested too deep",
    query: `{ shelters(first: 1) { edges { node { builder { ${"parent { ".repeat(10)}code${" }".repeat(10)} } } } } }`,
    code: "QUERY_TOO_DEEP",
    status: 400,
  },
  {
    kind: "an operation that costs too much",
    query: `{ ${Array.from({ length: 10 }, (_, i) => `p${i}: ${page}`).join(" ")} }`,
    code: "QUERY_TOO_COSTLY",
    status: 400,
  },
  {
    kind: "an operation that selects too many fields",
    query: `{ ${Array.from({ length: 210 }, (_, i) => `a${i}: __typename`).join(" ")} }`,
    code: "QUERY_TOO_BROAD",
    status: 400,
  },
  { kind: "a field that does not exist", query: `{ nope }`, code: "GRAPHQL_VALIDATION_FAILED", status: 400 },
  { kind: "a document that does not parse", query: `{ shelters(`, code: "GRAPHQL_PARSE_FAILED", status: 400 },
];

describe.each(refusals)("$kind", ({ query, variables, code, status }) => {
  it(`is ${status} under ${graphqlResponse}, without data`, async () => {
    const r = await post(graphqlResponse, query, variables, await tokenFor({ role: "ANALYST" }));
    expect(r.status).toBe(status);
    expect(r.contentType).toMatch(/^application\/graphql-response\+json/);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors?.map((e) => e.extensions?.code)).toContain(code);
    // The status is the transport's business: never part of the error clients read.
    expect(r.body.errors?.every((e) => e.extensions?.http === undefined)).toBe(true);
  });

  it(`stays 200 under ${json}`, async () => {
    const r = await post(json, query, variables, await tokenFor({ role: "ANALYST" }));
    expect(r.status).toBe(200);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors?.map((e) => e.extensions?.code)).toContain(code);
  });
});

describe("responses that carry data, or a status of their own", () => {
  it.each([graphqlResponse, json])("a query that runs is 200 under %s", async (accept) => {
    const r = await post(accept, `{ viewer { role } }`, undefined, await tokenFor({ role: "ANALYST" }));
    expect(r).toMatchObject({ status: 200, body: { data: { viewer: { role: "ANALYST" } } } });
  });

  it.each([graphqlResponse, json])(
    "a mutation refused as the typed ForbiddenError is data, 200 under %s",
    async (accept) => {
      // A COUNTY_OFFICER may create works, but only in its own county: the union answers.
      const r = await post(
        accept,
        `mutation ($input: CreateShelterInput!) { createShelter(input: $input) { __typename ... on Error { code message } } }`,
        {
          input: {
            code: "RF-STATUS-1",
            name: "状态码测试工程",
            regionCode: "360702",
            address: "赣州市章贡区",
            constructionType: "STANDALONE",
            protectionClass: "核6",
            wartimeFunction: "PERSONNEL_SHELTER",
            area: 1200,
            wartimeCapacity: 800,
            peacetimeUse: "PARKING",
          },
        },
        await tokenFor({ role: "COUNTY_OFFICER", regionCode: "360102" }),
      );
      expect(r.status).toBe(200);
      expect(r.body.data).toMatchObject({ createShelter: { __typename: "ForbiddenError", code: "FORBIDDEN" } });
    },
  );

  it.each([graphqlResponse, json])("a bad token is 401 under %s", async (accept) => {
    const r = await post(accept, `{ viewer { role } }`, undefined, "not-a-token");
    expect(r.status).toBe(401);
    expect(r.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
