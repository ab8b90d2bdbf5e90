// HTTP status codes of refused requests (GraphQL over HTTP): under
// `Accept: application/graphql-response+json` a response without `data` MUST be 4xx/5xx, so a
// refusal that never reached execution — a root field the role may not call (FORBIDDEN), a page,
// depth, cost or breadth over the limits — answers 403 or 400 instead of 200. Under
// `application/json` such responses stay 200, as the spec allows for legacy clients: the statuses
// are marked `spec`, which yoga applies to graphql-response+json only. Errors that already carry a
// status (401, 404, 413, 429, 503…) and unexpected errors (500) keep theirs.
import { GraphQLError } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";

export interface StatusCodesPluginOptions {
  /** Status of a refusal without data, by `extensions.code`; other codes get `fallback`. @default FORBIDDEN 403, UNAUTHENTICATED 401 */
  byCode?: Record<string, number>;
  /** Status of any other refusal without data. @default 400 */
  fallback?: number;
}

/** The codes yoga already answers 5xx (masked unexpected errors): left as they are. */
const unexpected = new Set(["INTERNAL_SERVER_ERROR"]);

interface HttpExtension {
  status?: number;
  spec?: boolean;
  headers?: Record<string, string>;
}

/** `error` with `http: { status, spec: true }` added, unless it carries a status already. */
function withStatus(error: GraphQLError, status: number): GraphQLError {
  const extensions = error.extensions as { http?: HttpExtension; code?: unknown };
  if (extensions.http?.status) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...extensions, http: { ...extensions.http, status, spec: true } },
  });
}

export function useStatusCodes(options: StatusCodesPluginOptions = {}): Plugin {
  const byCode: Record<string, number> = { FORBIDDEN: 403, UNAUTHENTICATED: 401, ...options.byCode };
  const fallback = options.fallback ?? 400;
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || isAsyncIterable(result)) return;
      const errors = result.errors as readonly GraphQLError[] | undefined;
      // With data (even null: a field error that reached the root) the request ran: 200 is right.
      if (!errors?.length || result.data !== undefined) return;
      if (!errors.every((e) => e instanceof GraphQLError)) return;
      if (errors.some((e) => e.extensions.unexpected || unexpected.has(String(e.extensions.code)))) return;
      setResult({
        ...result,
        errors: errors.map((e) => withStatus(e, byCode[String(e.extensions.code)] ?? fallback)),
      });
    },
  };
}
