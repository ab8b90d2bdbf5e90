// The campaign's first target (SPEC §1 目标): ≥ 100,000 new parking spaces in civil air defense
// works over 2020–2022 (30,000 / 30,000 / 40,000), split by city. The seed plans parking openings
// per city so that the registry's actuals land near — never exactly on — each year's target, the
// way a real campaign does (e.g. 31,2xx / 28,9xx / 41,5xx), with openings before and after too.
import { CITY_PROFILES } from "./cities.ts";
import type { Rand } from "./rand.ts";
import { dayOf, yearOfDay } from "./time.ts";

export const PARKING_TARGETS: Readonly<Record<number, number>> = { 2020: 30_000, 2021: 30_000, 2022: 40_000 };
export const CAMPAIGN_YEARS = [2020, 2021, 2022] as const;

/** City split of a province target by city weight, in fifties, summing exactly to the province's. */
export function cityParkingTargets(year: number): Map<string, number> {
  const total = PARKING_TARGETS[year];
  const split = new Map<string, number>();
  let sum = 0;
  for (const p of CITY_PROFILES) {
    const v = Math.round((total * p.weight) / 50) * 50;
    split.set(p.code, v);
    sum += v;
  }
  // Rounding leftovers go to the largest city (Nanchang).
  split.set(CITY_PROFILES[0].code, split.get(CITY_PROFILES[0].code)! + total - sum);
  return split;
}

/** One parking opening: a work whose car park opened on `day` with `spaces` spaces. */
export interface Slot {
  day: number;
  spaces: number;
}

/** Share of works (excluding metro stations) whose peacetime use is a car park. */
const PARKING_SHARE = 0.56;

function spaces(rand: Rand): number {
  const [lo, hi] = rand.weighted([
    [[20, 60], 25],
    [[60, 120], 35],
    [[120, 250], 25],
    [[250, 500], 12],
    [[500, 900], 3],
  ] as const);
  return rand.int(lo, hi);
}

// Openings cluster at year end (年底冲刺), as in any campaign reported by year.
const MONTH_WEIGHTS = [4, 4, 6, 7, 8, 8, 8, 9, 10, 11, 12, 13].map((w, i) => [i + 1, w] as const);

function dayIn(rand: Rand, year: number): number {
  const month = rand.weighted(MONTH_WEIGHTS);
  const first = dayOf(year, month, 1);
  const length = (month === 12 ? dayOf(year + 1, 1, 1) : dayOf(year, month + 1, 1)) - first;
  return first + rand.int(0, length - 1);
}

export interface ParkingPlan {
  /** Openings per city, in no particular order; the caller assigns them to works at random. */
  slots: Map<string, Slot[]>;
  /** Planned new spaces per city and campaign year (before dropping openings after today). */
  goals: Map<string, Record<number, number>>;
}

/**
 * Plans every city's parking openings. `shelters` is the number of works per city that can
 * hold a car park; openings on or after `todayDay` are dropped (they have not happened yet).
 */
export function planParking(rand: Rand, scale: number, todayDay: number, shelters: Map<string, number>): ParkingPlan {
  const slots = new Map<string, Slot[]>(CITY_PROFILES.map((p) => [p.code, []]));
  const goals = new Map<string, Record<number, number>>(CITY_PROFILES.map((p) => [p.code, {}]));
  const todayYear = yearOfDay(todayDay);
  for (const year of CAMPAIGN_YEARS) {
    // How far the province lands from its target this year, then a per-city spread around it.
    const factor = year === 2021 ? rand.between(0.94, 0.975) : rand.between(1.025, 1.06);
    const targets = cityParkingTargets(year);
    const noise = new Map(CITY_PROFILES.map((p) => [p.code, rand.between(0.85, 1.15)]));
    let weighted = 0;
    for (const p of CITY_PROFILES) weighted += targets.get(p.code)! * noise.get(p.code)!;
    const norm = (PARKING_TARGETS[year] * factor) / weighted;
    for (const p of CITY_PROFILES) {
      const goal = Math.round(targets.get(p.code)! * noise.get(p.code)! * norm * scale);
      goals.get(p.code)![year] = goal;
      let left = goal;
      while (left > 0) {
        let n = Math.min(spaces(rand), left);
        if (left - n < 15) n = left;
        left -= n;
        slots.get(p.code)!.push({ day: dayIn(rand, year), spaces: n });
      }
    }
  }
  // Car parks opened before the campaign (mostly in recent years) and after it.
  for (const p of CITY_PROFILES) {
    const list = slots.get(p.code)!;
    const extra = Math.max(0, Math.round((shelters.get(p.code) ?? 0) * PARKING_SHARE) - list.length);
    const after = todayYear >= 2023 ? Math.round(extra * 0.28) : 0;
    for (let i = 0; i < extra - after; i++) {
      const year = rand.weighted(Array.from({ length: 17 }, (_, k) => [2003 + k, k + 1] as const));
      list.push({ day: dayIn(rand, year), spaces: spaces(rand) });
    }
    for (let i = 0; i < after; i++) list.push({ day: dayIn(rand, rand.int(2023, todayYear)), spaces: spaces(rand) });
    slots.set(
      p.code,
      list.filter((s) => s.day < todayDay),
    );
  }
  return { slots, goals };
}
