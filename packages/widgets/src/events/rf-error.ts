/** Fired when a widget's query fails (network error, GraphQL error, forbidden). */
export type RfErrorEvent = CustomEvent<{ message: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    "rf-error": RfErrorEvent;
  }
}
