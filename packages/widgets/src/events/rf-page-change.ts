/** Fired when a ledger moves to another page. */
export type RfPageChangeEvent = CustomEvent<{ page: number; pageSize: number }>;

declare global {
  interface GlobalEventHandlersEventMap {
    "rf-page-change": RfPageChangeEvent;
  }
}
