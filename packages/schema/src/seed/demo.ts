// The demo dataset (SPEC §7): fills an empty database with the real Jiangxi regions and offices,
// a few thousand works × scale, their hazards and closed loops, the campaign, targets, reports,
// duty rosters, patrols and incidents. Deterministic: the same scale and the same calendar date
// of `today` (Asia/Shanghai) give the same rows, on SQLite and PostgreSQL alike.
//
// Memory stays bounded at large scales: reference data is written first, then each county is
// generated and written in its own transaction.
import type { Db } from "../db.ts";
import { buildCampaign } from "./campaign.ts";
import { seedCounty } from "./county.ts";
import { planDrills } from "./drills.ts";
import { buildDuty, buildIncidents, type IncidentSite } from "./duty.ts";
import { assignSlots, layOut } from "./layout.ts";
import { buildDirectory } from "./orgs.ts";
import { planParking } from "./parking.ts";
import { Rand } from "./rand.ts";
import { jiangxiRegions } from "./regions.ts";
import { Ids, type Provider, Sequences } from "./sql.ts";
import { dayOf, isoDay, localDayOf } from "./time.ts";
import { openWriter, type Writer } from "./writer.ts";

export interface SeedOptions {
  /** Multiplies works, hazards, patrols and incidents (100 ≈ 1,000,000 hazards). @default 1 */
  scale?: number;
  /** The dataset's "today": hazards, reports and rosters are generated up to it. @default now */
  today?: Date;
  /** Receives progress lines and the final summary. @default silent */
  log?: (line: string) => void;
  /**
   * The PostgreSQL URL the client was opened with: the seed then writes through its own `pg`
   * connection, about three times less CPU than through Prisma. @default write through Prisma
   */
  url?: string;
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

export async function seedDemo(prisma: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) {
    throw new Error(`seed: scale must be a number > 0 and ≤ 1000, got ${scale}`);
  }
  const todayDay = localDayOf(options.today ?? new Date());
  if (todayDay < dayOf(2020, 7, 1)) {
    throw new Error(
      `seed: today must be 2020-07-01 or later (the campaign's checks start in June 2020), got ${isoDay(todayDay)}`,
    );
  }
  const log = options.log ?? (() => {});
  await assertEmpty(prisma);
  const writer = await openWriter(prisma, options.url);
  let counts: Record<string, number>;
  try {
    counts = await write(writer, scale, todayDay, log);
  } finally {
    await writer.close();
  }
  // On PostgreSQL every hazard written left a dead version of its HazardTally row behind (the
  // tally triggers update one row per hazard, many times within a batch's transaction): at scale
  // 100, 74 MB for 42,000 live rows, and hazardStats' scan of it took 52 ms instead of 13. The
  // bulk load is over, so the table is rewritten compact once.
  if (writer.provider === "postgresql") await prisma.$executeRawUnsafe('VACUUM FULL "HazardTally"');
  // Planner statistics for the tables just filled, before the first query relies on them.
  await prisma.$executeRawUnsafe("ANALYZE");
  const summary: SeedSummary = {
    provider: writer.provider,
    scale,
    today: isoDay(todayDay),
    ms: Math.round(performance.now() - started),
    counts,
  };
  for (const line of formatSummary(summary).split("\n")) log(line);
  return summary;
}

async function write(writer: Writer, scale: number, todayDay: number, log: (line: string) => void) {
  const ids = new Ids();
  const seq = new Sequences();
  const root = new Rand("renfang-demo");

  const regions = jiangxiRegions();
  const dir = buildDirectory(root.child("organizations"), ids, regions);
  const campaign = buildCampaign(root.child("campaign"), dir, ids, seq, todayDay);
  const drills = planDrills(root.child("drills"), dir, regions, ids, seq, todayDay);
  const layout = layOut(regions, scale);
  const parking = planParking(root.child("parking"), scale, todayDay, layout.parkable);
  const slots = assignSlots(root.child("parking-assignment"), regions, layout.counts, parking.slots);

  await writer.transaction(async (insert) => {
    await insert("Region", regions);
    await insert("Organization", dir.orgs);
    await insert("Person", dir.people);
    await insert("Campaign", campaign.campaign);
    await insert("CampaignPhase", campaign.phases);
    await insert("ReportingDeadline", campaign.deadlines);
    await insert("StageReport", campaign.stageReports);
    await insert("Target", campaign.targets);
    await insert("Measure", campaign.measures);
    await insert("ResponsibilityLetter", campaign.letters);
  });
  log(`seed: ${regions.length} regions, ${dir.orgs.length} organizations, ${dir.people.length} people, the campaign`);

  const sites: IncidentSite[] = [];
  for (const city of regions.filter((r) => r.level === "CITY")) {
    for (const county of regions.filter((r) => r.parentCode === city.code)) {
      await writer.transaction(async (insert) => {
        const context = {
          rand: root.child(`county-${county.code}`),
          county,
          city,
          count: layout.counts.get(county.code)!,
          slots: slots.get(county.code)!,
          drills: drills.filter((d) => d.row.regionCode === county.code),
          dir,
          ids,
          seq,
          todayDay,
        };
        sites.push(...(await seedCounty(insert, context)));
      });
    }
    log(`seed: ${city.name} done (${writer.counts.Shelter ?? 0} works, ${writer.counts.Hazard ?? 0} hazards so far)`);
  }

  const duty = buildDuty(root.child("duty"), dir, ids, todayDay);
  const incidents = buildIncidents(root.child("incidents"), dir, ids, seq, todayDay, scale, sites, duty);
  await writer.transaction(async (insert) => {
    await insert("DutyShift", duty.shifts);
    await insert("DutyAssignment", duty.assignments);
    await insert("IncidentReport", incidents);
    // The application's code generator continues each prefix after the seeded numbers.
    await insert("CodeSequence", seq.rows());
  });
  await writer.afterIds(ids.tables());
  return { ...writer.counts };
}

export function formatSummary(s: SeedSummary): string {
  const total = Object.values(s.counts).reduce((a, b) => a + b, 0);
  const lines = [
    `seeded demo dataset on ${s.provider} (scale ${s.scale}, today ${s.today}) in ${(s.ms / 1000).toFixed(1)} s: ${thousands(total)} rows`,
  ];
  for (const [table, n] of Object.entries(s.counts)) lines.push(`  ${table.padEnd(22)}${thousands(n).padStart(12)}`);
  return lines.join("\n");
}

/** 1234567 → "1,234,567" (toLocaleString loads ICU data: ~0.1 s on first use). */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ",");

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
