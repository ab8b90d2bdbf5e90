// Trusted documents (issue 6): the widgets' operations, hashed at build time into
// trusted-documents.json (scripts/persist-widget-operations.ts). Any client may name one by its
// hash (`extensions.persistedQuery.sha256Hash`, the APQ convention). With
// TRUSTED_DOCUMENTS_ONLY_FOR_PUBLIC, PUBLIC-role requests run nothing else — a known hash, or
// the identical document text — while staff roles keep ad-hoc queries (GraphiQL, analysts).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

export interface TrustedDocumentsPluginOptions {
  /** sha256 hex of a document → its text. @default the widgets' manifest, trusted-documents.json */
  documents?: Record<string, string>;
  /** Whether this request may also run documents outside the list. @default () => true */
  allowArbitrary?: (request: Request) => boolean | Promise<boolean>;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The committed manifest of the widgets' operations. */
export function widgetDocuments(): Record<string, string> {
  return JSON.parse(readFileSync(new URL("./trusted-documents.json", import.meta.url), "utf8")) as Record<
    string,
    string
  >;
}

function refusal(message: string, code: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

function hashOf(extensions: unknown): string | null {
  const pq = (extensions as { persistedQuery?: { version?: number; sha256Hash?: unknown } } | undefined)
    ?.persistedQuery;
  return pq?.version === 1 && typeof pq.sha256Hash === "string" ? pq.sha256Hash : null;
}

export function useTrustedDocuments(options: TrustedDocumentsPluginOptions = {}): Plugin {
  const documents = new Map(Object.entries(options.documents ?? widgetDocuments()));
  const allowArbitrary = options.allowArbitrary ?? (() => true);
  return {
    async onParams({ params, request, setParams }) {
      const hash = hashOf(params.extensions);
      if (params.query == null) {
        if (hash == null) return; // nothing to run: yoga answers "must provide query string"
        const query = documents.get(hash);
        if (query == null) {
          throw refusal(
            `no trusted document has the hash ${hash}; send the document text, or rebuild the widgets' manifest`,
            "PERSISTED_QUERY_NOT_FOUND",
            404,
          );
        }
        setParams({ ...params, query });
        return;
      }
      if (hash != null && sha256(params.query) !== hash) {
        throw refusal(
          "extensions.persistedQuery.sha256Hash is not the hash of the query sent",
          "PERSISTED_QUERY_HASH_MISMATCH",
          400,
        );
      }
      // Most requests may run any document: ask that first and hash only when it matters.
      if ((await allowArbitrary(request)) || documents.has(sha256(params.query))) return;
      throw refusal(
        "this deployment runs only the widgets' trusted documents for PUBLIC tokens (TRUSTED_DOCUMENTS_ONLY_FOR_PUBLIC): send a known document or its extensions.persistedQuery.sha256Hash, or use a staff token for ad-hoc queries",
        "PERSISTED_QUERY_ONLY",
        403,
      );
    },
  };
}
