// Hazard change events for the `hazardChanged` subscription. In one process they go through an
// in-memory event target; with REDIS_URL the API hands createPubSub a Redis event target so that
// a change on one instance reaches subscribers on every instance.
import { createPubSub } from "@graphql-yoga/subscription";

export interface HazardChangedEvent {
  hazardId: number;
  code: string;
  countyCode: string;
  cityCode: string;
  provinceCode: string;
  action: string;
}

export type HazardEvents = ReturnType<typeof createHazardEvents>;

// biome-ignore lint/suspicious/noExplicitAny: yoga's event target type is generic over its channels
export function createHazardEvents(config?: { eventTarget: any }) {
  return createPubSub<{ hazardChanged: [HazardChangedEvent] }>(config);
}
