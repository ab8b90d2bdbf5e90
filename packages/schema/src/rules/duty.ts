// 值班 / 领导带班: the roster rules (SPEC §1, issue 5). Plain functions over plain rows, so the
// resolver, the tests and any importer apply the same rules. Violations are typed errors that
// name the input field: every shift is led by a leader (带班领导); an office has no two
// overlapping shifts of one kind; nobody is on two shifts at once, as leader or as officer.
import { z } from "zod";
import { RuleError, ValidationError } from "../errors.ts";
import { atLocal } from "./local-time.ts";

export type ShiftKind = "DAY" | "NIGHT" | "FULL_DAY";

/** Standard hours in Beijing time: day 08:30–17:30, night 17:30–08:30, 24-hour 08:30–08:30. */
export const SHIFT_HOURS: Record<ShiftKind, { startMinute: number; minutes: number }> = {
  DAY: { startMinute: 8 * 60 + 30, minutes: 9 * 60 },
  NIGHT: { startMinute: 17 * 60 + 30, minutes: 15 * 60 },
  FULL_DAY: { startMinute: 8 * 60 + 30, minutes: 24 * 60 },
};

/** Organizations that keep a duty roster: the civil air defense offices and their own units. */
export const DUTY_OFFICE_KINDS = ["CIVIL_AIR_DEFENSE_OFFICE", "PROVINCIAL_DIVISION", "DIRECT_UNIT"] as const;

/** Field rules of scheduleDutyShift's input (messages "rule: text"). */
export const dutyFields = {
  officerCodes: z
    .array(z.string())
    .min(1, "required: at least one officer on duty")
    .max(20, "length: at most 20 officers"),
};

export interface ShiftWindow {
  startsAt: Date;
  endsAt: Date;
}

/** When a shift of `kind` on the Beijing calendar `date` starts and ends. */
export function shiftWindow(date: Date, kind: ShiftKind): ShiftWindow {
  const { startMinute, minutes } = SHIFT_HOURS[kind];
  return { startsAt: atLocal(date, startMinute), endsAt: atLocal(date, startMinute + minutes) };
}

/**
 * How far ahead a roster is planned. A later date is a typing error (and 9999-12-31's night shift
 * would end in the year 10000, which the database driver cannot write: an internal error).
 */
export const ROSTER_DAYS_AHEAD = 366;

/** A shift's date is at most ROSTER_DAYS_AHEAD days after `today` (both Beijing calendar dates at UTC midnight). */
export function checkShiftDate(date: Date, today: Date): void {
  if (date.getTime() - today.getTime() > ROSTER_DAYS_AHEAD * 86_400_000) {
    throw ValidationError.of("date", "range", `range: a roster is planned at most ${ROSTER_DAYS_AHEAD} days ahead`);
  }
}

/** Half-open intervals: a night shift starting when the day shift ends does not overlap it. */
export function overlaps(a: ShiftWindow, b: ShiftWindow): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

export interface RosterPerson {
  id: number;
  code: string;
  name: string;
  isLeader: boolean;
  organizationId: number;
}

export interface RosterShift extends ShiftWindow {
  id?: number;
  organizationId: number;
  kind: ShiftKind;
  leaderId: number;
  officerIds: number[];
}

/** Checks a new shift against the people named and the shifts already on the roster that overlap it in time. */
export function checkShift(
  candidate: RosterShift,
  leader: RosterPerson,
  officers: RosterPerson[],
  existing: RosterShift[],
): void {
  if (!leader.isLeader) {
    throw new RuleError(
      "leader",
      `${leader.name} (${leader.code}) is not a leader and cannot lead a shift (领导带班)`,
      "leaderCode",
    );
  }
  const seen = new Set<number>([leader.id]);
  for (const officer of officers) {
    if (seen.has(officer.id)) {
      throw ValidationError.of(
        "officerCodes",
        "unique",
        `unique: ${officer.code} is named twice on the shift (leader included)`,
      );
    }
    seen.add(officer.id);
  }
  for (const [person, field] of [
    [leader, "leaderCode"],
    ...officers.map((o) => [o, "officerCodes"] as const),
  ] as const) {
    if (person.organizationId !== candidate.organizationId) {
      throw new RuleError("member", `${person.name} (${person.code}) is not staff of the office on duty`, field);
    }
  }
  for (const other of existing) {
    if (other.id !== undefined && other.id === candidate.id) continue;
    if (!overlaps(candidate, other)) continue;
    if (other.organizationId === candidate.organizationId && other.kind === candidate.kind) {
      throw new RuleError(
        "officeOverlap",
        `the office already has a ${other.kind} shift from ${iso(other.startsAt)} to ${iso(other.endsAt)}`,
        "kind",
      );
    }
    const busy = [leader, ...officers].find((p) => p.id === other.leaderId || other.officerIds.includes(p.id));
    if (busy) {
      throw new RuleError(
        "personOverlap",
        `${busy.name} (${busy.code}) is already on duty from ${iso(other.startsAt)} to ${iso(other.endsAt)}`,
        busy.id === leader.id ? "leaderCode" : "officerCodes",
      );
    }
  }
}

function iso(d: Date): string {
  return d.toISOString().replace(".000Z", "Z");
}
