import { gql } from "@urql/core";

/** What a ledger pages on: whether there is more either way, and the cursors at both ends. */
export const pageInfoFragment = gql`
  fragment RfPageInfo on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`;
