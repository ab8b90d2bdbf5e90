// Where the works go: how many each county gets (by city weight, urban districts heavier) and
// which of them open a car park when (the parking plan's openings given to random works).
import { cityProfile, METRO_STATIONS } from "./cities.ts";
import type { Slot } from "./parking.ts";
import type { Rand } from "./rand.ts";
import type { RegionRow } from "./regions.ts";

/** Works per city at scale 1 (times the city's weight). */
const WORKS_AT_SCALE_1 = 3000;

export const metroStationsOf = (countyCode: string) => METRO_STATIONS.filter((m) => m.countyCode === countyCode);

export interface Layout {
  /** Works per county. */
  counts: Map<string, number>;
  /** Works per city that can hold a car park (all but metro stations). */
  parkable: Map<string, number>;
}

export function layOut(regions: readonly RegionRow[], scale: number): Layout {
  const counts = new Map<string, number>();
  const parkable = new Map<string, number>();
  for (const city of regions.filter((r) => r.level === "CITY")) {
    const counties = regions.filter((r) => r.parentCode === city.code);
    const perCounty = split(Math.round(WORKS_AT_SCALE_1 * scale * cityProfile(city.code).weight), counties);
    let n = 0;
    for (const [i, c] of counties.entries()) {
      counts.set(c.code, perCounty[i]);
      n += perCounty[i] - Math.min(perCounty[i], metroStationsOf(c.code).length);
    }
    parkable.set(city.code, n);
  }
  return { counts, parkable };
}

/** Splits a city's works over its counties: urban districts weigh 3, county-level cities 1.2, counties 1. */
function split(total: number, counties: readonly RegionRow[]): number[] {
  const weights = counties.map((c) => (c.name.endsWith("区") ? 3 : c.name.endsWith("市") ? 1.2 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map((x) => Math.max(1, Math.floor(x)));
  // Largest remainders first, so the counts add up to the total.
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

/**
 * Gives each planned parking opening of a city to a random work of the city (never a metro
 * station): the result holds, per county, the opening of each work index, if any. The campaign
 * years' openings come first in each plan, so if a tiny scale has fewer works than openings,
 * the ones dropped are outside the campaign.
 */
export function assignSlots(
  rand: Rand,
  regions: readonly RegionRow[],
  counts: Map<string, number>,
  slots: Map<string, Slot[]>,
): Map<string, (Slot | undefined)[]> {
  const out = new Map<string, (Slot | undefined)[]>();
  for (const city of regions.filter((r) => r.level === "CITY")) {
    const places: [string, number][] = [];
    for (const county of regions.filter((r) => r.parentCode === city.code)) {
      const n = counts.get(county.code)!;
      out.set(county.code, new Array(n).fill(undefined));
      for (let i = Math.min(n, metroStationsOf(county.code).length); i < n; i++) places.push([county.code, i]);
    }
    rand.shuffle(places);
    const plan = slots.get(city.code) ?? [];
    for (let i = 0; i < Math.min(plan.length, places.length); i++) {
      const [county, index] = places[i];
      out.get(county)![index] = plan[i];
    }
  }
  return out;
}
