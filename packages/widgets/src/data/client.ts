import { Client, cacheExchange, fetchExchange } from "@urql/core";

const clients = new Map<string, Client>();

/** Resolves a widget's `endpoint` attribute (default `/graphql`) against the page. */
export function resolveEndpoint(endpoint: string | null | undefined): string {
  return new URL(endpoint || "/graphql", globalThis.document?.baseURI).href;
}

/** The `Authorization` header for a widget token, if any. */
export function authHeaders(token: string | null | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * One urql client per endpoint and token, shared by every widget on the page. Queries go out as
 * GET when they fit the URL; subscriptions go through the same `fetchExchange` as GraphQL over
 * SSE (`Accept: text/event-stream`), which graphql-yoga serves on `/graphql`.
 */
export function getClient(endpoint: string, token: string | null | undefined): Client {
  const key = `${endpoint}\n${token ?? ""}`;
  let client = clients.get(key);
  if (!client) {
    // `x-graphql-client` names the caller and satisfies the API's CSRF prevention for GET queries.
    const headers = { "x-graphql-client": "renfang-widgets", ...authHeaders(token) };
    client = new Client({
      url: endpoint,
      exchanges: [cacheExchange, fetchExchange],
      fetchSubscriptions: true,
      preferGetMethod: "within-url-limit",
      fetchOptions: () => ({ headers }),
    });
    clients.set(key, client);
  }
  return client;
}
