// Hazards (隐患) and their closed loop. Each hazard's life is simulated as a plan of events —
// REPORT → ASSIGN (五落实) → SUBMIT → [REJECT → SUBMIT] → ACCEPT, with ESCALATE (督办) when a
// MAJOR one is still being rectified past its deadline — and then cut at today: what has not
// happened yet is dropped, and the hazard's status, dates and version follow from what is left.
// So old hazards are mostly closed, recent ones open, and the stuck ones overdue.
import { CATEGORY_WEIGHTS, type Category, HAZARD_TEXT } from "./hazard-text.ts";
import type { PersonRow, Staff } from "./orgs.ts";
import type { Rand } from "./rand.ts";
import type { ShelterGen } from "./shelters.ts";
import type { Ids, Sequences } from "./sql.ts";
import { dateOfDay, dayOf, hm, isoDay, localDayOfMs, localMs, yearOfDay } from "./time.ts";

export type Level = "GENERAL" | "MAJOR";
export type Source = "SELF_CHECK" | "INSPECTION" | "CENSUS" | "PATROL" | "PUBLIC_REPORT" | "DRILL";
export type Status = "REPORTED" | "RECTIFYING" | "PENDING_ACCEPTANCE" | "CLOSED";
export type Action = "REPORT" | "ASSIGN" | "SUBMIT" | "ACCEPT" | "REJECT" | "ESCALATE";

/** What was found, where, when and by whom. */
export interface HazardSeed {
  shelter: ShelterGen;
  day: number;
  minute: number;
  category: Category;
  level: Level;
  source: Source;
  title: string;
  description: string;
  reporter: PersonRow;
  discoveredBy: string;
  patrolId: number | null;
  drillId: number | null;
  fixedOnSite: boolean;
}

