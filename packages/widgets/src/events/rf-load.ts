/** Fired when a widget has received data. */
export type RfLoadEvent = CustomEvent<{ data: unknown }>;

declare global {
  interface GlobalEventHandlersEventMap {
    "rf-load": RfLoadEvent;
  }
}
