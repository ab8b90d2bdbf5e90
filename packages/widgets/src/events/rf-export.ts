/**
 * Fired after a ledger exported: `source` is `server` when the API's export endpoint produced
 * the file (all rows of the filter), `page` when the widget wrote the current page as CSV.
 */
export type RfExportEvent = CustomEvent<{ format: "xlsx" | "csv"; source: "server" | "page"; url: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    "rf-export": RfExportEvent;
  }
}
