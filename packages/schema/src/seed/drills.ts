// Drills and assessments (演练 / 评估): the Nanchang metro-station evacuation and rescue
// capability assessments the campaign asks for (task 3), each city office's annual evacuation
// drill, and the findings of some of them registered as hazards (source DRILL).
import { METRO_STATIONS } from "./cities.ts";
import type { Category } from "./hazard-text.ts";
import { type Actors, type HazardSeed, makeSeed } from "./hazards.ts";
import type { Directory, Staff } from "./orgs.ts";
import type { Rand } from "./rand.ts";
import type { RegionRow } from "./regions.ts";
import type { ShelterGen } from "./shelters.ts";
import type { Ids, Sequences } from "./sql.ts";
import { dateOfDay, dayOf, yearOfDay } from "./time.ts";

export interface DrillRow {
  id: number;
  code: string;
  kind: "DRILL" | "ASSESSMENT";
  title: string;
  heldOn: Date;
  regionCode: string;
  cityCode: string | null;
  provinceCode: string;
  organizationId: number;
  shelterId: number | null;
  metroStation: string | null;
  score: number | null;
  findings: string;
}

/** A drill decided before the works exist; it is attached to a work of its county later. */
export interface DrillPlan {
  row: DrillRow;
  office: Staff;
  station: string | null;
  day: number;
  findings: { category: Category; title: string }[];
}

const ASSESSMENTS: readonly [string, number, number, number][] = [
  ["八一馆", 2020, 11, 18],
  ["地铁大厦", 2020, 11, 25],
  ["八一广场", 2020, 12, 9],
  ["秋水广场", 2021, 4, 14],
  ["滕王阁", 2021, 5, 19],
  ["万寿宫", 2021, 6, 16],
  ["谢家村", 2021, 9, 22],
  ["南昌火车站", 2021, 10, 27],
];

const ASSESSMENT_FINDINGS: readonly { category: Category; title: string }[] = [
  { category: "EVACUATION_ROUTE", title: "站厅疏散指示标志设置不连续" },
  { category: "EVACUATION_ROUTE", title: "人防出入口疏散通道被商业设施占用" },
  { category: "FIRE", title: "人防区段消防应急照明照度不足" },
  { category: "PROTECTIVE_EQUIPMENT", title: "区间人防防护密闭门启闭不灵活" },
  { category: "MANAGEMENT", title: "人防与地铁运营单位应急联动机制不健全" },
  { category: "WATER", title: "出入口防淹挡板未按要求存放" },
];

const DRILL_FINDINGS: readonly { category: Category; title: string }[] = [
  { category: "EVACUATION_ROUTE", title: "演练中发现疏散通道堆放杂物" },
  { category: "FIRE", title: "演练中消防广播无法正常播放" },
  { category: "MANAGEMENT", title: "应急疏散预案未明确各岗位职责" },
];

export function planDrills(
  rand: Rand,
  dir: Directory,
  regions: readonly RegionRow[],
  ids: Ids,
  seq: Sequences,
  todayDay: number,
): DrillPlan[] {
  const plans: DrillPlan[] = [];
  const nanchang = dir.cityOffices.get("360100")!;
  const add = (
    p: Omit<DrillPlan, "row">,
    r: Omit<DrillRow, "id" | "code" | "heldOn" | "provinceCode" | "shelterId">,
  ) => {
    if (p.day >= todayDay) return;
    const row: DrillRow = {
      id: ids.take("Drill"),
      code: seq.next(`YL-${yearOfDay(p.day)}`, 3),
      heldOn: dateOfDay(p.day),
      provinceCode: "360000",
      shelterId: null,
      ...r,
    };
    plans.push({ ...p, row });
  };
  for (const [station, y, m, d] of ASSESSMENTS) {
    const metro = METRO_STATIONS.find((s) => s.station === station)!;
    const score = Math.round(rand.between(76, 96) * 2) / 2;
    const findings = rand
      .shuffle([...ASSESSMENT_FINDINGS])
      .slice(0, score < 85 ? 3 : score < 90 ? 2 : score < 93 ? 1 : 0);
    add(
      { office: nanchang, station, day: dayOf(y, m, d), findings },
      {
        kind: "ASSESSMENT",
        title: `南昌地铁${metro.line}号线${station}站安全疏散及应急救援能力评估测试`,
        regionCode: metro.countyCode,
        cityCode: "360100",
        organizationId: nanchang.org.id,
        metroStation: `${station}站`,
        score,
        findings: findings.length > 0 ? findings.map((f) => f.title).join("；") : "未发现明显问题",
      },
    );
  }
  // Each city's annual evacuation drill (2021, and 2022 for some), in its first urban district.
  for (const city of regions.filter((r) => r.level === "CITY")) {
    const office = dir.cityOffices.get(city.code)!;
    const county = regions.find((r) => r.parentCode === city.code)!;
    for (const year of [2021, 2022]) {
      if (year === 2022 && rand.chance(0.5)) continue;
      const day = dayOf(year, rand.int(5, 11), rand.int(1, 28));
      const findings = rand.chance(0.35) ? [rand.pick(DRILL_FINDINGS)] : [];
      add(
        { office, station: null, day, findings },
        {
          kind: "DRILL",
          title: `${city.name}${year}年人防工程消防安全应急疏散演练`,
          regionCode: county.code,
          cityCode: city.code,
          organizationId: office.org.id,
          metroStation: null,
          score: null,
          findings: findings.length > 0 ? findings.map((f) => f.title).join("；") : "演练组织有序，未发现明显问题",
        },
      );
    }
  }
  return plans;
}

/** Attaches a county's drills to its works and returns the hazards their findings became. */
export function realizeDrills(rand: Rand, plans: DrillPlan[], shelters: ShelterGen[], actors: Actors): HazardSeed[] {
  const seeds: HazardSeed[] = [];
  for (const plan of plans) {
    const candidates = shelters.filter((s) => s.active && s.sinceDay <= plan.day);
    const shelter = plan.station
      ? shelters.find((s) => s.row.metroStation === `${plan.station}站`)
      : candidates.length > 0
        ? rand.pick(candidates)
        : undefined;
    if (!shelter) continue;
    plan.row.shelterId = shelter.row.id;
    if (plan.day + 1 >= actors.todayDay) continue;
    for (const f of plan.findings) {
      seeds.push(
        makeSeed(rand, shelter, {
          day: plan.day + 1,
          category: f.category,
          level: rand.chance(0.15) ? "MAJOR" : "GENERAL",
          source: "DRILL",
          reporter: rand.pick(actors.city.officers),
          patrolId: null,
          drillId: plan.row.id,
          title: f.title,
        }),
      );
    }
  }
  return seeds;
}
