// Response compression (issue 9): a ledger page of 100 hazards is ~60 KB of JSON and ~8 KB gzipped,
// which matters to the county offices on thin lines. Only text that compresses is compressed, and
// never an event stream (subscriptions, live ledgers): a compressor holds data back until it has
// enough, so events would arrive late. Small bodies go as they are.
import type { Plugin } from "graphql-yoga";

export interface CompressionPluginOptions {
  /** Bodies shorter than this many bytes (when known) are sent uncompressed. @default 1024 */
  minBytes?: number;
}

const compressible =
  /^(application\/(json|graphql-response\+json|javascript)|text\/(html|css|javascript|csv|plain)|image\/svg\+xml)\b/;

/** The encoding to use for `acceptEncoding` (gzip or deflate), or null; `q=0` refuses one. */
export function chooseEncoding(acceptEncoding: string | null): "gzip" | "deflate" | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  for (const encoding of ["gzip", "deflate"] as const) {
    const q = accepted.get(encoding) ?? accepted.get("*");
    if (q !== undefined && q > 0) return encoding;
  }
  return null;
}

export function useCompression(options: CompressionPluginOptions = {}): Plugin {
  const minBytes = options.minBytes ?? 1024;
  return {
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (!compressible.test(response.headers.get("content-type") ?? "")) return;
      // Caches must keep the compressed and the plain answer apart. (A response whose headers
      // are immutable, as fetch's are, is passed on as it is.)
      try {
        response.headers.append("vary", "Accept-Encoding");
      } catch {
        return;
      }
      const encoding = chooseEncoding(request.headers.get("accept-encoding"));
      const length = response.headers.get("content-length");
      if (!encoding || (length !== null && Number(length) < minBytes) || response.headers.has("content-encoding"))
        return;
      if (!response.body) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set("content-encoding", encoding);
      headers.delete("content-length");
      const body = response.body.pipeThrough(new fetchAPI.CompressionStream(encoding));
      setResponse(new fetchAPI.Response(body, { status: response.status, statusText: response.statusText, headers }));
    },
  };
}
