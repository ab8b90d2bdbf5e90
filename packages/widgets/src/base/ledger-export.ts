import { authHeaders, resolveEndpoint } from "../data/client.js";
import type { SortOrder } from "../data/types.js";
import { isoDay } from "../format/date.js";
import { saveFile, toCsv } from "./download.js";
import { filterParams } from "./filters.js";

export interface LedgerExportRequest {
  format: "xlsx" | "csv";
  endpoint: string;
  token: string;
  /** Path on the endpoint's origin, e.g. `/export/hazards.xlsx`. */
  path: string;
  filter: Record<string, unknown>;
  orderBy: SortOrder[];
  lang: string;
  columns: string[];
  fileName: string;
  /** The current page, for the fallback CSV. */
  header: string[];
  rows: string[][];
}

export interface LedgerExportResult {
  format: "xlsx" | "csv";
  source: "server" | "page";
  url: string;
}

/**
 * The export URL: the API's export endpoint on the GraphQL endpoint's origin, with the filter as
 * query parameters (`regionCode`, `status=A,B`, `overdue=true`, `search`, …), `orderBy=FIELD:DIR`,
 * `lang` and `columns`.
 */
export function exportUrl(req: LedgerExportRequest): string {
  const url = new URL(req.path, resolveEndpoint(req.endpoint));
  const params = filterParams(req.filter, url.searchParams);
  if (req.orderBy.length) params.set("orderBy", req.orderBy.map((o) => `${o.field}:${o.direction}`).join(","));
  params.set("lang", req.lang);
  params.set("columns", req.columns.join(","));
  return url.href;
}

/**
 * Downloads the whole filtered ledger from the API's export endpoint; when the endpoint is not
 * there (404, HTML, network error), saves the current page as CSV instead.
 */
export async function exportLedger(req: LedgerExportRequest): Promise<LedgerExportResult> {
  const url = exportUrl(req);
  const stamp = isoDay(new Date());
  try {
    const res = await fetch(url, { headers: authHeaders(req.token) });
    if (res.ok && !/text\/html/i.test(res.headers.get("content-type") ?? "")) {
      saveFile(await res.blob(), `${req.fileName}-${stamp}.${req.format}`);
      return { format: req.format, source: "server", url };
    }
  } catch {
    // fall through to the page CSV
  }
  saveFile(new Blob([toCsv(req.header, req.rows)], { type: "text/csv;charset=utf-8" }), `${req.fileName}-${stamp}.csv`);
  return { format: "csv", source: "page", url };
}
