import { gql } from "@urql/core";
import type { LedgerVariables } from "../../base/ledger-base.js";
import { pageInfoFragment } from "../../data/paging.js";
import type { Connection } from "../../data/types.js";

/** One row of the hazard ledger, as `rf-hazard-ledger` asks for it. */
export interface HazardRow {
  id: string;
  code: string;
  title: string;
  category: string;
  level: string;
  source: string;
  status: string;
  discoveredOn: string;
  deadline: string | null;
  isOverdue: boolean;
  overdueDays: number | null;
  responsibleUnit: { name: string } | null;
  shelter: { code: string; name: string; region: { name: string } | null } | null;
}

export interface HazardsData {
  hazards: Connection<HazardRow>;
}

/** The page of the hazard ledger (台账): `hazards(filter, orderBy, first, after, last, before)`. */
export const hazardsQuery = gql<HazardsData, LedgerVariables>`
  query RfHazardLedger(
    $filter: HazardFilter!
    $orderBy: [HazardOrder!]!
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    hazards(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...RfPageInfo
      }
      edges {
        cursor
        node {
          id
          code
          title
          category
          level
          source
          status
          discoveredOn
          deadline
          isOverdue
          overdueDays
          responsibleUnit {
            name
          }
          shelter {
            code
            name
            region {
              name
            }
          }
        }
      }
    }
  }
  ${pageInfoFragment}
`;
