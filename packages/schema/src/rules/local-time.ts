// Office time. Rosters, patrol codes and "which day" questions follow the offices' wall clock —
// the deployment's time zone (TZ, default Beijing time) — whatever the server's own zone.
// Date-only values (a shift's date, a hazard's discoveredOn) are stored as UTC midnight of the
// calendar date, the same way the Date scalar and the demo seed store them.
import { addDays, DAY_MS, officeDate, officeInstant } from "@renfang/office-time";

export { addDays, DAY_MS };

/** The offices' calendar date of an instant, as the date-only value (UTC midnight). */
export function localDate(instant: Date): Date {
  return officeDate(instant);
}

/** The instant of an office wall-clock time, `minuteOfDay` minutes after midnight of `date`. */
export function atLocal(date: Date, minuteOfDay: number): Date {
  return officeInstant(date, minuteOfDay);
}

/** A date-only value with any time of day dropped (UTC midnight of its UTC date). */
export function dateOnly(date: Date): Date {
  return new Date(date.getTime() - (((date.getTime() % DAY_MS) + DAY_MS) % DAY_MS));
}

/** `20220615` for a date-only value: the day part of patrol codes (XC-20220615-0001). */
export function compactDate(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll("-", "");
}
