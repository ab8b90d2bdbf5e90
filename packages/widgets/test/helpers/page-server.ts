// The origin the browser tests load pages from: the example portal at `/`, test pages under
// /test/pages, the bundle built from source at /widgets/renfang-widgets.js, and /graphql and
// /export/… proxied to the API under test — the same layout the API serves in production, so the
// widgets' default endpoint (`/graphql`, same origin) and a strict CSP both hold.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { buildBundle, packageDir } from "../../scripts/bundle.ts";
import type { TestApi } from "./start-api.js";

/** The portal's policy as the API sends it (packages/api/src/use-static.ts), plus a report URI. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

const portalDir = join(packageDir, "..", "..", "examples", "portal");
const pagesDir = join(packageDir, "test", "pages");
const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

function fileUnder(root: string, path: string): string | null {
  const file = normalize(join(root, decodeURIComponent(path)));
  return file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile() ? file : null;
}

export async function startPageServer(api: TestApi): Promise<PageServer> {
  const bundle = (await buildBundle()).code;
  const reports = new Map<string, unknown[]>();

  const proxy = (req: IncomingMessage, res: ServerResponse) => {
    const target = new URL(req.url!, api.url);
    const upstream = httpRequest(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
    res.on("close", () => upstream.destroy());
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    const path = url.pathname;
    if (path === "/graphql" || path.startsWith("/export/")) return proxy(req, res);
    if (path.startsWith("/__csp-report/")) {
      const id = path.slice("/__csp-report/".length);
      if (req.method === "POST") {
        let body = "";
        req.on("data", (c) => (body += c));
        req.on("end", () => {
          reports.set(id, [...(reports.get(id) ?? []), body]);
          res.writeHead(204).end();
        });
        return;
      }
      return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reports.get(id) ?? []));
    }
    if (path === "/__test/change-hazard" && req.method === "POST") {
      const code = url.searchParams.get("code") ?? "";
      const status = url.searchParams.get("status") ?? "CLOSED";
      if (!api.changeHazard) return void res.writeHead(501).end();
      return void api.changeHazard(code, status).then((ok) => res.writeHead(ok ? 204 : 404).end());
    }
    if (path === "/widgets/renfang-widgets.js") {
      return void res.writeHead(200, { "content-type": types[".js"], "cache-control": "no-cache" }).end(bundle);
    }
    const file = path.startsWith("/test/pages/")
      ? fileUnder(pagesDir, path.slice("/test/pages/".length))
      : fileUnder(portalDir, path === "/" ? "index.html" : path.slice(1));
    if (!file) return void res.writeHead(404).end();
    const headers: Record<string, string> = { "content-type": types[extname(file)] ?? "application/octet-stream" };
    if (extname(file) === ".html" && url.searchParams.get("csp") !== "0") {
      headers["content-security-policy"] =
        `${STRICT_CSP}; report-uri /__csp-report/${url.searchParams.get("report") ?? "all"}`;
    }
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
