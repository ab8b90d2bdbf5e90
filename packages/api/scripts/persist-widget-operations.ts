// Writes src/trusted-documents.json: every operation the widgets can send, keyed by the sha256 of
// its text exactly as it goes over the wire. The text is captured, not re-printed: each document
// is sent through the widgets' own urql client (src/data/client.ts: cacheExchange adds __typename,
// fetchExchange prints and picks GET or POST) with a recording fetch. Run after changing a widget
// query: `pnpm --filter @renfang/api persist-widget-operations` (a test fails while it is stale).
import { readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sha256 } from "../src/use-trusted-documents.ts";

const widgetsSrc = fileURLToPath(new URL("../../widgets/src/", import.meta.url));
const manifestFile = fileURLToPath(new URL("../src/trusted-documents.json", import.meta.url));

interface Doc {
  kind: "Document";
  definitions: { kind: string; operation?: string }[];
}

/** Captured from the widgets' client: what one operation sends. */
export interface WidgetRequest {
  /** e.g. `components/hazard-ledger/hazard-ledger.queries.ts#hazardsQuery`. */
  source: string;
  /** The request as sent (URL with the query for GET), to replay against an API. */
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  /** The document text, as it goes over the wire. */
  query: string;
}

/** Documents built by a function: the arguments the widgets call it with. */
async function variants(): Promise<Record<string, readonly unknown[][]>> {
  const enums = await import(pathToFileURL(join(widgetsSrc, "data/enums.ts")).href);
  return { rectificationQuery: (enums.STATS_GROUPS as string[]).map((g) => [g]) };
}

export function queryFiles(): string[] {
  const components = join(widgetsSrc, "components");
  const files = readdirSync(components).flatMap((dir) =>
    readdirSync(join(components, dir))
      .filter((f) => f.endsWith(".queries.ts"))
      .map((f) => join(components, dir, f)),
  );
  const data = readdirSync(join(widgetsSrc, "data"))
    .filter((f) => f.endsWith(".queries.ts"))
    .map((f) => join(widgetsSrc, "data", f));
  return [...files, ...data].sort();
}

async function documents(): Promise<{ source: string; doc: Doc }[]> {
  const calls = await variants();
  const found: { source: string; doc: Doc }[] = [];
  for (const file of queryFiles()) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod).sort(([a], [b]) => a.localeCompare(b))) {
      const source = `${relative(widgetsSrc, file)}#${name}`;
      if ((value as Doc | null)?.kind === "Document") found.push({ source, doc: value as Doc });
      else if (typeof value === "function") {
        const argLists = calls[name];
        if (!argLists) throw new Error(`${source} builds documents: list the arguments the widgets pass in variants()`);
        for (const args of argLists)
          found.push({ source: `${source}(${args.join(", ")})`, doc: value(...args) as Doc });
      }
    }
  }
  return found;
}

/** Sends every widget document through the widgets' urql client and records the requests. */
export async function captureWidgetRequests(): Promise<WidgetRequest[]> {
  const { getClient } = await import(pathToFileURL(join(widgetsSrc, "data/client.ts")).href);
  const realFetch = globalThis.fetch;
  const sent: Omit<WidgetRequest, "source">[] = [];
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? "GET";
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = init?.body == null ? null : String(init.body);
    const query = method === "GET" ? url.searchParams.get("query") : JSON.parse(String(body)).query;
    sent.push({ url: url.href, method, headers, body, query });
    return Response.json({ data: null });
  };
  try {
    const client = getClient("http://widgets.invalid/graphql", null);
    const out: WidgetRequest[] = [];
    for (const { source, doc } of await documents()) {
      const op = doc.definitions.find((d) => d.kind === "OperationDefinition")?.operation;
      const before = sent.length;
      const source$ =
        op === "subscription" ? client.subscription(doc, {}) : client.query(doc, {}, { requestPolicy: "network-only" });
      // A subscription never completes: start it, wait for its request to go out, stop it.
      const { unsubscribe } = source$.subscribe(() => {});
      for (let i = 0; i < 100 && sent.length === before; i++) await new Promise((r) => setTimeout(r, 5));
      unsubscribe();
      if (sent.length !== before + 1) throw new Error(`${source}: expected one request, saw ${sent.length - before}`);
      out.push({ source, ...sent[before] });
    }
    return out;
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** hash → document text, in source order. */
export async function buildManifest(): Promise<Record<string, string>> {
  const manifest: Record<string, string> = {};
  for (const r of await captureWidgetRequests()) manifest[sha256(r.query)] = r.query;
  return manifest;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const manifest = await buildManifest();
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${relative(process.cwd(), manifestFile)}: ${Object.keys(manifest).length} operations`);
}
