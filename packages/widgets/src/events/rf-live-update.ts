/** Fired when a live widget receives a `hazardChanged` event (before it re-queries). */
export type RfLiveUpdateEvent = CustomEvent<{ id: string; code: string; status: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    "rf-live-update": RfLiveUpdateEvent;
  }
}
