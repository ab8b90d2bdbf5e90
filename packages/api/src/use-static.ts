// Serves the example portal at / and the widget bundle at /widgets/, so `pnpm start` shows the
// product. The portal is sent with a strict Content-Security-Policy: the widgets must work under it.
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { Plugin } from "graphql-yoga";
import { repoRoot } from "./config.ts";

export interface StaticPluginOptions {
  /** Folder served at `/`. @default examples/portal */
  portalDir?: string;
  /** Folder served at `/widgets/`. @default packages/widgets/dist */
  widgetsDir?: string;
}

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".map": "application/json",
};

export const portalCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/** The file under `root` that `path` names, or null (never outside root, never a folder). */
function fileUnder(root: string, path: string): string | null {
  const file = normalize(join(root, decodeURIComponent(path)));
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

export function useStatic(options: StaticPluginOptions = {}): Plugin {
  const portalDir = options.portalDir ?? join(repoRoot, "examples/portal");
  const widgetsDir = options.widgetsDir ?? join(repoRoot, "packages/widgets/dist");
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      const path = url.pathname;
      if (path === "/graphql" || path.startsWith("/export/")) return;
      const file = path.startsWith("/widgets/")
        ? fileUnder(widgetsDir, path.slice("/widgets/".length))
        : fileUnder(portalDir, path === "/" ? "index.html" : path.slice(1));
      if (!file) return;
      const headers: Record<string, string> = {
        "content-type": types[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
      };
      if (extname(file) === ".html") headers["content-security-policy"] = portalCsp;
      if (path.startsWith("/widgets/")) headers["access-control-allow-origin"] = "*";
      endResponse(new fetchAPI.Response(readFileSync(file), { headers }));
    },
  };
}
