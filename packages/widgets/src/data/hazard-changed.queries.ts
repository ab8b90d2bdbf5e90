import { gql } from "@urql/core";

/** Live updates (GraphQL over SSE): one event per hazard change in the region and below. */
export const hazardChangedSubscription = gql<
  { hazardChanged: { hazard: { id: string; code: string; status: string } } },
  { regionCode: string }
>`
  subscription RfHazardChanged($regionCode: String!) {
    hazardChanged(regionCode: $regionCode) {
      hazard {
        id
        code
        status
      }
    }
  }
`;
