// Office time. Rosters, patrol codes and "which day" questions follow the offices' wall clock,
// Beijing time (Asia/Shanghai, UTC+8, no daylight saving), whatever the server's time zone.
// Date-only values (a shift's date, a hazard's discoveredOn) are stored as UTC midnight of
// the calendar date, the same way the Date scalar and the demo seed store them.

const OFFSET_MS = 8 * 60 * 60_000;
export const DAY_MS = 86_400_000;

/** The Beijing calendar date of an instant, as the date-only value (UTC midnight). */
export function localDate(instant: Date): Date {
  const ms = instant.getTime() + OFFSET_MS;
  return new Date(ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS));
}

/** The instant of a Beijing wall-clock time, `minuteOfDay` minutes after midnight of `date`. */
export function atLocal(date: Date, minuteOfDay: number): Date {
  return new Date(dateOnly(date).getTime() + minuteOfDay * 60_000 - OFFSET_MS);
}

/** A date-only value with any time of day dropped (UTC midnight of its UTC date). */
export function dateOnly(date: Date): Date {
  return new Date(date.getTime() - (((date.getTime() % DAY_MS) + DAY_MS) % DAY_MS));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** `20220615` for a date-only value: the day part of patrol codes (XC-20220615-0001). */
export function compactDate(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll("-", "");
}
