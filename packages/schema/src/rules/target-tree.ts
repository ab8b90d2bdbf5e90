// Target progress over a region tree (SPEC §2 rule 4), from grouped counts: the database returns
// one row per county-level region (and year), and every level — province, city, county, any
// year range — is summed here from those few rows. Plain functions, tested directly.
import { within } from "../scope.ts";
import { rateMetrics } from "./campaign.ts";
import { expectedProgress, onTrack, progress } from "./progress.ts";

/** Grouped registry counts of one region (its own code, usually a county) and year; year 0 = not per year. */
export interface Cell {
  code: string;
  year: number;
  /** Parking spaces, or the rows that count (surveyed works, closed hazards). */
  num: number;
  /** For rates: all rows (works, hazards found). */
  den: number;
}

export interface ProgressData {
  metric: string;
  asOf: Date;
  cells: Cell[];
  /** Target values by `${regionCode}:${year}`. */
  targets: Map<string, number>;
  /** Child region codes of each region, in code order. */
  children: Map<string, string[]>;
}

export interface ProgressNode {
  data: ProgressData;
  regionCode: string;
  years: number[];
}

export const isAdditive = (metric: string) => !rateMetrics.has(metric);

export function yearTargets(n: ProgressNode): (number | null)[] {
  return n.years.map((y) => n.data.targets.get(`${n.regionCode}:${y}`) ?? null);
}

/**
 * The target of a node: for counts, the sum of the years' targets that are set; for rates, the
 * latest year's (the level to reach by the end of the range). Null when none is set.
 */
export function targetOf(n: ProgressNode): number | null {
  const values = yearTargets(n);
  const set = values.filter((v): v is number => v != null);
  if (set.length === 0) return null;
  return isAdditive(n.data.metric) ? set.reduce((a, b) => a + b, 0) : set[set.length - 1];
}

export function countsOf(n: ProgressNode): { num: number; den: number } {
  let num = 0;
  let den = 0;
  for (const c of n.data.cells) {
    if ((c.year === 0 || n.years.includes(c.year)) && within(c.code, n.regionCode)) {
      num += c.num;
      den += c.den;
    }
  }
  return { num, den };
}

/** Counts add up; a rate is numerator / denominator, null with nothing to count. */
export function actualOf(n: ProgressNode): number | null {
  const { num, den } = countsOf(n);
  if (isAdditive(n.data.metric)) return num;
  return den > 0 ? num / den : null;
}

export function expectedOf(n: ProgressNode): number {
  return isAdditive(n.data.metric)
    ? expectedProgress(n.years, n.data.asOf, yearTargets(n))
    : expectedProgress(n.years, n.data.asOf);
}

export function progressOf(n: ProgressNode): number | null {
  return progress(actualOf(n), targetOf(n));
}

export function onTrackOf(n: ProgressNode): boolean | null {
  return onTrack(progressOf(n), expectedOf(n));
}

export function breakdownOf(n: ProgressNode): ProgressNode[] {
  return (n.data.children.get(n.regionCode) ?? []).map((code) => ({ ...n, regionCode: code }));
}

/**
 * This target minus the sum of the sub-regions' targets: 0 when the breakdown adds up, > 0 when
 * part of it is not allocated, < 0 when the sub-regions were given more. Null for rates (shares
 * do not add up), without a target, or when no sub-region has one.
 */
export function breakdownTargetGap(n: ProgressNode): number | null {
  const target = targetOf(n);
  if (!isAdditive(n.data.metric) || target == null) return null;
  const parts = breakdownOf(n)
    .map(targetOf)
    .filter((v): v is number => v != null);
  return parts.length ? target - parts.reduce((a, b) => a + b, 0) : null;
}

export function byYearOf(n: ProgressNode): ProgressNode[] {
  return n.years.map((y) => ({ ...n, years: [y] }));
}
