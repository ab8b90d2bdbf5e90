// The demo dataset (SPEC §7): fills an empty database with the real Jiangxi regions and offices,
// a few thousand works × scale, their hazards and closed loops, the campaign, targets, reports,
// duty rosters, patrols and incidents. Deterministic: the same scale and the same calendar date
// of `today` (Asia/Shanghai) give the same rows, on SQLite and PostgreSQL alike.
//
// Memory stays bounded at large scales: reference data is written first, then each county's
// works, hazards, events and patrols are generated and written in their own transaction.
import type { Db, Tx } from "../db.ts";
import { buildCampaign } from "./campaign.ts";
import { cityProfile, METRO_STATIONS } from "./cities.ts";
import { planDrills, realizeDrills } from "./drills.ts";
import { buildDuty, buildIncidents, type IncidentSite } from "./duty.ts";
import {
  type Actors,
  finalizeHazards,
  type HazardDraft,
  type HazardSeed,
  hazardSeedsFor,
  simulateHazard,
} from "./hazards.ts";
import { addressTowns } from "./names.ts";
import { buildDirectory } from "./orgs.ts";
import { planParking, type Slot } from "./parking.ts";
import { type PatrolBatch, patrolsFor } from "./patrols.ts";
import { Rand } from "./rand.ts";
import { jiangxiRegions, type RegionRow, townsOf } from "./regions.ts";
import { generateShelters } from "./shelters.ts";
import { Ids, Inserter, type Provider, providerOfClient, Sequences } from "./sql.ts";
import { type SuspensionRow, suspensionFor } from "./suspensions.ts";
import { dayOf, isoDay, localDayOf } from "./time.ts";

export interface SeedOptions {
  /** Multiplies works, hazards, patrols and incidents (100 ≈ 1,000,000 hazards). @default 1 */
  scale?: number;
  /** The dataset's "today": hazards, reports and rosters are generated up to it. @default now */
  today?: Date;
  /** Receives progress lines and the final summary. @default silent */
  log?: (line: string) => void;
}

export interface SeedSummary {
  provider: Provider;
  scale: number;
  /** Calendar date (Asia/Shanghai) the dataset was generated for. */
  today: string;
  ms: number;
  /** Rows written per table. */
  counts: Record<string, number>;
}

/** Works per city at scale 1 (times the city's weight). */
const WORKS_AT_SCALE_1 = 3000;
const TX = { maxWait: 60_000, timeout: 3_600_000 };

