// Rate limiting per token, or per client address without one (issue 6): a token bucket per key,
// checked when the request arrives — before its body is read, its token verified or any SQL run —
// and answered with 429 and Retry-After when empty. Buckets live in this process: behind a load
// balancer each instance allows the rate on its own.
import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import { clientIp } from "./client-ip.ts";

export interface RateLimitPluginOptions {
  /** Requests a key may make per minute, sustained; 0 turns limiting off. @default 600 */
  perMinute?: number;
  /** Requests a key may make at once before the rate applies. @default 100 */
  burst?: number;
  /** Which requests count. @default the GraphQL endpoint and exports */
  applies?: (url: URL) => boolean;
  /** Proxies in front of the API that append to X-Forwarded-For (see client-ip.ts). @default 0 */
  trustedProxyHops?: number;
  /** The clock, in milliseconds. @default Date.now */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** A token's bucket is the token's (hashed, never kept in clear); without one, the address's. */
function keyOf(request: Request, serverContext: unknown, trustedHops: number): string {
  const auth = request.headers.get("authorization");
  if (auth) return `token:${createHash("sha256").update(auth).digest("base64url").slice(0, 22)}`;
  return `ip:${clientIp(request, serverContext, trustedHops) ?? "unknown"}`;
}

export function useRateLimit(options: RateLimitPluginOptions = {}): Plugin {
  const perMinute = options.perMinute ?? 600;
  const burst = options.burst ?? 100;
  const applies = options.applies ?? ((url: URL) => url.pathname === "/graphql" || url.pathname.startsWith("/export/"));
  const now = options.now ?? Date.now;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();
  let lastSweep = now();

  /** Forgets buckets that have filled up again, so idle clients cost no memory. */
  function sweep(t: number) {
    if (t - lastSweep < 60_000) return;
    lastSweep = t;
    for (const [key, b] of buckets) if (b.tokens + (t - b.at) * perMs >= burst) buckets.delete(key);
  }

  if (perMinute <= 0) return {};
  return {
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (request.method === "OPTIONS" || !applies(url)) return;
      const t = now();
      sweep(t);
      const key = keyOf(request, serverContext, options.trustedProxyHops ?? 0);
      const b = buckets.get(key) ?? { tokens: burst, at: t };
      b.tokens = Math.min(burst, b.tokens + (t - b.at) * perMs);
      b.at = t;
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return;
      }
      const retryAfter = Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
      const message = `too many requests: at most ${perMinute} per minute (bursts of ${burst}) per token or address; retry in ${retryAfter} s`;
      endResponse(
        fetchAPI.Response.json(
          { errors: [{ message, extensions: { code: "RATE_LIMITED", retryAfter, http: { status: 429 } } }] },
          { status: 429, headers: { "retry-after": String(retryAfter) } },
        ),
      );
    },
  };
}
