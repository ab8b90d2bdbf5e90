// The office's calendar. Offices live by their wall clock: "today", a duty shift's hours, the date
// on an exported file are Beijing time for a Jiangxi office, whatever the zone of the server or of
// the visitor's browser. This is the one place that turns an instant into the office's date and
// time and back; the API (through TZ) and the widgets (through their `time-zone` attribute) both
// call it. Date-only values (a deadline, a duty date) are kept the way the `Date` scalar stores
// them: UTC midnight of the calendar date.
import { tzOffset } from "@date-fns/tz";

/** The zone of a deployment that sets no `TZ`: the provincial offices keep Beijing time. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The deployment's time zone: the `TZ` environment variable, or Asia/Shanghai (in a browser, always the latter). */
export function officeTimeZone(): string {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.TZ?.trim() || DEFAULT_TIME_ZONE;
}

/** Whether `zone` is a time zone the runtime knows (an IANA name such as Asia/Shanghai, or ±HH:MM). */
export function isTimeZone(zone: string): boolean {
  return zone.trim() !== "" && Number.isFinite(tzOffset(zone, new Date(0)));
}

// Every ledger row asks about the same "now": remember the last answer.
let last = { zone: "", ms: Number.NaN, offset: 0 };

/** Milliseconds the zone's wall clock is ahead of UTC at `instant` (+8 h for Asia/Shanghai). */
export function zoneOffsetMs(instant: Date, zone = officeTimeZone()): number {
  const ms = instant.getTime();
  if (ms === last.ms && zone === last.zone) return last.offset;
  const minutes = tzOffset(zone, instant);
  if (!Number.isFinite(minutes)) throw new RangeError(`unknown time zone "${zone}"`);
  last = { zone, ms, offset: minutes * MINUTE_MS };
  return last.offset;
}

/** The office's calendar date of an instant, as a date-only value (UTC midnight of that date). */
export function officeDate(instant: Date, zone = officeTimeZone()): Date {
  const local = instant.getTime() + zoneOffsetMs(instant, zone);
  return new Date(local - (((local % DAY_MS) + DAY_MS) % DAY_MS));
}

/** The office's calendar date of an instant as `YYYY-MM-DD` (file names, title rows, "today"). */
export function officeDay(instant: Date, zone = officeTimeZone()): string {
  return officeDate(instant, zone).toISOString().slice(0, 10);
}

/** The office's wall-clock time of an instant as `HH:MM`. */
export function officeTime(instant: Date, zone = officeTimeZone()): string {
  const local = new Date(instant.getTime() + zoneOffsetMs(instant, zone));
  return local.toISOString().slice(11, 16);
}

/** The office's year of an instant. */
export function officeYear(instant: Date, zone = officeTimeZone()): number {
  return officeDate(instant, zone).getUTCFullYear();
}

/**
 * The instant at which the office's clock shows `minuteOfDay` minutes after midnight of the
 * calendar date `date` (a date-only value; any time of day in it is dropped). Across a daylight
 * saving change the offset of the resulting instant is used, so 00:00 is the day's first instant.
 */
export function officeInstant(date: Date, minuteOfDay = 0, zone = officeTimeZone()): Date {
  const day = date.getTime() - (((date.getTime() % DAY_MS) + DAY_MS) % DAY_MS);
  const wall = day + minuteOfDay * MINUTE_MS;
  const guess = wall - zoneOffsetMs(new Date(wall), zone);
  return new Date(wall - zoneOffsetMs(new Date(guess), zone));
}

/** A date-only value `days` calendar days after `date`. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The date-only value of `YYYY-MM-DD` (or the date part of a longer ISO string); null when it is not one. */
export function parseDay(value: string | null | undefined): Date | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) ? d : null;
}

/** Whole calendar days from date-only `a` to date-only `b`. */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

/** Monday of the week (Monday–Sunday) that holds date-only `date`. */
export function mondayOf(date: Date): Date {
  return addDays(date, -((date.getUTCDay() + 6) % 7));
}
