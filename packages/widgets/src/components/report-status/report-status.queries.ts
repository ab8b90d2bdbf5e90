import { gql } from "@urql/core";

export interface StageReport {
  id: string;
  organization: { name: string } | null;
  deadline: { title: string; dueOn: string } | null;
  submittedAt: string | null;
  /** `ON_TIME`, `LATE`, `MISSING`; null while not submitted and not yet due. */
  timeliness: string | null;
}

export interface ReportStatusData {
  stageReports: { totalCount: number; edges: { node: StageReport }[] };
}

export interface ReportStatusVariables {
  [key: string]: unknown;
  regionCode: string;
  campaignCode: string | null;
}

/** Stage reports (阶段整治情况报告) owed by the units of a region, with their timeliness. */
export const reportStatusQuery = gql<ReportStatusData, ReportStatusVariables>`
  query RfReportStatus($regionCode: String!, $campaignCode: String) {
    stageReports(filter: { regionCode: $regionCode, campaignCode: $campaignCode }, first: 100) {
      totalCount
      edges {
        node {
          id
          organization {
            name
          }
          deadline {
            title
            dueOn
          }
          submittedAt
          timeliness
        }
      }
    }
  }
`;
