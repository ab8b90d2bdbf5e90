// One county's share of the dataset, generated as a unit so memory stays bounded at any scale:
// its works, the drills held there, patrols, hazards with their histories, suspensions.

import { cityProfile } from "./cities.ts";
import type { DrillPlan } from "./drills.ts";
import { realizeDrills } from "./drills.ts";
import type { IncidentSite } from "./duty.ts";
import {
  type Actors,
  finalizeHazards,
  type HazardDraft,
  type HazardSeed,
  hazardSeedsFor,
  simulateHazard,
} from "./hazards.ts";
import { metroStationsOf } from "./layout.ts";
import { addressTowns } from "./names.ts";
import type { Directory } from "./orgs.ts";
import type { Slot } from "./parking.ts";
import { type PatrolBatch, patrolsFor } from "./patrols.ts";
import type { Rand } from "./rand.ts";
import { type RegionRow, townsOf } from "./regions.ts";
import { generateShelters } from "./shelters.ts";
import type { Ids, Sequences } from "./sql.ts";
import { type SuspensionRow, suspensionFor } from "./suspensions.ts";
import type { Insert } from "./writer.ts";

export interface CountyContext {
  rand: Rand;
  county: RegionRow;
  city: RegionRow;
  count: number;
  slots: (Slot | undefined)[];
  drills: DrillPlan[];
  dir: Directory;
  ids: Ids;
  seq: Sequences;
  todayDay: number;
}

/** Generates and writes one county; returns a couple of its works for incident reports. */
export async function seedCounty(insert: Insert, c: CountyContext): Promise<IncidentSite[]> {
  const { rand, county, city, dir, ids, seq, todayDay } = c;
  const actors: Actors = {
    county: dir.countyOffices.get(county.code)!,
    city: dir.cityOffices.get(city.code)!,
    todayDay,
  };
  const shelters = generateShelters({
    rand,
    county,
    city,
    profile: cityProfile(city.code),
    count: c.count,
    slots: c.slots,
    metro: metroStationsOf(county.code),
    towns: addressTowns(townsOf(city.name, county.name)),
    dir,
    ids,
    seq,
    todayDay,
  });

  const seeds: HazardSeed[] = realizeDrills(rand, c.drills, shelters, actors);
  const patrols: PatrolBatch = { patrols: [], items: [], hazards: [] };
  for (const s of shelters) {
    seeds.push(...hazardSeedsFor(rand, s, actors));
    patrolsFor(rand, s, actors, ids, seq, patrols);
  }
  seeds.push(...patrols.hazards);
  const drafts = seeds.map((seed) => simulateHazard(rand, seed, actors));
  const { hazards, events } = finalizeHazards(drafts, ids, seq);

  // What each work's hazards leave behind: open count, last change, a suspension.
  const byShelter = new Map<number, HazardDraft[]>();
  for (const d of drafts) {
    const list = byShelter.get(d.row.shelterId);
    if (list) list.push(d);
    else byShelter.set(d.row.shelterId, [d]);
  }
  const suspensions: SuspensionRow[] = [];
  for (const s of shelters) {
    const own = byShelter.get(s.row.id) ?? [];
    s.row.openHazardCount = own.filter((d) => d.row.status !== "CLOSED").length;
    for (const d of own) if (d.row.updatedAt > s.row.updatedAt) s.row.updatedAt = d.row.updatedAt;
    const suspension = suspensionFor(rand, s, own, actors, ids);
    if (suspension) suspensions.push(suspension);
  }

  await insert(
    "Shelter",
    shelters.map((s) => s.row),
  );
  await insert(
    "Drill",
    c.drills.map((d) => d.row),
  );
  await insert("Patrol", patrols.patrols);
  await insert("PatrolItem", patrols.items);
  await insert("Hazard", hazards);
  await insert("HazardEvent", events);
  await insert("Suspension", suspensions);

  return shelters
    .filter((s) => s.active)
    .slice(0, 2)
    .map((s) => ({ shelterId: s.row.id, name: s.row.name, countyCode: county.code, cityCode: city.code }));
}
