import { gql } from "@urql/core";

export interface Shift {
  date: string | null;
  kind: string;
  startsAt: string;
  endsAt: string;
  organization: { name: string } | null;
  leader: { name: string | null } | null;
  officers: { name: string | null }[] | null;
}

export interface DutyRosterData {
  /** A list, or a single shift on APIs that return one. */
  onDuty: Shift[] | Shift | null;
  dutyShifts: { edges: { node: Shift }[] };
}

export interface DutyRosterVariables {
  [key: string]: unknown;
  regionCode: string;
  at: string;
  from: string;
  to: string;
}

const shift = "date kind startsAt endsAt organization { name } leader { name } officers { name }";

/** Who is on duty now (`onDuty`) and the week's shifts (`dutyShifts`, a connection) of a region's offices. */
export const dutyRosterQuery = gql<DutyRosterData, DutyRosterVariables>(`
  query RfDutyRoster($regionCode: String!, $at: DateTime!, $from: Date!, $to: Date!) {
    onDuty(regionCode: $regionCode, at: $at) { ${shift} }
    dutyShifts(regionCode: $regionCode, from: $from, to: $to, first: 100) { edges { node { ${shift} } } }
  }
`);
