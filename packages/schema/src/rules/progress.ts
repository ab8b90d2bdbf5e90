// Targets and reporting (SPEC §2 rules 4 and 5) as plain functions of numbers and dates: the
// resolvers call them, and tests call them directly at the edges.
//
// Calendar: the offices' time zone (TZ, default China Standard Time, UTC+8). A `Date` (asOf,
// dueOn) is UTC midnight of its calendar date; an instant (submittedAt, closedOn) belongs to the
// office's calendar day it falls in. In Beijing time day D spans [D − 8 h, D + 16 h) in UTC, a
// window that also holds UTC midnight of D — so date-only values and instants compare the same
// way (true of every zone at or east of UTC, which the API's configuration requires of TZ).
import { officeDate, officeInstant } from "@renfang/office-time";

export const DAY_MS = 86_400_000;

/** UTC midnight of the UTC calendar date of `d` (normalises a Date argument). */
function dateOnly(d: Date): number {
  return Math.floor(d.getTime() / DAY_MS) * DAY_MS;
}

/** The offices' calendar date of an instant ("today" of a request), as UTC midnight. */
export function chinaDate(instant: Date): Date {
  return officeDate(instant);
}

/** First instant of calendar date `date` at the offices. */
export function dayStart(date: Date): Date {
  return officeInstant(date, 0);
}

/** First instant after calendar date `date` at the offices (exclusive end of that day). */
export function dayEnd(date: Date): Date {
  return officeInstant(new Date(dateOnly(date) + DAY_MS), 0);
}

export function yearStart(year: number): Date {
  return dayStart(new Date(Date.UTC(year, 0, 1)));
}

export function daysInYear(year: number): number {
  return (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
}

/**
 * Share of `year` elapsed at the end of day `asOf`, clamped to 0..1: a future year is 0, a past
 * year 1, Jan 1 is 1/365 (1/366 in a leap year) and Dec 31 is 1 — a day counts once it has begun,
 * as a report due that day is still on time.
 */
export function yearElapsed(year: number, asOf: Date): number {
  const day = (dateOnly(asOf) - Date.UTC(year, 0, 1)) / DAY_MS + 1;
  return Math.min(1, Math.max(0, day / daysInYear(year)));
}

/**
 * Expected progress over one or more years at `asOf`. With a target for every year (metrics that
 * add up, e.g. new parking spaces), each year weighs by its target: 30,000 / 30,000 / 40,000 over
 * 2020–2022 expects 30 % once 2020 is over. Otherwise each year weighs by its length in days.
 */
export function expectedProgress(years: readonly number[], asOf: Date, targets?: readonly (number | null)[]): number {
  const byTarget = targets != null && targets.length === years.length && targets.every((t) => t != null && t >= 0);
  const weights = years.map((y, i) => (byTarget ? (targets[i] as number) : daysInYear(y)));
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return expectedProgress(years, asOf);
  return years.reduce((sum, y, i) => sum + weights[i] * yearElapsed(y, asOf), 0) / total;
}

/** actual / target; null without a positive target (nothing to measure against). */
export function progress(actual: number | null, target: number | null): number | null {
  if (actual == null || target == null || target <= 0) return null;
  return actual / target;
}

/** A target is on track when progress ≥ expected progress (with float noise tolerated). */
export function onTrack(progressValue: number | null, expected: number): boolean | null {
  if (progressValue == null) return null;
  return progressValue >= expected - 1e-9;
}

export type Timeliness = "ON_TIME" | "LATE" | "MISSING" | "PENDING";

/**
 * A stage report at day `asOf`: submitted by then on or before its due date → ON_TIME, after it
 * → LATE (迟报); not submitted by then → MISSING (漏报) once the due date has passed, PENDING
 * while it has not. A submission after `asOf` has not happened yet as of that day.
 */
export function timeliness(dueOn: Date, submittedAt: Date | null, asOf: Date): Timeliness {
  const asOfEnd = dayEnd(asOf).getTime();
  const dueEnd = dayEnd(dueOn).getTime();
  if (submittedAt && submittedAt.getTime() < asOfEnd) return submittedAt.getTime() < dueEnd ? "ON_TIME" : "LATE";
  return asOfEnd > dueEnd ? "MISSING" : "PENDING";
}

/** Whole days a report is late (submitted) or overdue (still missing) at `asOf`; 0 otherwise. */
export function daysLate(dueOn: Date, submittedAt: Date | null, asOf: Date): number {
  const status = timeliness(dueOn, submittedAt, asOf);
  if (status === "LATE") return (chinaDate(submittedAt as Date).getTime() - dateOnly(dueOn)) / DAY_MS;
  if (status === "MISSING") return (dateOnly(asOf) - dateOnly(dueOn)) / DAY_MS;
  return 0;
}
