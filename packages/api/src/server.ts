// Starting and stopping the HTTP server: migrate, seed the demo data into an empty database,
// serve, and drain on SIGTERM. Startup problems become one-line messages.
import { createServer, type Server } from "node:http";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createHazardEvents, type Database, migrate, openDatabase, redact } from "@renfang/schema";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { tokenSecret } from "./auth.ts";
import { type Config, ConfigError, ensureDataDir } from "./config.ts";
import { limitHeapGrowth } from "./heap.ts";
import { seedIfEmpty } from "./seed.ts";
import { useDrain } from "./use-drain.ts";
import { createApi } from "./yoga.ts";

/** How long `stop()` waits for in-flight requests before it cuts the remaining connections. */
export const drainDeadlineMs = 10_000;

export interface RunningServer {
  server: Server;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/**
 * Hazard events for createApi: in-process without a Redis URL; with one, carried by Redis pub/sub
 * so that an event raised on any instance reaches the subscribers of every instance. Exported so
 * tests can build two instances on one Redis exactly as the server does.
 */
export function eventsFor(redisUrl: string | null | undefined) {
  if (!redisUrl) return { events: createHazardEvents(), close: async () => {} };
  const publishClient = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const events = createHazardEvents({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return {
    events,
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const started = Date.now();
  limitHeapGrowth();
  // Needed on PostgreSQL too: the generated token secret lives there.
  ensureDataDir(config.dataDir);
  try {
    const applied = await migrate(config.databaseUrl);
    if (applied.length) logger.info({ applied }, "migrations applied");
  } catch (err) {
    throw new ConfigError(`DATABASE_URL: cannot open ${redact(config.databaseUrl)}: ${(err as Error).message}`);
  }
  const database = openDatabase({ url: config.databaseUrl });
  if (config.seedDemo) await seedIfEmpty(database, logger);
  const { events, close: closeEvents } = eventsFor(config.redisUrl);
  const draining = new AbortController();
  const api = createApi({
    database,
    tokenSecret: tokenSecret(config.tokenSecret, config.dataDir),
    allowAnonymous: config.allowAnonymous,
    corsOrigins: config.corsOrigins,
    events,
    logger,
    development: config.development,
    settings: { incidentLateMinutes: config.incidentLateMinutes, maxPageSize: config.maxPageSize },
    ...config.security,
    plugins: [useDrain({ signal: draining.signal })],
  });
  const server = createServer(api);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "EADDRINUSE"
          ? new ConfigError(`PORT: ${config.port} is already in use; stop the other server or set PORT to a free port`)
          : err,
      ),
    );
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  logger.info(
    { url: `${url}/graphql`, database: database.provider, timeZone: config.timeZone, ms: Date.now() - started },
    "serving",
  );

  // Draining: stop accepting connections, complete open subscriptions (SSE streams end with
  // `event: complete`), let in-flight requests finish, close keep-alive connections as they go
  // idle; whatever is still open at the deadline is cut. Then the database is closed.
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      draining.abort();
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      const deadline = setTimeout(() => {
        logger.warn({ ms: drainDeadlineMs }, "drain deadline passed; closing the remaining connections");
        server.closeAllConnections();
      }, drainDeadlineMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(deadline);
      await closeEvents();
      await database.close();
    })();
    return stopping;
  };
  return { server, database, url, stop };
}
