// Running an analyst's saved .graphql queries against Renfang and turning the answers into
// tables. No dependencies: fetch is built in, and the few variables a query declares are read
// from its header. The script (run.ts) and the test both use these functions.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

export const queriesDir = join(import.meta.dirname, "../queries");

export interface SavedQuery {
  /** File name without .graphql, e.g. `closure-rate-by-city`. */
  name: string;
  /** The first comment line: what the query answers. */
  title: string;
  text: string;
}

export function loadQueries(dir = queriesDir): SavedQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), "utf8");
      const title = /^#\s*(.+)$/m.exec(text)?.[1] ?? "";
      return { name: basename(f, ".graphql"), title, text };
    });
}

/** The variables the operation declares with their named types, e.g. `{ city: "String", days: "Int" }`. */
export function declaredVariableTypes(text: string): Record<string, string> {
  const header = /^\s*(query|mutation)\s+\w*\s*\(([^)]*)\)/m.exec(text.replace(/^#.*$/gm, ""));
  return header
    ? Object.fromEntries([...header[2].matchAll(/\$(\w+)\s*:\s*\[?\s*(\w+)/g)].map((m) => [m[1], m[2]]))
    : {};
}

/** The variables the operation declares, e.g. `["city", "today"]`. */
export function declaredVariables(text: string): string[] {
  return Object.keys(declaredVariableTypes(text));
}

/**
 * A `--var` value as the type the query declares it: `Int` and `Float` become numbers, `Boolean`
 * true or false, anything else stays text — so a region code such as 360100 stays a String.
 */
export function typedVariable(name: string, type: string, value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (type === "Int" || type === "Float") {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || (type === "Int" && !Number.isInteger(n))) {
      throw new QueryFailed(
        `--var ${name}=${value}: $${name} is ${type}, so it must be ${type === "Int" ? "a whole number" : "a number"}`,
      );
    }
    return n;
  }
  if (type === "Boolean") {
    if (value !== "true" && value !== "false") throw new QueryFailed(`--var ${name}=${value}: must be true or false`);
    return value === "true";
  }
  return value;
}

/** Dates the saved queries may use: `today`, `quarterStart`, `yearStart` (YYYY-MM-DD). */
export function calendarVariables(today: string): Record<string, string> {
  const [year, month] = today.split("-").map(Number);
  const quarterMonth = Math.floor((month - 1) / 3) * 3 + 1;
  return { today, quarterStart: `${year}-${String(quarterMonth).padStart(2, "0")}-01`, yearStart: `${year}-01-01` };
}

/** Today's date in China, where the campaign runs (UTC+8). */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface Endpoint {
  url: string;
  token?: string | null;
  fetch?: (url: string, init: RequestInit) => Response | Promise<Response>;
}

export type Row = Record<string, string>;

export interface Answer {
  rows: Row[];
  /** The connection's totalCount, when the query asked for one. */
  totalCount: number | null;
}

export class QueryFailed extends Error {}

/** Runs one saved query with the variables it declares (others are left out) and tabulates the answer. */
export async function runQuery(
  endpoint: Endpoint,
  query: SavedQuery,
  variables: Record<string, unknown>,
): Promise<Answer> {
  const declared = declaredVariableTypes(query.text);
  const used = Object.fromEntries(
    Object.entries(variables)
      .filter(([k]) => k in declared)
      .map(([k, v]) => [k, typedVariable(k, declared[k], v)]),
  );
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (endpoint.token) headers.authorization = `Bearer ${endpoint.token}`;
  const send = async () =>
    (endpoint.fetch ?? fetch)(endpoint.url, {
      method: "POST",
      headers,
      body: JSON.stringify({ query: query.text, variables: used }),
    });
  const res = await send().catch((err: Error) => {
    throw new QueryFailed(`cannot reach ${endpoint.url} (${err.message}); is the server running?`);
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new QueryFailed(`${query.name}: ${body.errors?.map((e) => e.message).join("; ") ?? `HTTP ${res.status}`}`);
  }
  const root = Object.values(body.data)[0];
  const connection =
    root && typeof root === "object" && "edges" in root
      ? (root as { edges: { node: unknown }[]; totalCount?: number })
      : null;
  const items = connection ? connection.edges.map((e) => e.node) : Array.isArray(root) ? root : [root];
  return { rows: items.map((item) => flatten(item)), totalCount: connection?.totalCount ?? null };
}

/** `{ city: { name: "南昌市" }, closureRate: 0.91 }` → `{ "city.name": "南昌市", closureRate: "91.0%" }`. */
export function flatten(value: unknown, prefix = "", out: Row = {}): Row {
  if (Array.isArray(value)) {
    out[prefix] = value
      .map((v) => (v && typeof v === "object" ? Object.values(v).map(cell).join(" ") : cell(v)))
      .join("; ");
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = /Rate$/.test(prefix) && typeof value === "number" ? `${(value * 100).toFixed(1)}%` : cell(value);
  }
  return out;
}

function cell(v: unknown): string {
  if (v == null) return "";
  if (typeof v === "number" && !Number.isInteger(v)) return v.toFixed(2);
  return String(v);
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return w;
}

/** A plain-text table with aligned columns (numbers right-aligned). */
export function formatTable(rows: Row[]): string {
  if (!rows.length) return "(no rows)";
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const widths = columns.map((c) => Math.max(displayWidth(c), ...rows.map((r) => displayWidth(r[c] ?? ""))));
  const numeric = columns.map((c) => rows.every((r) => /^-?[\d.]*%?$/.test(r[c] ?? "")));
  const pad = (s: string, i: number) => {
    const fill = " ".repeat(widths[i] - displayWidth(s));
    return numeric[i] ? fill + s : s + fill;
  };
  const line = (cells: string[]) => cells.map(pad).join("  ").trimEnd();
  return [
    line(columns),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map((r) => line(columns.map((c) => r[c] ?? ""))),
  ].join("\n");
}
