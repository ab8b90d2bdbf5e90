// 情况报告 timeliness (SPEC §2 rule 5): an incident must be reported at once (不得迟报); a report
// is late when reportedAt − occurredAt exceeds the deployment's limit (default 60 minutes), so a
// report exactly at the limit is on time. The delay is kept in whole seconds rounded up: any
// fraction of a second past the limit makes a report late, and "late" stays an integer
// comparison the database can filter and count.
import { z } from "zod";
import { ValidationError } from "../errors.ts";

/** Clocks of phones and field systems run a little fast; reports "from the future" within this are accepted. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Field rules of fileIncidentReport's input (messages "rule: text"). */
export const incidentFields = {
  summary: z.string().trim().min(4, "required: at least 4 characters").max(2000, "length: at most 2000 characters"),
};

export function delaySecondsOf(occurredAt: Date, reportedAt: Date): number {
  return Math.ceil((reportedAt.getTime() - occurredAt.getTime()) / 1000);
}

/** The delay in seconds above which a report is late. */
export function lateAfterSeconds(limitMinutes: number): number {
  return limitMinutes * 60;
}

export function isLate(delaySeconds: number, limitMinutes: number): boolean {
  return delaySeconds > lateAfterSeconds(limitMinutes);
}

/** Whole minutes from occurrence to report, rounded up like the lateness rule (60 min 1 s → 61). */
export function delayMinutes(delaySeconds: number): number {
  return Math.ceil(delaySeconds / 60);
}

/** The delay is stored as a 32-bit integer: about 68 years, far beyond any real report. */
const MAX_DELAY_SECONDS = 2 ** 31 - 1;

/** A report cannot precede its incident, neither can lie in the future, and the delay must fit its column. */
export function checkIncidentTimes(occurredAt: Date, reportedAt: Date, now: Date): void {
  const latest = now.getTime() + CLOCK_SKEW_MS;
  if (occurredAt.getTime() > latest) {
    throw ValidationError.of("occurredAt", "notFuture", "notFuture: the incident cannot have happened after now");
  }
  if (reportedAt.getTime() > latest) {
    throw ValidationError.of("reportedAt", "notFuture", "notFuture: a report cannot be filed after now");
  }
  if (reportedAt < occurredAt) {
    throw ValidationError.of("reportedAt", "order", "order: reported before the incident happened");
  }
  if (delaySecondsOf(occurredAt, reportedAt) > MAX_DELAY_SECONDS) {
    throw ValidationError.of("occurredAt", "range", "range: an incident is reported within 68 years of happening");
  }
}
