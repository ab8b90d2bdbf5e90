// /healthz (the process answers) and /readyz (the database answers) for load balancers.
import type { Database } from "@renfang/schema";
import type { Plugin } from "graphql-yoga";

export interface HealthPluginOptions {
  database: Database;
  /** How long /readyz waits for the database. @default 2000 */
  timeoutMs?: number;
}

export function useHealth(options: HealthPluginOptions): Plugin {
  const timeoutMs = options.timeoutMs ?? 2000;
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === "/healthz") {
        endResponse(fetchAPI.Response.json({ status: "ok" }));
      } else if (url.pathname === "/readyz") {
        try {
          await Promise.race([
            options.database.prisma.$queryRawUnsafe("SELECT 1"),
            new Promise((_, reject) =>
              setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref(),
            ),
          ]);
          endResponse(fetchAPI.Response.json({ status: "ready", database: options.database.provider }));
        } catch (err) {
          endResponse(
            fetchAPI.Response.json(
              { status: "unavailable", database: options.database.provider, error: (err as Error).message },
              { status: 503 },
            ),
          );
        }
      }
    },
  };
}
