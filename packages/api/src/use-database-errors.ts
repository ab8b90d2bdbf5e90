// A database that cannot be reached is not a bug in the request: instead of the masked
// "Unexpected error." (HTTP 500), clients get one clear error they can act on —
// extensions.code DATABASE_UNAVAILABLE, HTTP 503 — and retry later or on another instance.
import { GraphQLError } from "graphql";
import { handleStreamOrSingleExecutionResult, type Plugin } from "graphql-yoga";
import type { Logger } from "pino";

export interface DatabaseErrorsPluginOptions {
  /** Where the original driver error is logged (clients never see it). @default silent */
  logger?: Logger;
  /** What clients read. @default "The database is unavailable; try again shortly (数据库暂不可用)." */
  message?: string;
}

const defaultMessage = "The database is unavailable; try again shortly (数据库暂不可用).";

// Prisma's codes for "no connection": can't reach, timed out (also SQLITE_BUSY past the busy
// timeout), server closed it, pool timeout, too many connections.
const prismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
// Driver adapter kinds (@prisma/driver-adapter-utils) that mean the same.
const adapterKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// node-postgres's own messages when a connection dies or never comes.
const pgMessages =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Connection ended unexpectedly/i;

/** Is this error (or what it wraps) a database that cannot be reached right now? */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 5) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown; originalError?: unknown };
  if (typeof e.code === "string" && prismaCodes.has(e.code)) return true;
  // A transaction that got no connection (or SQLite's lock) within maxWait (db.ts): busy, retry.
  if (e.code === "P2028" && typeof e.message === "string" && /Unable to start a transaction/.test(e.message))
    return true;
  // 08xxx connection exceptions, 57P0x shutdown/crash/starting up; SQLITE_BUSY past the busy timeout.
  if (typeof e.code === "string" && /^(08|57P0)|^SQLITE_BUSY/.test(e.code)) return true;
  const cause = e.cause as { kind?: unknown; originalCode?: unknown; code?: unknown } | undefined;
  if (cause && typeof cause === "object") {
    if (typeof cause.kind === "string" && adapterKinds.has(cause.kind)) return true;
    const code = cause.originalCode ?? cause.code;
    if (typeof code === "string" && /^(08|57P0)/.test(code)) return true;
  }
  if (typeof e.message === "string" && pgMessages.test(e.message)) return true;
  const meta = e.meta as { driverAdapterError?: unknown } | undefined;
  return [e.originalError, meta?.driverAdapterError, e.cause].some(
    (inner) => inner !== err && isDatabaseUnavailable(inner, depth + 1),
  );
}

/** The error clients get; no driver detail, no stack. */
export function databaseUnavailable(message = defaultMessage, from?: GraphQLError): GraphQLError {
  return new GraphQLError(message, {
    nodes: from?.nodes,
    source: from?.source,
    positions: from?.positions,
    path: from?.path,
    extensions: { code: "DATABASE_UNAVAILABLE", http: { status: 503, headers: { "retry-after": "5" } } },
  });
}

/** Replaces database-unreachable errors in results (queries, mutations, subscription events). */
export function useDatabaseErrors(options: DatabaseErrorsPluginOptions = {}): Plugin {
  const message = options.message ?? defaultMessage;
  const replace = (errors: readonly GraphQLError[]) => {
    let changed = false;
    const next = errors.map((error) => {
      if (!isDatabaseUnavailable(error.originalError)) return error;
      changed = true;
      options.logger?.warn({ err: error.originalError, path: error.path }, "database unavailable");
      return databaseUnavailable(message, error);
    });
    return changed ? next : null;
  };
  return {
    onExecute: () => ({
      onExecuteDone: (payload) =>
        handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
          const errors = result.errors && replace(result.errors);
          if (errors) setResult({ ...result, errors });
        }),
    }),
    onSubscribe: () => ({
      onSubscribeResult: (payload) =>
        handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
          const errors = result.errors && replace(result.errors);
          if (errors) setResult({ ...result, errors });
        }),
      onSubscribeError: ({ error, setError }) => {
        if (isDatabaseUnavailable(error)) setError(databaseUnavailable(message));
      },
    }),
  };
}
