/** Relay `PageInfo`. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A Relay connection as the ledgers read it. */
export interface Connection<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: T }[];
}

export interface Named {
  name: string | null;
}

export interface RegionRef {
  code?: string;
  name: string;
}

/** Sort order sent as `orderBy: [{ field, direction }]`. */
export interface SortOrder {
  field: string;
  direction: "ASC" | "DESC";
}
