/** Fired when a ledger's filters or search text change from its toolbar. */
export type RfFilterChangeEvent = CustomEvent<{ filter: Record<string, unknown> }>;

declare global {
  interface GlobalEventHandlersEventMap {
    "rf-filter-change": RfFilterChangeEvent;
  }
}
