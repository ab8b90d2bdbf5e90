/** Fired when a ledger's sort order changes from its header. */
export type RfSortChangeEvent = CustomEvent<{ field: string; direction: "ASC" | "DESC" }>;

declare global {
  interface GlobalEventHandlersEventMap {
    "rf-sort-change": RfSortChangeEvent;
  }
}
