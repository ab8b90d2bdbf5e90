/** Fired when the shelter finder has a point to search from (located, typed, or given). */
export type RfLocateEvent = CustomEvent<{
  latitude: number;
  longitude: number;
  /** The datum the point is in. */
  datum: "WGS84" | "GCJ02";
  /** Where the point came from: the browser's geolocation, the form, or the attributes. */
  source: "geolocation" | "typed" | "attribute";
}>;

declare global {
  interface GlobalEventHandlersEventMap {
    "rf-locate": RfLocateEvent;
  }
}
