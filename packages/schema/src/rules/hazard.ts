// The closed loop of SPEC §2 rules 1–2 as plain functions: which step may follow which, who may
// take it, what "five in place" (五落实) requires, when a hazard is overdue and when it is
// escalated (督办). Resolvers call these; test/hazard-rules.test.ts calls them directly.
import { officeDate } from "@renfang/office-time";
import type { Viewer } from "../context.ts";
import { type FieldIssue, ForbiddenError, RuleError } from "../errors.ts";
import type { HazardLevel, HazardSource, HazardStatus } from "../generated/sqlite/enums.js";
import { cityOf, provinceOf, within } from "../scope.ts";

export const DAY_MS = 86_400_000;

/** The offices' calendar date of an instant (TZ, default Beijing time), as the `Date` scalar stores dates (UTC midnight). */
export function calendarDay(instant: Date): Date {
  return officeDate(instant);
}

/** Steps after registration; REPORT and ESCALATE are not status moves of an existing hazard. */
export type WorkflowStep = "ASSIGN" | "SUBMIT" | "ACCEPT" | "REJECT";

const transitions: Record<WorkflowStep, { from: HazardStatus; to: HazardStatus }> = {
  ASSIGN: { from: "REPORTED", to: "RECTIFYING" },
  SUBMIT: { from: "RECTIFYING", to: "PENDING_ACCEPTANCE" },
  ACCEPT: { from: "PENDING_ACCEPTANCE", to: "CLOSED" },
  REJECT: { from: "PENDING_ACCEPTANCE", to: "RECTIFYING" },
};

/** The status a new hazard starts in: fixed on the spot (立查立改) skips rectification, not acceptance. */
export function reportedStatus(fixedOnSite: boolean): HazardStatus {
  return fixedOnSite ? "PENDING_ACCEPTANCE" : "REPORTED";
}

/** The status `step` leads to from `from`; a RuleError("transition") when the loop forbids it. */
export function nextStatus(from: HazardStatus, step: WorkflowStep): HazardStatus {
  if (from === "CLOSED") throw new RuleError("closed", "a CLOSED hazard cannot change (已销号隐患不可更改)");
  const t = transitions[step];
  if (t.from !== from) {
    throw new RuleError("transition", `${step} needs a ${t.from} hazard; this one is ${from}`);
  }
  return t.to;
}

/** How a move changes its shelter's count of open hazards: registration +1, closing −1. */
export function openCountDelta(from: HazardStatus | null, to: HazardStatus): number {
  const open = (s: HazardStatus | null) => s !== null && s !== "CLOSED";
  return (open(to) ? 1 : 0) - (open(from) ? 1 : 0);
}

const offices = ["PROVINCE_ADMIN", "CITY_OFFICER", "COUNTY_OFFICER"];

/**
 * Role rules of SPEC §4 for one step (region scope is checked by scope.ts): a unit reports only
 * its self-check findings and submits rectifications; offices do everything else.
 */
export function assertMayTake(viewer: Viewer, step: WorkflowStep | "REPORT" | "ESCALATE", source?: HazardSource): void {
  if (viewer.role !== "UNIT_USER") return;
  if (step === "REPORT" && source !== "SELF_CHECK") {
    throw new RuleError("selfCheck", "a unit registers only its own self-check findings (source SELF_CHECK)", "source");
  }
  if (step === "ACCEPT" || step === "REJECT") {
    throw new RuleError("acceptor", "acceptance is done by a supervising office, never by the unit itself");
  }
  if (step === "ASSIGN" || step === "ESCALATE")
    throw new ForbiddenError(`UNIT_USER may not ${step.toLowerCase()} hazards`);
}

