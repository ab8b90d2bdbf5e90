// What the benchmark asks: the five operations of issue 9 and the shelter finder (issue 22), as a
// province-wide officer sends them.
// Each has a small and a large variant where page size matters, so the harness can check that the
// SQL statements per request do not grow with the page.

export interface Scenario {
  name: string;
  /** What the row of the report says it measures. */
  label: string;
  query: string;
  variables: (size: number) => Record<string, unknown>;
  /** Page sizes whose statement counts must be equal; one entry when there is no page. */
  sizes: number[];
}

/** Ganzhou (赣州市), the largest city; open hazards nearest their deadline first. */
export const ledgerCity = "360700";
export const ledgerStatuses = ["REPORTED", "RECTIFYING"] as const;

export const ledgerQuery = /* GraphQL */ `
  query BenchLedger($filter: HazardFilter!, $orderBy: [HazardOrder!]!, $first: Int) {
    hazards(filter: $filter, orderBy: $orderBy, first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id code title level status deadline isOverdue overdueDays
          shelter { code name }
          region { code name }
          responsibleUnit { code name }
          lastEvent { action toStatus at }
        }
      }
    }
  }
`;

export const scenarios: Scenario[] = [
  {
    name: "ledger",
    label: "ledger page (台账): 50 hazards of a city by status, by deadline",
    query: ledgerQuery,
    variables: (first) => ({
      filter: { regionCode: ledgerCity, status: ledgerStatuses },
      orderBy: [{ field: "DEADLINE", direction: "ASC" }],
      first,
    }),
    sizes: [50, 10],
  },
  {
    name: "hazardStats",
    label: "hazardStats by county, whole province",
    query: /* GraphQL */ `
      query BenchStats {
        hazardStats(groupBy: [COUNTY]) { key label total open closed overdue closureRate }
      }
    `,
    variables: () => ({}),
    sizes: [0],
  },
  {
    name: "targetProgress",
    label: "targetProgress with city breakdown",
    query: /* GraphQL */ `
      query BenchProgress {
        targetProgress(metric: HAZARD_CLOSURE_RATE, regionCode: "360000", year: 2021) {
          target actual progress expectedProgress onTrack
          breakdown { region { code name } target actual progress onTrack }
        }
      }
    `,
    variables: () => ({}),
    sizes: [0],
  },
  {
    name: "shelterSearch",
    label: "shelter search by name (工程名称)",
    query: /* GraphQL */ `
      query BenchShelters($first: Int) {
        shelters(filter: { search: "地下" }, first: $first) {
          totalCount
          edges { node { id code name status region { name } } }
        }
      }
    `,
    variables: (first) => ({ first }),
    sizes: [50, 10],
  },
  {
    name: "node",
    label: "node lookups (Hazard and Shelter by global id)",
    query: /* GraphQL */ `
      query BenchNode($ids: [ID!]!) {
        nodes(ids: $ids) {
          id
          ... on Hazard { code status shelter { name } }
          ... on Shelter { code name }
        }
      }
    `,
    variables: (size) => ({ ids: nodeIds(size) }),
    sizes: [20, 4],
  },
  {
    name: "nearestShelters",
    label: "nearestShelters (就近查找): 10 open works nearest 八一广场, Nanchang",
    query: /* GraphQL */ `
      query BenchFinder($first: Int) {
        nearestShelters(latitude: 28.6746, longitude: 115.9087, first: $first) {
          code name address status distanceMeters capacity
          entrance { wgs84 { latitude longitude } gcj02 { latitude longitude } }
        }
      }
    `,
    variables: (first) => ({ first }),
    sizes: [10],
  },
];

/** Relay global ids (base64 "Type:id") spread over the table: half hazards, half shelters. */
function nodeIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const type = i % 2 ? "Shelter" : "Hazard";
    return Buffer.from(`${type}:${1 + i * 997}`).toString("base64");
  });
}
