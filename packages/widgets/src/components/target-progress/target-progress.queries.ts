import { gql } from "@urql/core";

/** Progress of one region against its target (also the shape of each breakdown entry). */
export interface ProgressEntry {
  region: { code: string; name: string } | null;
  target: number | null;
  actual: number;
  progress: number | null;
  expectedProgress: number;
  onTrack: boolean;
}

export interface TargetProgressData {
  targetProgress: (ProgressEntry & { metric: string; year: number; breakdown: ProgressEntry[] | null }) | null;
}

export interface TargetProgressVariables {
  [key: string]: unknown;
  metric: string;
  regionCode: string;
  year: number;
  asOf: string | null;
}

/** Target vs actual of a metric for a region and year, with the city breakdown. */
export const targetProgressQuery = gql<TargetProgressData, TargetProgressVariables>`
  query RfTargetProgress($metric: TargetMetric!, $regionCode: String!, $year: Int!, $asOf: Date) {
    targetProgress(metric: $metric, regionCode: $regionCode, year: $year, asOf: $asOf) {
      metric
      year
      target
      actual
      progress
      expectedProgress
      onTrack
      region {
        code
        name
      }
      breakdown {
        region {
          code
          name
        }
        target
        actual
        progress
        expectedProgress
        onTrack
      }
    }
  }
`;
