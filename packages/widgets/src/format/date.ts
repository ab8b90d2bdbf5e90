/** Dates from the API are ISO `Date` (2020-06-30) or `DateTime` strings; shown as YYYY-MM-DD. */
export function formatDate(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : "—";
}

/** Local time of day (HH:MM) of an ISO `DateTime`. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return "";
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? "" : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Local calendar date of a `Date` as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Parses YYYY-MM-DD (or a full ISO string) as a local-midnight date; invalid → null. */
export function parseDay(value: string | null | undefined): Date | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** Whole days from `a` to `b` (local calendar days). */
export function daysBetween(a: Date, b: Date): number {
  return Math.round(
    (Date.UTC(b.getFullYear(), b.getMonth(), b.getDate()) - Date.UTC(a.getFullYear(), a.getMonth(), a.getDate())) /
      86400000,
  );
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
