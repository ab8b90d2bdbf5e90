// The demo dataset (SPEC §7): real Jiangxi regions, deterministic, internally consistent
// (every hazard's history replays to its status), campaign-like parking numbers, on SQLite and
// — when TEST_DATABASE_URL is set — PostgreSQL.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/db.ts";
import { jiangxiRegions, type SeedSummary, seedDemo } from "../src/seed/index.ts";
import { type FreshDatabase, freshDatabase, testProviders } from "./helpers/fresh-database.ts";

/** After the campaign, so its three parking years are complete. */
const TODAY = new Date("2024-06-15T04:00:00Z");
const TODAY_DATE = new Date("2024-06-15T00:00:00Z");
const CITY_NAMES = [
  "南昌市",
  "景德镇市",
  "萍乡市",
  "九江市",
  "新余市",
  "鹰潭市",
  "赣州市",
  "吉安市",
  "宜春市",
  "抚州市",
  "上饶市",
];

/** A hash of the rows that must not change between two seeds with the same `today`. */
async function fingerprint(prisma: Db): Promise<string> {
  const hash = createHash("sha256");
  for (const s of await prisma.shelter.findMany({
    orderBy: { id: "asc" },
    select: { code: true, name: true, address: true, parkingSpaces: true, status: true },
  })) {
    hash.update(`${s.code}|${s.name}|${s.address}|${s.parkingSpaces}|${s.status}\n`);
  }
  for (const h of await prisma.hazard.findMany({
    orderBy: { id: "asc" },
    select: { code: true, title: true, status: true, version: true, deadline: true },
  })) {
    hash.update(`${h.code}|${h.title}|${h.status}|${h.version}|${h.deadline?.toISOString()}\n`);
  }
  for (const p of await prisma.person.findMany({
    orderBy: { id: "asc" },
    select: { code: true, name: true, phone: true },
  })) {
    hash.update(`${p.code}|${p.name}|${p.phone}\n`);
  }
  return hash.digest("hex");
}

const fingerprints = new Map<string, string>();

describe("jiangxiRegions", () => {
  const regions = jiangxiRegions();

  it("has the province, its 11 cities by their real names and ~100 county-level divisions", () => {
    expect(regions.filter((r) => r.level === "PROVINCE")).toEqual([
      { code: "360000", name: "江西省", level: "PROVINCE", parentCode: null, cityCode: null, provinceCode: "360000" },
    ]);
    const cities = regions.filter((r) => r.level === "CITY");
    expect(cities.map((c) => c.name)).toEqual(CITY_NAMES);
    expect(cities.map((c) => c.code)).toEqual([
      "360100",
      "360200",
      "360300",
      "360400",
      "360500",
      "360600",
      "360700",
      "360800",
      "360900",
      "361000",
      "361100",
    ]);
    const counties = regions.filter((r) => r.level === "COUNTY");
    expect(counties.length).toBeGreaterThanOrEqual(95);
    expect(counties.length).toBeLessThanOrEqual(105);
    for (const c of counties) {
      expect(c.code).toMatch(/^36\d{4}$/);
      expect(c.parentCode).toBe(`${c.code.slice(0, 4)}00`);
      expect(c.cityCode).toBe(c.parentCode);
    }
    expect(counties.find((c) => c.code === "360102")?.name).toBe("东湖区");
  });
});

