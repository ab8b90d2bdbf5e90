// Calendar arithmetic for the seed. The demo lives in Asia/Shanghai (UTC+8, no daylight saving):
// a "day" is a calendar date counted in days since 1970-01-01, stored for date-only fields as
// UTC midnight of that date; an instant is a local wall-clock time converted to UTC.

export const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MIN = 8 * 60;

/** Days since 1970-01-01 of a calendar date (month 1–12). */
export function dayOf(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

/** The date-only value of a day: UTC midnight of that calendar date. */
export function dateOfDay(day: number): Date {
  return new Date(day * DAY_MS);
}

/** The Shanghai calendar date of an instant. */
export function localDayOf(instant: Date): number {
  return Math.floor((instant.getTime() + SHANGHAI_OFFSET_MIN * 60_000) / DAY_MS);
}

/** Epoch milliseconds of a Shanghai wall-clock time (minutes after local midnight). */
export function localMs(day: number, minuteOfDay: number): number {
  return (day * 1440 + minuteOfDay - SHANGHAI_OFFSET_MIN) * 60_000;
}

/** Shanghai calendar day of epoch milliseconds. */
export function localDayOfMs(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MIN * 60_000) / DAY_MS);
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (day + 3) % 7;
}

/** "2021-03-31" */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "20210331" */
export function compactDay(day: number): string {
  return isoDay(day).replaceAll("-", "");
}

/** Minutes after midnight of "08:30". */
export function hm(hours: number, minutes = 0): number {
  return hours * 60 + minutes;
}

/** Day of "2021-03-31". */
export function dayOfIso(iso: string): number {
  const day = Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
  if (!Number.isInteger(day)) throw new Error(`not a date: ${iso}`);
  return day;
}
