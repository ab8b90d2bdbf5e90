// Starting and stopping the HTTP server: migrate, seed the demo data into an empty database,
// serve, and drain on SIGTERM. Startup problems become one-line messages.
import { createServer, type Server } from "node:http";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createHazardEvents, type Database, migrate, openDatabase, redact } from "@renfang/schema";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { tokenSecret } from "./auth.ts";
import { type Config, ConfigError, ensureDataDir } from "./config.ts";
import { seedIfEmpty } from "./seed.ts";
import { createApi } from "./yoga.ts";

export interface RunningServer {
  server: Server;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens Redis pub/sub when REDIS_URL is set, so hazard events reach every instance. */
function eventsFor(config: Config) {
  if (!config.redisUrl) return { events: createHazardEvents(), close: async () => {} };
  const publishClient = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
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
  if (config.databaseUrl.startsWith("file:")) ensureDataDir(config.dataDir);
  else ensureDataDir(config.dataDir); // the token secret lives there too
  try {
    const applied = await migrate(config.databaseUrl);
    if (applied.length) logger.info({ applied }, "migrations applied");
  } catch (err) {
    throw new ConfigError(`DATABASE_URL: cannot open ${redact(config.databaseUrl)}: ${(err as Error).message}`);
  }
  const database = openDatabase({ url: config.databaseUrl });
  if (config.seedDemo) await seedIfEmpty(database, logger);
  const { events, close: closeEvents } = eventsFor(config);
  const api = createApi({
    database,
    tokenSecret: tokenSecret(config.tokenSecret, config.dataDir),
    allowAnonymous: config.allowAnonymous,
    corsOrigins: config.corsOrigins,
    events,
    logger,
    development: config.development,
    settings: { incidentLateMinutes: config.incidentLateMinutes, maxPageSize: config.maxPageSize },
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
  logger.info({ url: `${url}/graphql`, database: database.provider, ms: Date.now() - started }, "serving");

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // SSE streams never end by themselves: give in-flight requests 10 s, then cut.
        setTimeout(() => server.closeAllConnections(), 10_000).unref();
      });
      await closeEvents();
      await database.close();
    })();
    return stopping;
  };
  return { server, database, url, stop };
}
