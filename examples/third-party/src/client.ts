// A small GraphQL client over fetch: a bearer API key on every request, typed documents in and
// typed results out, uploads as GraphQL multipart requests, and errors thrown with their code.
import { print } from "@0no-co/graphql.web";
import type { TadaDocumentNode } from "gql.tada";

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. https://renfang.example.gov.cn/graphql. */
  endpoint: string;
  /** An API key from `renfang apikey create` (rfk_…). */
  apiKey: string;
  /** The fetch to use (a test passes the API's own). @default globalThis.fetch */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly status: number,
  ) {
    super(message);
  }
}

export function createClient(options: ClientOptions) {
  const fetcher = options.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));
  // `x-graphql-yoga-csrf` tells the server this is not a browser form post (CSRF prevention).
  const headers = { authorization: `Bearer ${options.apiKey}`, "x-graphql-yoga-csrf": "1" };

  async function send<R>(body: RequestInit["body"], extra: Record<string, string>): Promise<R> {
    const res = await fetcher(options.endpoint, { method: "POST", headers: { ...headers, ...extra }, body });
    const json = (await res.json()) as { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
    if (json.errors?.length) {
      const first = json.errors[0];
      throw new GraphQLRequestError(first.message, first.extensions?.code, res.status);
    }
    if (!json.data) throw new GraphQLRequestError(`no data (HTTP ${res.status})`, undefined, res.status);
    return json.data;
  }

  return {
    /** Runs a query or mutation. */
    request<R, V>(document: TadaDocumentNode<R, V>, variables: V): Promise<R> {
      return send<R>(JSON.stringify({ query: print(document), variables }), { "content-type": "application/json" });
    },
    /**
     * Runs a mutation with files (GraphQL multipart request spec): `files` maps a variable path
     * such as `input.file` to the file, which is sent as its own part.
     */
    upload<R, V>(
      document: TadaDocumentNode<R, V>,
      variables: V,
      files: Record<string, Blob & { name?: string }>,
    ): Promise<R> {
      const form = new FormData();
      const paths = Object.keys(files);
      form.set("operations", JSON.stringify({ query: print(document), variables }));
      form.set("map", JSON.stringify(Object.fromEntries(paths.map((p, i) => [String(i), [`variables.${p}`]]))));
      for (const [i, p] of paths.entries()) form.set(String(i), files[p], files[p].name ?? "upload");
      return send<R>(form, {});
    },
  };
}

export type Client = ReturnType<typeof createClient>;
