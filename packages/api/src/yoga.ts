// The API as a yoga instance, apart from any listener: tests call `api.fetch(...)` with no port,
// main.ts serves it over HTTP (STYLE §3).

import {
  anonymous,
  createHazardEvents,
  type Database,
  defaultSettings,
  type HazardEvents,
  type Settings,
  schema,
  type Viewer,
} from "@renfang/schema";
import { DomainError } from "@renfang/schema/errors";
import { GraphQLError } from "graphql";
import { createYoga, maskError, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { Logger } from "pino";
import { AuthError, verifyToken } from "./auth.ts";
import { clientIp } from "./client-ip.ts";
import { useCompression } from "./use-compression.ts";
import { useCsrfPrevention } from "./use-csrf.ts";
import { databaseUnavailable, isDatabaseUnavailable, useDatabaseErrors } from "./use-database-errors.ts";
import { useExport } from "./use-export.ts";
import { useHealth } from "./use-health.ts";
import { useIntrospection } from "./use-introspection.ts";
import { type LimitsPluginOptions, useOperationLimits } from "./use-limits.ts";
import { type RateLimitPluginOptions, useRateLimit } from "./use-rate-limit.ts";
import { useRootScopes } from "./use-root-scopes.ts";
import { useStatic } from "./use-static.ts";
import { useStatusCodes } from "./use-status-codes.ts";
import { useTrustedDocuments } from "./use-trusted-documents.ts";

export interface ApiOptions {
  /** The opened database (see openDatabase). */
  database: Database;
  /** Key that signs and verifies JWTs. */
  tokenSecret: string;
  /** Requests without a token get the PUBLIC role. @default true */
  allowAnonymous?: boolean;
  /** Hazard change events; pass a Redis-backed one to share events across instances. @default in-process */
  events?: HazardEvents;
  /** Origins allowed to call the API from browsers; empty = any origin (embedded demo). @default [] */
  corsOrigins?: string[];
  settings?: Partial<Settings>;
  /** Structured logger. @default silent */
  logger?: Logger;
  /** Development mode: unmasked errors. @default false */
  development?: boolean;
  /** The clock ("today" for overdue, progress…); tests pin it. @default () => new Date() */
  now?: () => Date;
  /** More yoga/envelop plugins (routes, limits, exports…). */
  plugins?: Plugin[];
  /** Depth, cost and breadth ceilings per operation; the page-size ceiling is `settings.maxPageSize`. @default see useOperationLimits */
  limits?: Omit<LimitsPluginOptions, "maxPageSize">;
  /** Requests per token (or address) and minute; `false` turns limiting off. @default 600/min, bursts of 100 */
  rateLimit?: RateLimitPluginOptions | false;
  /** Largest request body in bytes (Excel uploads included); larger ones get 413. @default 10_000_000 */
  maxBodyBytes?: number;
  /** Clients may introspect the schema (GraphiQL needs it). @default true */
  introspection?: boolean;
  /** Cross-site browser requests without a preflight must carry one of `csrfHeaders`; `false` turns this off. @default true */
  csrfPrevention?: boolean;
  /** PUBLIC-role requests may run only the widgets' trusted documents. @default false */
  trustedDocumentsOnlyForPublic?: boolean;
  /** The trusted documents, sha256 → text. @default src/trusted-documents.json */
  trustedDocuments?: Record<string, string>;
  /** Load balancers in front of the API that append the client's address to X-Forwarded-For. @default 0 */
  trustedProxyHops?: number;
}

export type Api = YogaServerInstance<Record<string, unknown>, Record<string, unknown>>;

export function createApi(options: ApiOptions): Api {
  const { database } = options;
  const events = options.events ?? createHazardEvents();
  const settings: Settings = { ...defaultSettings, ...options.settings };
  const now = options.now ?? (() => new Date());

  // The viewer is needed before parsing (trusted documents) and again for the context: verify once.
  const viewers = new WeakMap<Request, Promise<Viewer>>();
  function viewerOf(request: Request): Promise<Viewer> {
    let viewer = viewers.get(request);
    if (!viewer) {
      viewer = verifyViewer(request);
      viewers.set(request, viewer);
    }
    return viewer;
  }

  async function verifyViewer(request: Request): Promise<Viewer> {
    const header = request.headers.get("authorization");
    if (!header) {
      if (options.allowAnonymous ?? true) return anonymous;
      throw unauthorized("a bearer token is required (Authorization: Bearer …)");
    }
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!token) throw unauthorized("Authorization must be 'Bearer <token>'");
    try {
      return await verifyToken(options.tokenSecret, token, database.prisma);
    } catch (err) {
      if (err instanceof AuthError) throw unauthorized(err.message);
      // An API key is looked up in the database: a down database is a 503, not a masked 500.
      throw isDatabaseUnavailable(err) ? databaseUnavailable() : err;
    }
  }

  return createYoga({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: { title: "Renfang GraphQL — 人防安全生产专项整治" },
    cors: options.corsOrigins?.length ? { origin: options.corsOrigins, credentials: false } : undefined,
    maskedErrors: { isDev: options.development ?? false, maskError: maskUnexpected },
    logging: options.logger ?? false,
    maxRequestBodySize: options.maxBodyBytes ?? 10_000_000,
    // yoga's validation cache would keep the limits' per-request errors as a document's result;
    // useOperationLimits caches the rules' own result instead (parsing is cached by yoga).
    parserAndValidationCache: { validationCache: false },
    context: async (initial) => ({
      prisma: database.prisma,
      provider: database.provider,
      viewer: await viewerOf(initial.request),
      now: now(),
      pubsub: events,
      ip: clientIp(initial.request, initial, options.trustedProxyHops ?? 0),
      settings,
    }),
    plugins: [
      options.rateLimit === false
        ? {}
        : useRateLimit({ trustedProxyHops: options.trustedProxyHops, ...options.rateLimit }),
      useHealth({ database }),
      useDatabaseErrors({ logger: options.logger }),
      useStatic(),
      useExport({ database, viewer: viewerOf, now, logger: options.logger }),
      options.csrfPrevention === false ? {} : useCsrfPrevention(),
      useOperationLimits({ ...options.limits, maxPageSize: settings.maxPageSize }),
      useTrustedDocuments({
        documents: options.trustedDocuments,
        allowArbitrary: options.trustedDocumentsOnlyForPublic
          ? async (request) => (await viewerOf(request)).role !== "PUBLIC"
          : undefined,
      }),
      useIntrospection({ enabled: options.introspection ?? true }),
      useRootScopes(),
      useStatusCodes(),
      ...(options.plugins ?? []),
      // Last, so that it compresses the body every other plugin has settled on.
      useCompression(),
    ],
  }) as unknown as Api;
}

/**
 * Errors the schema means to show (FORBIDDEN from an auth scope, a typed domain error outside a
 * mutation union) keep their message and code; anything else is masked outside development.
 */
const maskUnexpected: typeof maskError = (error, message, isDev) => {
  const original = (error as { originalError?: unknown }).originalError;
  if (original instanceof DomainError && error instanceof GraphQLError) {
    return new GraphQLError(original.message, {
      nodes: error.nodes,
      path: error.path,
      extensions: { code: original.code },
    });
  }
  return maskError(error, message, isDev);
};

function unauthorized(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}