export async function seedDemo(prisma: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000)
    throw new Error(`seed: scale must be > 0 and ≤ 1000, got ${scale}`);
  const todayDay = localDayOf(options.today ?? new Date());
  if (todayDay < dayOf(2020, 7, 1))
    throw new Error(
      `seed: today must be on or after 2020-07-01 (the campaign's checks start in June 2020), got ${isoDay(todayDay)}`,
    );
  const log = options.log ?? (() => {});
  const provider = providerOfClient(prisma);
  await assertEmpty(prisma);

  const ins = new Inserter(provider);
  const ids = new Ids();
  const seq = new Sequences();
  const root = new Rand("renfang-demo");

  const regions = jiangxiRegions();
  const cities = regions.filter((r) => r.level === "CITY");
  const countiesOf = (cityCode: string) => regions.filter((r) => r.parentCode === cityCode);
  const dir = buildDirectory(root.child("organizations"), ids, regions);
  const campaign = buildCampaign(root.child("campaign"), dir, ids, seq, todayDay);
  const drills = planDrills(root.child("drills"), dir, regions, ids, seq, todayDay);

  // How many works each county gets, and which of them open a car park when.
  const counts = new Map<string, number>();
  const eligible = new Map<string, number>();
  for (const city of cities) {
    const counties = countiesOf(city.code);
    const perCounty = split(Math.round(WORKS_AT_SCALE_1 * scale * cityProfile(city.code).weight), counties);
    for (const [i, c] of counties.entries()) counts.set(c.code, perCounty[i]);
    eligible.set(city.code, perCounty.reduce((a, b) => a + b, 0) - metroCount(counties, perCounty));
  }
  const parking = planParking(root.child("parking"), scale, todayDay, eligible);
  const slotsByCounty = assignSlots(root.child("parking-assignment"), cities, countiesOf, counts, parking.slots);

  await prisma.$transaction(async (tx) => {
    await ins.insert(
      tx,
      "Region",
      regions.map((r) => ({ ...r })),
    );
    await ins.insert(tx, "Organization", dir.orgs);
    await ins.insert(tx, "Person", dir.people);
    await ins.insert(tx, "Campaign", campaign.campaign);
    await ins.insert(tx, "CampaignPhase", campaign.phases);
    await ins.insert(tx, "ReportingDeadline", campaign.deadlines);
    await ins.insert(tx, "StageReport", campaign.stageReports);
    await ins.insert(tx, "Target", campaign.targets);
    await ins.insert(tx, "Measure", campaign.measures);
    await ins.insert(tx, "ResponsibilityLetter", campaign.letters);
  }, TX);
  log(`seed: regions, ${dir.orgs.length} organizations, ${dir.people.length} people, campaign`);

  const sites: IncidentSite[] = [];
  for (const city of cities) {
    for (const county of countiesOf(city.code)) {
      await prisma.$transaction((tx) => seedCounty(tx, county, city), TX);
    }
    log(`seed: ${city.name} done (${ins.counts.Shelter ?? 0} works, ${ins.counts.Hazard ?? 0} hazards so far)`);
  }

  async function seedCounty(tx: Tx, county: RegionRow, city: RegionRow): Promise<void> {
    const rand = root.child(`county-${county.code}`);
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
      count: counts.get(county.code)!,
      slots: slotsByCounty.get(county.code)!,
      metro: METRO_STATIONS.filter((m) => m.countyCode === county.code),
      towns: addressTowns(townsOf(city.name, county.name)),
      dir,
      ids,
      seq,
      todayDay,
    });
    const countyDrills = drills.filter((d) => d.row.regionCode === county.code);
    const seeds: HazardSeed[] = realizeDrills(rand, countyDrills, shelters, actors);
    const patrols: PatrolBatch = { patrols: [], items: [], hazards: [] };
    for (const s of shelters) {
      seeds.push(...hazardSeedsFor(rand, s, actors));
      patrolsFor(rand, s, actors, ids, seq, patrols);
    }
    seeds.push(...patrols.hazards);
    const drafts = seeds.map((seed) => simulateHazard(rand, seed, actors));
    const { hazards, events } = finalizeHazards(drafts, ids, seq);

    const byShelter = new Map<number, HazardDraft[]>();
    for (const d of drafts) {
      const list = byShelter.get(d.row.shelterId) ?? [];
      list.push(d);
      byShelter.set(d.row.shelterId, list);
    }
    const suspensions: SuspensionRow[] = [];
    for (const s of shelters) {
      const own = byShelter.get(s.row.id) ?? [];
      s.row.openHazardCount = own.filter((d) => d.row.status !== "CLOSED").length;
      for (const d of own) if (d.row.updatedAt > s.row.updatedAt) s.row.updatedAt = d.row.updatedAt;
      const suspension = suspensionFor(rand, s, own, actors, ids);
      if (suspension) suspensions.push(suspension);
    }
    for (const s of shelters.filter((x) => x.active).slice(0, 2)) {
      sites.push({ shelterId: s.row.id, name: s.row.name, countyCode: county.code, cityCode: city.code });
    }

    await ins.insert(
      tx,
      "Shelter",
      shelters.map((s) => s.row),
    );
    await ins.insert(
      tx,
      "Drill",
      countyDrills.map((d) => d.row),
    );
    await ins.insert(tx, "Patrol", patrols.patrols);
    await ins.insert(tx, "PatrolItem", patrols.items, 1000);
    await ins.insert(tx, "Hazard", hazards);
    await ins.insert(tx, "HazardEvent", events, 1000);
    await ins.insert(tx, "Suspension", suspensions);
  }

  const duty = buildDuty(root.child("duty"), dir, ids, todayDay);
  const incidents = buildIncidents(root.child("incidents"), dir, ids, seq, todayDay, scale, sites, duty.shifts);
  await prisma.$transaction(async (tx) => {
    await ins.insert(tx, "DutyShift", duty.shifts);
    await ins.insert(tx, "DutyAssignment", duty.assignments);
    await ins.insert(tx, "IncidentReport", incidents);
    // The application's code generator continues each prefix after the seeded numbers.
    await ins.insert(tx, "CodeSequence", seq.rows(), 1000);
  }, TX);
  await ins.resetSequences(prisma, ids.tables());

  const summary: SeedSummary = {
    provider,
    scale,
    today: isoDay(todayDay),
    ms: Math.round(performance.now() - started),
    counts: { ...ins.counts },
  };
  log(`seed: ${Math.round(ins.ms)} ms writing`);
  for (const line of formatSummary(summary).split("\n")) log(line);
  return summary;
}

export function formatSummary(s: SeedSummary): string {
  const total = Object.values(s.counts).reduce((a, b) => a + b, 0);
  const lines = [
    `seeded demo dataset on ${s.provider} (scale ${s.scale}, today ${s.today}) in ${(s.ms / 1000).toFixed(1)} s: ${total.toLocaleString("en-US")} rows`,
  ];
  for (const [table, n] of Object.entries(s.counts))
    lines.push(`  ${table.padEnd(22)}${n.toLocaleString("en-US").padStart(12)}`);
  return lines.join("\n");
}

async function assertEmpty(prisma: Db): Promise<void> {
  const [shelters, organizations, regions] = await Promise.all([
    prisma.shelter.count(),
    prisma.organization.count(),
    prisma.region.count(),
  ]);
  if (shelters + organizations + regions > 0) {
    throw new Error(
      `seed: the demo dataset needs an empty database, but this one already has ${shelters} shelters, ${organizations} organizations and ${regions} regions`,
    );
  }
}

/** Splits a city's works over its counties: urban districts weigh 3, county-level cities 1.2, counties 1. */
function split(total: number, counties: RegionRow[]): number[] {
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

function metroCount(counties: RegionRow[], perCounty: number[]): number {
  return counties.reduce(
    (n, c, i) => n + Math.min(perCounty[i], METRO_STATIONS.filter((m) => m.countyCode === c.code).length),
    0,
  );
}

/**
 * Gives each planned parking opening of a city to a random work of the city (never a metro
 * station). Campaign-year openings come first in each plan, so if a tiny scale has fewer works
 * than openings, the ones dropped are outside the campaign.
 */
function assignSlots(
  rand: Rand,
  cities: RegionRow[],
  countiesOf: (cityCode: string) => RegionRow[],
  counts: Map<string, number>,
  slots: Map<string, Slot[]>,
): Map<string, (Slot | undefined)[]> {
  const out = new Map<string, (Slot | undefined)[]>();
  for (const city of cities) {
    const places: [string, number][] = [];
    for (const county of countiesOf(city.code)) {
      const n = counts.get(county.code)!;
      out.set(county.code, new Array(n).fill(undefined));
      const metro = Math.min(n, METRO_STATIONS.filter((m) => m.countyCode === county.code).length);
      for (let i = metro; i < n; i++) places.push([county.code, i]);
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
