// The API as a yoga instance, apart from any listener: tests call `api.fetch(...)` with no port,
// main.ts serves it over HTTP (STYLE §3).
import { type Database, defaultSettings, type HazardEvents, schema, type Settings, type Viewer, anonymous } from "@renfang/schema";
import { createHazardEvents } from "@renfang/schema";
import { GraphQLError } from "graphql";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { Logger } from "pino";
import { AuthError, verifyToken } from "./auth.ts";
import { databaseUnavailable, isDatabaseUnavailable, useDatabaseErrors } from "./use-database-errors.ts";
import { useExport } from "./use-export.ts";
import { useHealth } from "./use-health.ts";
import { useStatic } from "./use-static.ts";

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
}

export type Api = YogaServerInstance<Record<string, unknown>, Record<string, unknown>>;

export function createApi(options: ApiOptions): Api {
  const { database } = options;
  const events = options.events ?? createHazardEvents();
  const settings: Settings = { ...defaultSettings, ...options.settings };
  const now = options.now ?? (() => new Date());

  async function viewerOf(request: Request): Promise<Viewer> {
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
    maskedErrors: options.development ? { isDev: true } : true,
    logging: options.logger ?? false,
    context: async ({ request }) => ({
      prisma: database.prisma,
      provider: database.provider,
      viewer: await viewerOf(request),
      now: now(),
      pubsub: events,
      ip: request.headers.get("x-forwarded-for")?.split(",")[0].trim() ?? null,
      settings,
    }),
    plugins: [
      useHealth({ database }),
      useDatabaseErrors({ logger: options.logger }),
      useStatic(),
      useExport({ database, viewer: viewerOf, now, logger: options.logger }),
      ...(options.plugins ?? []),
    ],
  }) as unknown as Api;
}

function unauthorized(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}