/** Acceptance and rejection (验收): a supervising office over the hazard's county, not the submitter. */
export function assertMayAccept(viewer: Viewer, hazard: { countyCode: string; submittedBy: string | null }): void {
  if (!offices.includes(viewer.role)) {
    throw new RuleError(
      "acceptor",
      "acceptance is done by a supervising office (CITY_OFFICER, COUNTY_OFFICER or PROVINCE_ADMIN)",
    );
  }
  if (viewer.regionCode && !within(hazard.countyCode, viewer.regionCode)) {
    throw new RuleError("acceptor", `the office of ${viewer.regionCode} does not supervise ${hazard.countyCode}`);
  }
  if (hazard.submittedBy && hazard.submittedBy === viewer.subject) {
    throw new RuleError("acceptor", "the rectification must be accepted by someone other than its submitter");
  }
}

export interface RectificationPlan {
  responsibleUnitCode?: string | null;
  responsiblePerson?: string | null;
  measures?: string | null;
  deadline?: Date | null;
  funds?: number | null;
  contingencyPlan?: string | null;
}

const required: [keyof RectificationPlan, string][] = [
  ["responsibleUnitCode", "the responsible unit (责任单位)"],
  ["responsiblePerson", "the responsible person (责任人)"],
  ["measures", "the rectification measures (整改措施)"],
  ["deadline", "the deadline (整改时限)"],
];
const requiredForMajor: [keyof RectificationPlan, string][] = [
  ["funds", "the funds (整改资金)"],
  ["contingencyPlan", "the contingency plan (应急预案)"],
];

/** Five in place (五落实): what an assignment lacks; funds and plan only for MAJOR hazards. */
export function fiveInPlaceIssues(level: HazardLevel, plan: RectificationPlan): FieldIssue[] {
  const needed = level === "MAJOR" ? [...required, ...requiredForMajor] : required;
  return needed
    .filter(([field]) => {
      const v = plan[field];
      return v == null || (typeof v === "string" && v.trim() === "");
    })
    .map(([field, what]) => ({
      field,
      rule: "fiveInPlace",
      message: `fiveInPlace: ${what} is required for a ${level} hazard`,
    }));
}

/** Statuses in which the deadline still binds: rectification not yet handed in. */
export const overdueStatuses: HazardStatus[] = ["REPORTED", "RECTIFYING"];

interface DeadlineRow {
  status: HazardStatus;
  deadline: Date | null;
}

/** Whole days past the deadline as of `asOf` (0 when not overdue). SPEC §2 rule 2. */
export function overdueDays(h: DeadlineRow, asOf: Date): number {
  if (!h.deadline || !overdueStatuses.includes(h.status)) return 0;
  const due = Math.floor(h.deadline.getTime() / DAY_MS);
  const today = Math.floor(calendarDay(asOf).getTime() / DAY_MS);
  return Math.max(0, today - due);
}

export function isOverdue(h: DeadlineRow, asOf: Date): boolean {
  return overdueDays(h, asOf) > 0;
}

/** The same test as a Prisma `where`, so lists and statistics count exactly what isOverdue says. */
export function overdueWhere(asOf: Date) {
  return { status: { in: overdueStatuses }, deadline: { lt: calendarDay(asOf) } };
}

/** Its exact complement (a NULL deadline is never overdue). */
export function notOverdueWhere(asOf: Date) {
  return { OR: [{ status: { notIn: overdueStatuses } }, { deadline: null }, { deadline: { gte: calendarDay(asOf) } }] };
}

/** The office a county's overdue major hazard is escalated to: its city's (or the province's). */
export function escalationOffice(countyCode: string): string {
  const city = cityOf(countyCode);
  return city && city !== countyCode ? city : provinceOf(countyCode);
}

/** 督办: MAJOR, overdue and not yet escalated. */
export function dueForEscalation(
  h: DeadlineRow & { level: HazardLevel; escalatedAt: Date | null },
  asOf: Date,
): boolean {
  return h.level === "MAJOR" && h.escalatedAt == null && isOverdue(h, asOf);
}

export function escalationWhere(asOf: Date) {
  return { level: "MAJOR" as const, escalatedAt: null, ...overdueWhere(asOf) };
}
