// Where a request comes from, for the audit log and the per-address rate limit. Entries of
// X-Forwarded-For are only as trustworthy as the proxy that wrote them: a client can send any it
// likes, so only the ones appended by our own proxies (TRUST_PROXY_HOPS) count.

/**
 * The client's address. Behind `trustedHops` proxies that each append the address they saw to
 * X-Forwarded-For, it is the entry the outermost of them appended; with no trusted proxies, or a
 * request that did not pass through all of them, the socket's peer.
 */
export function clientIp(request: Request, serverContext: unknown, trustedHops = 0): string | null {
  if (trustedHops > 0) {
    const hops = (request.headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (hops.length >= trustedHops) return hops[hops.length - trustedHops];
  }
  const req = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req;
  return req?.socket?.remoteAddress ?? null;
}