export interface HazardRow {
  id: number;
  code: string;
  title: string;
  description: string;
  shelterId: number;
  countyCode: string;
  cityCode: string;
  provinceCode: string;
  category: Category;
  level: Level;
  source: Source;
  discoveredOn: Date;
  discoveredBy: string | null;
  status: Status;
  deadline: Date | null;
  measures: string | null;
  responsibleUnitId: number | null;
  responsiblePerson: string | null;
  responsiblePhone: string | null;
  funds: number | null;
  contingencyPlan: string | null;
  fixedOnSite: boolean;
  rectifiedOn: Date | null;
  closedOn: Date | null;
  submittedBy: string | null;
  escalatedAt: Date | null;
  escalatedToCode: string | null;
  patrolId: number | null;
  drillId: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface EventRow {
  id: number;
  hazardId: number;
  action: Action;
  fromStatus: Status | null;
  toStatus: Status;
  actor: string;
  actorName: string | null;
  at: Date;
  comment: string | null;
  evidence: string;
}

interface EventDraft {
  action: Action;
  toStatus: Status;
  actor: PersonRow;
  at: number;
  comment: string;
  photos: number;
}

export interface HazardDraft {
  seed: HazardSeed;
  row: HazardRow;
  events: EventDraft[];
}

/** The offices that act on a county's hazards. */
export interface Actors {
  county: Staff;
  city: Staff;
  todayDay: number;
}

// Events up to 02:00 today count: the nightly overdue check (督办) runs at 01:00.
const ESCALATION_MINUTE = hm(1);
const cutoffOf = (todayDay: number) => localMs(todayDay, hm(2));
const workMinute = (rand: Rand) => rand.int(hm(8, 30), hm(17, 45));

// Discovery intensity by period: the 2020 排查整治 push, the 2021 集中攻坚, then routine.
const [Y2021, Y2022, Y2023] = [dayOf(2021, 1, 1), dayOf(2022, 1, 1), dayOf(2023, 1, 1)];
function discoveryWeight(day: number): number {
  if (day < Y2021) return 3;
  if (day < Y2022) return 2.2;
  if (day < Y2023) return 1.5;
  return 0.8;
}

function discoveryDay(rand: Rand, from: number, to: number): number {
  for (;;) {
    const day = rand.int(from, to);
    if (rand.float() * 3 < discoveryWeight(day)) return day;
  }
}

/** The hazards found at a work by self-checks, inspections, the census and public reports. */
export function hazardSeedsFor(rand: Rand, shelter: ShelterGen, actors: Actors): HazardSeed[] {
  const from = shelter.sinceDay;
  const to = actors.todayDay - 1;
  if (!shelter.active || from > to) return [];
  const count = rand.poisson(shelter.hazardMean);
  const seeds: HazardSeed[] = [];
  const early = shelter.row.isEarlyWork;
  for (let i = 0; i < count; i++) {
    let source = rand.weighted([
      ["SELF_CHECK", 35],
      ["INSPECTION", 35],
      ["CENSUS", 20],
      ["PUBLIC_REPORT", 6],
    ] as const) as Source;
    let day: number;
    // The 2020 survey of early works and the 2021 census find hazards in their own year.
    const census = early ? [dayOf(2020, 6, 1), dayOf(2020, 12, 31)] : [dayOf(2021, 1, 1), dayOf(2021, 12, 31)];
    if (source === "CENSUS" && Math.max(from, census[0]) <= Math.min(to, census[1])) {
      day = rand.int(Math.max(from, census[0]), Math.min(to, census[1]));
    } else {
      if (source === "CENSUS") source = "INSPECTION";
      day = discoveryDay(rand, from, to);
    }
    const category = rand.weighted(CATEGORY_WEIGHTS);
    const level: Level = rand.chance(early ? 0.14 : 0.09) ? "MAJOR" : "GENERAL";
    const reporter =
      source === "SELF_CHECK"
        ? rand.pick(shelter.manager.officers.concat(shelter.manager.leaders))
        : rand.pick(actors.county.officers);
    seeds.push(makeSeed(rand, shelter, { day, category, level, source, reporter, patrolId: null, drillId: null }));
  }
  return seeds;
}

export function makeSeed(
  rand: Rand,
  shelter: ShelterGen,
  s: Pick<HazardSeed, "day" | "category" | "level" | "source" | "reporter" | "patrolId" | "drillId"> & {
    minute?: number;
    title?: string;
  },
): HazardSeed {
  const text = HAZARD_TEXT[s.category];
  const title = s.title ?? rand.pick(s.level === "MAJOR" ? text.major : text.general);
  const fixedOnSite =
    s.level === "GENERAL" && text.fixable && s.source !== "PUBLIC_REPORT" && s.source !== "DRILL" && rand.chance(0.25);
  const where = shelter.row.name;
  const description =
    s.source === "PUBLIC_REPORT"
      ? `群众通过12345热线反映${where}${title}，经现场核实情况属实。`
      : `${where}${title}。${s.level === "MAJOR" ? "经评估属重大安全隐患，需限期整改。" : ""}`;
  return {
    shelter,
    day: s.day,
    minute: s.minute ?? workMinute(rand),
    category: s.category,
    level: s.level,
    source: s.source,
    title,
    description,
    reporter: s.reporter,
    discoveredBy: s.source === "PUBLIC_REPORT" ? "群众举报（12345热线）" : s.reporter.name,
    patrolId: s.patrolId,
    drillId: s.drillId,
    fixedOnSite,
  };
}

const officer = (rand: Rand, staff: Staff) => rand.pick(staff.officers);

/** Simulates one hazard's life up to today. */
export function simulateHazard(rand: Rand, seed: HazardSeed, actors: Actors): HazardDraft {
  const { shelter, level } = seed;
  const major = level === "MAJOR";
  const text = HAZARD_TEXT[seed.category];
  const unit = seed.category === "ILLEGAL_OCCUPANCY" ? (shelter.user ?? shelter.manager) : shelter.manager;
  const responsible = unit.officers[0] ?? unit.leaders[0];
  const acceptor = major ? officer(rand, actors.city) : rand.pick(actors.county.leaders);
  const at = (day: number) => localMs(day, workMinute(rand));

  const events: EventDraft[] = [];
  const reportAt = localMs(seed.day, seed.minute);
  let deadline: number | null = null;
  if (seed.fixedOnSite) {
    events.push({
      action: "REPORT",
      toStatus: "PENDING_ACCEPTANCE",
      actor: seed.reporter,
      at: reportAt,
      comment: `${seed.title}，已立查立改，现场整改完毕`,
      photos: 2,
    });
    events.push({
      action: "ACCEPT",
      toStatus: "CLOSED",
      actor: acceptor,
      at: at(seed.day + rand.int(1, 10)),
      comment: "经现场复核，整改到位，同意销号",
      photos: 0,
    });
    deadline = seed.day;
  } else {
    events.push({
      action: "REPORT",
      toStatus: "REPORTED",
      actor: seed.reporter,
      at: reportAt,
      comment: seed.source === "PUBLIC_REPORT" ? "受理群众举报，登记隐患" : `发现隐患：${seed.title}`,
      photos: rand.int(0, 2),
    });
    const assignDay = seed.day + (rand.chance(0.03) ? rand.int(20, 200) : rand.int(1, 6));
    deadline = assignDay + (major ? rand.int(30, 120) : rand.int(7, 45));
    const assigner = seed.source === "DRILL" ? officer(rand, actors.city) : officer(rand, actors.county);
    events.push({
      action: "ASSIGN",
      toStatus: "RECTIFYING",
      actor: assigner,
      at: at(assignDay),
      comment: `五落实：责任单位${unit.org.name}，责任人${responsible.name}，整改期限${isoDay(deadline)}`,
      photos: 0,
    });
    const behaviour = rand.weighted([
      ["normal", 76],
      ["late", 15],
      ["stuck", 9],
    ] as const);
    let submitDay =
      behaviour === "normal"
        ? assignDay + rand.int(2, Math.max(2, deadline - assignDay))
        : behaviour === "late"
          ? deadline + rand.int(1, 60)
          : deadline + rand.int(60, 1500);
    events.push({
      action: "SUBMIT",
      toStatus: "PENDING_ACCEPTANCE",
      actor: responsible,
      at: at(submitDay),
      comment: "已按整改措施完成整改，申请验收",
      photos: rand.int(1, 3),
    });
    if (rand.chance(0.12)) {
      const rejectDay = submitDay + rand.int(1, 6);
      events.push({
        action: "REJECT",
        toStatus: "RECTIFYING",
        actor: acceptor,
        at: at(rejectDay),
        comment: rand.pick(["整改不彻底，退回重新整改", "整改佐证材料不全，请补充后重新提交"]),
        photos: 0,
      });
      submitDay = rejectDay + rand.int(3, 25);
      events.push({
        action: "SUBMIT",
        toStatus: "PENDING_ACCEPTANCE",
        actor: responsible,
        at: at(submitDay),
        comment: "已补充整改，再次申请验收",
        photos: rand.int(1, 3),
      });
    }
    events.push({
      action: "ACCEPT",
      toStatus: "CLOSED",
      actor: acceptor,
      at: at(submitDay + rand.int(major ? 3 : 1, major ? 20 : 12)),
      comment: "经现场复核，整改到位，同意销号",
      photos: 0,
    });
    if (major) addEscalation(events, deadline, rand.pick(actors.city.leaders), actors.city.org.name);
  }

  const kept = events.filter((e) => e.at < cutoffOf(actors.todayDay));
  return { seed, row: toRow(rand, seed, kept, deadline, unit, responsible, text.measures, actors), events: kept };
}

/**
 * 督办: the first time a MAJOR hazard is being rectified past its deadline, the city office
 * escalates it at 01:00 of the next day.
 */
function addEscalation(events: EventDraft[], deadline: number, actor: PersonRow, officeName: string): void {
  for (let i = 0; i < events.length; i++) {
    if (events[i].toStatus !== "RECTIFYING") continue;
    const entered = localDayOfMs(events[i].at);
    const when = localMs(Math.max(deadline, entered) + 1, ESCALATION_MINUTE);
    const leaves = events[i + 1]?.at ?? Number.POSITIVE_INFINITY;
    if (when < leaves) {
      events.splice(i + 1, 0, {
        action: "ESCALATE",
        toStatus: "RECTIFYING",
        actor,
        at: when,
        comment: `逾期未完成整改，由${officeName}挂牌督办`,
        photos: 0,
      });
      return;
    }
  }
}

function toRow(
  rand: Rand,
  seed: HazardSeed,
  events: EventDraft[],
  deadline: number,
  unit: Staff,
  responsible: PersonRow,
  measures: string[],
  actors: Actors,
): HazardRow {
  const last = events[events.length - 1];
  const status = last.toStatus;
  const assigned = seed.fixedOnSite || events.some((e) => e.action === "ASSIGN");
  const submits = events.filter((e) => e.action === "SUBMIT");
  const lastSubmit = submits[submits.length - 1];
  const accept = events.find((e) => e.action === "ACCEPT");
  const escalation = events.find((e) => e.action === "ESCALATE");
  const major = seed.level === "MAJOR";
  const done = status === "PENDING_ACCEPTANCE" || status === "CLOSED";
  const s = seed.shelter.row;
  return {
    id: 0,
    code: "",
    title: seed.title,
    description: seed.description,
    shelterId: s.id,
    countyCode: s.regionCode,
    cityCode: s.cityCode,
    provinceCode: s.provinceCode,
    category: seed.category,
    level: seed.level,
    source: seed.source,
    discoveredOn: dateOfDay(seed.day),
    discoveredBy: seed.discoveredBy,
    status,
    deadline: assigned ? dateOfDay(deadline) : null,
    measures: assigned ? (seed.fixedOnSite ? `现场立即整改：${seed.title}已处理` : rand.pick(measures)) : null,
    responsibleUnitId: assigned ? unit.org.id : null,
    responsiblePerson: assigned ? responsible.name : null,
    responsiblePhone: assigned ? responsible.phone : null,
    funds: assigned ? (major ? rand.int(200, 8000) * 100 : rand.chance(0.6) ? rand.int(5, 300) * 100 : null) : null,
    contingencyPlan:
      assigned && major
        ? `《${seed.title}应急处置预案》：设置警戒区域，落实专人值守，整改期间暂停相关区域使用，遇险情立即疏散人员并报告${actors.county.org.name}`
        : null,
    fixedOnSite: seed.fixedOnSite,
    rectifiedOn: done ? (seed.fixedOnSite ? dateOfDay(seed.day) : dateOfDay(localDayOfMs(lastSubmit.at))) : null,
    closedOn: accept ? dateOfDay(localDayOfMs(accept.at)) : null,
    submittedBy: seed.fixedOnSite ? seed.reporter.code : lastSubmit ? lastSubmit.actor.code : null,
    escalatedAt: escalation ? new Date(escalation.at) : null,
    escalatedToCode: escalation ? s.cityCode : null,
    patrolId: seed.patrolId,
    drillId: seed.drillId,
    version: events.length,
    createdAt: new Date(events[0].at),
    updatedAt: new Date(last.at),
  };
}

/**
 * Gives a county's hazards their ids and codes (YH-<year>-<county>-<seq>, in order of discovery)
 * and turns their event drafts into rows.
 */
export function finalizeHazards(
  drafts: HazardDraft[],
  ids: Ids,
  seq: Sequences,
): { hazards: HazardRow[]; events: EventRow[] } {
  drafts.sort((a, b) => a.events[0].at - b.events[0].at || a.row.shelterId - b.row.shelterId);
  const hazards: HazardRow[] = [];
  const events: EventRow[] = [];
  for (const d of drafts) {
    d.row.id = ids.take("Hazard");
    d.row.code = seq.next(`YH-${yearOfDay(d.seed.day)}-${d.row.countyCode}`);
    hazards.push(d.row);
    let status: Status | null = null;
    for (const e of d.events) {
      const photos = Array.from(
        { length: e.photos },
        (_, k) => `/files/hazards/${d.row.code}/${e.action.toLowerCase()}-${k + 1}.jpg`,
      );
      events.push({
        id: ids.take("HazardEvent"),
        hazardId: d.row.id,
        action: e.action,
        fromStatus: e.action === "REPORT" ? null : status,
        toStatus: e.toStatus,
        actor: e.actor.code,
        actorName: e.actor.name,
        at: new Date(e.at),
        comment: e.comment,
        evidence: JSON.stringify(photos),
      });
      status = e.toStatus;
    }
  }
  return { hazards, events };
}
