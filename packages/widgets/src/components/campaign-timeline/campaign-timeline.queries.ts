import { gql } from "@urql/core";

export interface CampaignsData {
  campaigns: { edges: { node: { code: string; name: string } }[] };
}

export interface Phase {
  name: string;
  startsOn: string;
  endsOn: string;
  description: string | null;
}

export interface Deadline {
  title: string;
  dueOn: string;
  recipient: string | null;
}

export interface CampaignData {
  campaign: {
    code: string;
    name: string;
    startsOn: string;
    endsOn: string;
    phases: Phase[] | null;
    deadlines: Deadline[] | null;
  } | null;
}

/** The campaigns to choose from (the first is shown when no `campaign` is given). */
export const campaignsQuery = gql<CampaignsData, Record<string, never>>`
  query RfCampaigns {
    campaigns(first: 50) {
      edges {
        node {
          code
          name
        }
      }
    }
  }
`;

/** One campaign with its phases and reporting deadlines. */
export const campaignQuery = gql<CampaignData, { code: string }>`
  query RfCampaignTimeline($code: String!) {
    campaign(code: $code) {
      code
      name
      startsOn
      endsOn
      phases {
        name
        startsOn
        endsOn
        description
      }
      deadlines {
        title
        dueOn
        recipient
      }
    }
  }
`;