describe.each(testProviders())("seedDemo on %s", (provider) => {
  let fresh: FreshDatabase;
  let prisma: Db;
  let summary: SeedSummary;

  beforeAll(async () => {
    fresh = await freshDatabase(provider);
    prisma = fresh.db.prisma;
    // On PostgreSQL through its own connection (the fast path); the determinism test below
    // seeds through Prisma and compares.
    summary = await seedDemo(prisma, { today: TODAY, url: provider === "postgresql" ? fresh.url : undefined });
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it("reports what it wrote", async () => {
    expect(summary.provider).toBe(provider);
    expect(summary.today).toBe("2024-06-15");
    expect(summary.counts.Shelter).toBe(await prisma.shelter.count());
    expect(summary.counts.Hazard).toBe(await prisma.hazard.count());
    expect(summary.counts.Shelter).toBeGreaterThan(2500);
    expect(summary.counts.Shelter).toBeLessThan(3500);
    expect(summary.counts.Hazard).toBeGreaterThan(8000);
    expect(summary.counts.Hazard).toBeLessThan(12000);
  });

  it.runIf(provider === "postgresql")("leaves HazardTally compact after the bulk load", async () => {
    // The tally triggers leave a dead row version per hazard written; the seed rewrites the table
    // once it is done, so it takes no more pages than a fresh copy of its rows.
    await prisma.$executeRawUnsafe('CREATE TABLE "TallyCopy" AS SELECT * FROM "HazardTally"');
    const [sizes] = await prisma.$queryRawUnsafe<{ seeded: bigint; copy: bigint }[]>(
      `SELECT pg_relation_size('"HazardTally"') AS seeded, pg_relation_size('"TallyCopy"') AS copy`,
    );
    await prisma.$executeRawUnsafe('DROP TABLE "TallyCopy"');
    expect(Number(sizes.seeded)).toBeLessThanOrEqual(Number(sizes.copy) * 1.1);
  });

  it("refuses a database that already has data", async () => {
    await expect(seedDemo(prisma, { today: TODAY })).rejects.toThrow(/empty database/);
  });

  it("stores the real regions and an office for each", async () => {
    const cities = await prisma.region.findMany({ where: { level: "CITY" }, orderBy: { code: "asc" } });
    expect(cities.map((c) => c.name)).toEqual(CITY_NAMES);
    const counties = await prisma.region.count({ where: { level: "COUNTY" } });
    expect(counties).toBe(100);
    const offices = await prisma.organization.findMany({ where: { kind: "CIVIL_AIR_DEFENSE_OFFICE" } });
    expect(offices).toHaveLength(1 + 11 + counties);
    expect(offices.find((o) => o.regionCode === "360100")?.name).toBe("南昌市人民防空办公室");
    const leaders = await prisma.person.groupBy({ by: ["organizationId"], where: { isLeader: true }, _count: true });
    expect(leaders.length).toBeGreaterThanOrEqual(offices.length);
  });

  it("gives unique, well-formed codes that match their rows", async () => {
    const shelters = await prisma.shelter.findMany({
      select: {
        code: true,
        regionCode: true,
        cityCode: true,
        provinceCode: true,
        latitude: true,
        longitude: true,
        parkingOpenedOn: true,
        parkingOpenedYear: true,
        parkingSpaces: true,
        peacetimeUse: true,
      },
    });
    const counties = new Map((await prisma.region.findMany({ where: { level: "COUNTY" } })).map((r) => [r.code, r]));
    for (const s of shelters) {
      expect(s.code).toMatch(new RegExp(`^RF-${s.regionCode}-\\d{4,}$`));
      expect(s.cityCode).toBe(counties.get(s.regionCode)?.parentCode);
      expect(s.provinceCode).toBe("360000");
      expect(s.latitude).toBeGreaterThanOrEqual(24.5);
      expect(s.latitude).toBeLessThanOrEqual(30.1);
      expect(s.longitude).toBeGreaterThanOrEqual(113.5);
      expect(s.longitude).toBeLessThanOrEqual(118.5);
      expect(s.parkingOpenedYear).toBe(s.parkingOpenedOn ? s.parkingOpenedOn.getUTCFullYear() : null);
      expect(s.parkingSpaces > 0).toBe(s.peacetimeUse === "PARKING");
    }
    const hazards = await prisma.hazard.findMany({ select: { code: true, countyCode: true, discoveredOn: true } });
    const last = new Map<string, number>();
    for (const h of hazards) {
      const m = /^(YH-(\d{4})-(\d{6}))-(\d{4,})$/.exec(h.code);
      expect(m, h.code).not.toBeNull();
      expect(Number(m![2])).toBe(h.discoveredOn.getUTCFullYear());
      expect(m![3]).toBe(h.countyCode);
      last.set(m![1], Math.max(last.get(m![1]) ?? 0, Number(m![4])));
    }
    // The application's code generator continues after the seeded numbers.
    const sequences = new Map(
      (await prisma.codeSequence.findMany({ where: { prefix: { startsWith: "YH-" } } })).map((s) => [
        s.prefix,
        s.value,
      ]),
    );
    expect(sequences).toEqual(last);
  });

  it("replays every hazard's history to its status, with version = number of events", async () => {
    const allowed: Record<string, string[]> = {
      REPORT: ["null>REPORTED", "null>PENDING_ACCEPTANCE"],
      ASSIGN: ["REPORTED>RECTIFYING"],
      SUBMIT: ["RECTIFYING>PENDING_ACCEPTANCE"],
      REJECT: ["PENDING_ACCEPTANCE>RECTIFYING"],
      ACCEPT: ["PENDING_ACCEPTANCE>CLOSED"],
      ESCALATE: ["RECTIFYING>RECTIFYING"],
    };
    const hazards = await prisma.hazard.findMany({ orderBy: { id: "asc" } });
    const events = await prisma.hazardEvent.findMany({ orderBy: [{ hazardId: "asc" }, { id: "asc" }] });
    const byHazard = new Map<number, typeof events>();
    for (const e of events) byHazard.set(e.hazardId, [...(byHazard.get(e.hazardId) ?? []), e]);
    const bad: string[] = [];
    for (const h of hazards) {
      const history = byHazard.get(h.id) ?? [];
      let status: string | null = null;
      let at = 0;
      for (const e of history) {
        if (e.fromStatus !== status || !allowed[e.action].includes(`${e.fromStatus}>${e.toStatus}`))
          bad.push(`${h.code}: ${e.action} ${e.fromStatus}>${e.toStatus} after ${status}`);
        if (e.at.getTime() <= at) bad.push(`${h.code}: events out of order`);
        if (!/^P-\d{6}$/.test(e.actor) || !e.actorName) bad.push(`${h.code}: actor ${e.actor}`);
        expect(Array.isArray(JSON.parse(e.evidence))).toBe(true);
        status = e.toStatus;
        at = e.at.getTime();
      }
      if (history[0]?.action !== "REPORT") bad.push(`${h.code}: does not start with REPORT`);
      if (history[0]?.toStatus === "PENDING_ACCEPTANCE" && !h.fixedOnSite)
        bad.push(`${h.code}: straight to acceptance without 立查立改`);
      if (status !== h.status) bad.push(`${h.code}: history ends in ${status}, row says ${h.status}`);
      if (history.length !== h.version) bad.push(`${h.code}: version ${h.version}, ${history.length} events`);
      // Five in place once rectification is assigned (funds and contingency plan for MAJOR).
      if (h.status !== "REPORTED") {
        if (!h.deadline || !h.measures || !h.responsibleUnitId || !h.responsiblePerson || !h.responsiblePhone)
          bad.push(`${h.code}: five-in-place missing`);
        if (h.level === "MAJOR" && (h.funds === null || !h.contingencyPlan))
          bad.push(`${h.code}: MAJOR without funds or contingency plan`);
      } else if (h.deadline) bad.push(`${h.code}: REPORTED with a deadline`);
      if ((h.status === "CLOSED") !== (h.closedOn !== null)) bad.push(`${h.code}: closedOn`);
      if ((h.status === "CLOSED" || h.status === "PENDING_ACCEPTANCE") !== (h.rectifiedOn !== null))
        bad.push(`${h.code}: rectifiedOn`);
      if (h.discoveredOn.getTime() >= TODAY_DATE.getTime()) bad.push(`${h.code}: discovered in the future`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it("has hazards in every state, some overdue and some of those major and escalated", async () => {
    const byStatus = await prisma.hazard.groupBy({ by: ["status"], _count: true });
    expect(byStatus.map((g) => g.status).sort()).toEqual(["CLOSED", "PENDING_ACCEPTANCE", "RECTIFYING", "REPORTED"]);
    const total = await prisma.hazard.count();
    const closed = byStatus.find((g) => g.status === "CLOSED")!._count;
    expect(closed / total).toBeGreaterThan(0.6);
    const major = await prisma.hazard.count({ where: { level: "MAJOR" } });
    expect(major / total).toBeGreaterThan(0.06);
    expect(major / total).toBeLessThan(0.15);
    expect((await prisma.hazard.groupBy({ by: ["source"], _count: true })).length).toBe(6);
    expect((await prisma.hazard.groupBy({ by: ["category"], _count: true })).length).toBe(10);
    const overdue = await prisma.hazard.findMany({
      where: { status: { in: ["REPORTED", "RECTIFYING"] }, deadline: { lt: TODAY_DATE } },
    });
    expect(overdue.length).toBeGreaterThan(50);
    const overdueMajor = overdue.filter((h) => h.level === "MAJOR");
    expect(overdueMajor.length).toBeGreaterThan(5);
    for (const h of overdueMajor) {
      expect(h.escalatedAt, h.code).not.toBeNull();
      expect(h.escalatedToCode).toBe(h.cityCode);
    }
    expect(await prisma.hazard.count({ where: { source: "PATROL", patrolId: null } })).toBe(0);
    expect(await prisma.hazard.count({ where: { source: "DRILL", drillId: null } })).toBe(0);
  });

  it("keeps each work's open-hazard count and suspension consistent with its hazards", async () => {
    const open = await prisma.hazard.groupBy({ by: ["shelterId"], where: { status: { not: "CLOSED" } }, _count: true });
    const openBy = new Map(open.map((g) => [g.shelterId, g._count]));
    const shelters = await prisma.shelter.findMany({
      select: { id: true, code: true, status: true, openHazardCount: true },
    });
    for (const s of shelters) expect(s.openHazardCount, s.code).toBe(openBy.get(s.id) ?? 0);

    const suspensions = await prisma.suspension.findMany({ include: { hazard: true, shelter: true } });
    const active = suspensions.filter((s) => s.status === "ACTIVE");
    expect(active.length).toBeGreaterThan(5);
    expect(suspensions.some((s) => s.status === "LIFTED")).toBe(true);
    for (const s of active) {
      expect(s.shelter.status).toBe("SUSPENDED");
      expect(s.hazard?.level).toBe("MAJOR");
      expect(s.hazard?.status).not.toBe("CLOSED");
    }
    expect(shelters.filter((s) => s.status === "SUSPENDED").length).toBe(active.length);
    for (const s of suspensions.filter((x) => x.status === "LIFTED")) {
      const openMajors = await prisma.hazard.count({
        where: { shelterId: s.shelterId, level: "MAJOR", status: { not: "CLOSED" } },
      });
      expect(openMajors).toBe(0);
    }
  });

  it("splits each year's parking target over the cities and lands near it, not on it", async () => {
    for (const [year, target] of [
      [2020, 30000],
      [2021, 30000],
      [2022, 40000],
    ]) {
      const rows = await prisma.target.findMany({ where: { metric: "NEW_PARKING_SPACES", year } });
      const province = rows.find((r) => r.regionCode === "360000");
      expect(province?.value).toBe(target);
      const cities = rows.filter((r) => r.regionCode !== "360000");
      expect(cities).toHaveLength(11);
      expect(cities.reduce((a, r) => a + r.value, 0)).toBe(target);
      expect(Math.max(...cities.map((c) => c.value))).toBe(cities.find((c) => c.regionCode === "360100")?.value);
      const actual = await prisma.shelter.aggregate({
        where: { parkingOpenedYear: year },
        _sum: { parkingSpaces: true },
      });
      const spaces = actual._sum.parkingSpaces ?? 0;
      expect(spaces, `${year}`).not.toBe(target);
      expect(Math.abs(spaces - target) / target, `${year}: ${spaces}`).toBeLessThan(0.1);
    }
    expect(await prisma.shelter.count({ where: { parkingOpenedYear: { lt: 2020 } } })).toBeGreaterThan(100);
    expect(await prisma.shelter.count({ where: { parkingOpenedYear: { gt: 2022 } } })).toBeGreaterThan(50);
    const metrics = await prisma.target.groupBy({ by: ["metric"], _count: true });
    expect(metrics.map((m) => m.metric).sort()).toEqual([
      "CENSUS_COVERAGE",
      "EARLY_WORK_SURVEY_COVERAGE",
      "HAZARD_CLOSURE_RATE",
      "NEW_PARKING_SPACES",
    ]);
  });

  it("has the campaign with its phases, deadlines and stage reports on time, late and missing", async () => {
    const campaign = await prisma.campaign.findUnique({
      where: { code: "JX-RF-2020-2022" },
      include: {
        phases: { orderBy: { ordinal: "asc" } },
        deadlines: { include: { reports: true }, orderBy: { dueOn: "asc" } },
      },
    });
    expect(campaign?.phases.map((p) => p.name)).toEqual(["动员部署", "排查整治", "集中攻坚", "巩固提升"]);
    expect(campaign?.deadlines.map((d) => d.dueOn.toISOString().slice(0, 10))).toEqual([
      "2020-09-30",
      "2020-12-31",
      "2021-03-31",
      "2021-06-30",
      "2021-09-30",
      "2021-12-31",
    ]);
    expect(campaign?.deadlines.map((d) => d.reports.length)).toEqual([12, 12, 15, 15, 15, 15]);
    const reports = campaign!.deadlines.flatMap((d) =>
      d.reports.map((r) => ({ due: d.dueOn.getTime(), at: r.submittedAt?.getTime() })),
    );
    expect(reports.some((r) => r.at === undefined)).toBe(true);
    expect(reports.some((r) => r.at !== undefined && r.at > r.due + 86_400_000)).toBe(true);
    expect(reports.filter((r) => r.at !== undefined && r.at < r.due + 86_400_000).length).toBeGreaterThan(
      reports.length / 2,
    );
  });

  it("has this week's duty roster with no one on two overlapping shifts", async () => {
    const shifts = await prisma.dutyShift.findMany({ include: { officers: true, leader: true } });
    expect(shifts).toHaveLength(12 * 7 * 2);
    const monday = new Date("2024-06-10T00:00:00Z").getTime();
    const busy = new Map<number, [number, number][]>();
    for (const s of shifts) {
      expect(s.date.getTime()).toBeGreaterThanOrEqual(monday);
      expect(s.date.getTime()).toBeLessThan(monday + 7 * 86_400_000);
      expect(s.leader.isLeader).toBe(true);
      expect(s.leader.organizationId).toBe(s.organizationId);
      expect(s.officers.length).toBeGreaterThanOrEqual(1);
      for (const id of [s.leaderId, ...s.officers.map((o) => o.personId)]) {
        for (const [a, b] of busy.get(id) ?? [])
          expect(s.startsAt.getTime() >= b || s.endsAt.getTime() <= a).toBe(true);
        busy.set(id, [...(busy.get(id) ?? []), [s.startsAt.getTime(), s.endsAt.getTime()]]);
      }
    }
  });

  it("has patrols of the last 90 days, incidents some of them late, drills and letters", async () => {
    const patrols = await prisma.patrol.findMany({ include: { items: true } });
    expect(patrols.length).toBeGreaterThan(500);
    for (const p of patrols) {
      expect(p.passed).toBe(p.items.every((i) => i.passed));
      expect(TODAY.getTime() - p.patrolledAt.getTime()).toBeLessThan(91 * 86_400_000);
    }
    const incidents = await prisma.incidentReport.findMany();
    expect(incidents.some((i) => i.reportedAt.getTime() - i.occurredAt.getTime() > 60 * 60_000)).toBe(true);
    const assessments = await prisma.drill.findMany({ where: { kind: "ASSESSMENT" } });
    expect(assessments.map((a) => a.metroStation)).toContain("八一馆站");
    expect(await prisma.responsibilityLetter.count({ where: { year: 2021 } })).toBeGreaterThanOrEqual(15);
  });

  it("leaves the id sequences past the seeded ids", async () => {
    const before = await prisma.organization.aggregate({ _max: { id: true } });
    const org = await prisma.organization.create({
      data: {
        code: "ORG-TEST",
        name: "测试单位",
        kind: "OPERATOR",
        regionCode: "360102",
        cityCode: "360100",
        provinceCode: "360000",
      },
    });
    expect(org.id).toBeGreaterThan(before._max.id ?? 0);
    await prisma.organization.delete({ where: { id: org.id } });
  });

  it("fingerprints its rows", async () => {
    fingerprints.set(provider, await fingerprint(prisma));
  });
});

describe("determinism", () => {
  // Without `url`: PostgreSQL is written through Prisma here, through its own connection above.
  it.each(testProviders())("seeds the same rows again for the same today on %s", async (provider) => {
    const fresh = await freshDatabase(provider);
    try {
      await seedDemo(fresh.db.prisma, { today: TODAY });
      const again = await fingerprint(fresh.db.prisma);
      expect(fingerprints.size).toBe(testProviders().length);
      for (const [seeded, print] of fingerprints) expect(again, `${provider} again vs ${seeded}`).toBe(print);
    } finally {
      await fresh.drop();
    }
  });
});
