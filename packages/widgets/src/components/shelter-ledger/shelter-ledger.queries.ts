import { gql } from "@urql/core";
import type { LedgerVariables } from "../../base/ledger-base.js";
import { pageInfoFragment } from "../../data/paging.js";
import type { Connection } from "../../data/types.js";

/** One row of the shelter registry, as `rf-shelter-ledger` asks for it. */
export interface ShelterRow {
  id: string;
  code: string;
  name: string;
  status: string;
  peacetimeUse: string | null;
  parkingSpaces: number | null;
  openHazardCount: number;
  region: { name: string } | null;
}

export interface SheltersData {
  shelters: Connection<ShelterRow>;
}

/** The page of the shelter registry: `shelters(filter, orderBy, first, after, last, before)`. */
export const sheltersQuery = gql<SheltersData, LedgerVariables>`
  query RfShelterLedger(
    $filter: ShelterFilter!
    $orderBy: [ShelterOrder!]!
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    shelters(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...RfPageInfo
      }
      edges {
        cursor
        node {
          id
          code
          name
          status
          peacetimeUse
          parkingSpaces
          openHazardCount
          region {
            name
          }
        }
      }
    }
  }
  ${pageInfoFragment}
`;
