/** Fired when a ledger row is activated (click, Enter or Space on one of its cells). */
export type RfRowActivateEvent = CustomEvent<{
  /** The row's global `id`. */
  id: string;
  /** The row's human code (隐患编号 / 工程编号). */
  code: string;
  /** The row as the widget received it from the API. */
  row: unknown;
}>;

declare global {
  interface GlobalEventHandlersEventMap {
    "rf-row-activate": RfRowActivateEvent;
  }
}
