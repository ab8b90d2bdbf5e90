import { gql, type TypedDocumentNode } from "@urql/core";

/** One group of `hazardStats`. */
export interface StatsGroup {
  key: string | null;
  label: string | null;
  total: number;
  open: number;
  closed: number;
  overdue: number;
  closureRate: number | null;
}

export interface RectificationData {
  overall: StatsGroup[];
  groups: StatsGroup[];
}

export interface RectificationVariables {
  [key: string]: unknown;
  filter: Record<string, unknown>;
  asOf: string | null;
}

const fields = "key label total open closed overdue closureRate";

/**
 * Closure of hazards (整改销号) for the whole filter and grouped by one dimension:
 * `hazardStats(filter, asOf)` and `hazardStats(filter, groupBy: [<group>], asOf)`.
 * The grouping is written into the document (its enum type name is the server's business).
 */
export function rectificationQuery(group: string): TypedDocumentNode<RectificationData, RectificationVariables> {
  return gql<RectificationData, RectificationVariables>(`
    query RfRectificationProgress($filter: HazardFilter!, $asOf: Date) {
      overall: hazardStats(filter: $filter, asOf: $asOf) { ${fields} }
      groups: hazardStats(filter: $filter, groupBy: [${group}], asOf: $asOf) { ${fields} }
    }
  `);
}
