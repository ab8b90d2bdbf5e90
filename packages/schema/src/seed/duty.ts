// The duty roster of the current week (值班 / 领导带班) of the provincial office and every city
// office, and the incident reports (情况报告) of the last months, some filed by a shift on duty
// and some reported late (迟报, past 60 minutes).
import type { Directory, PersonRow, Staff } from "./orgs.ts";
import type { Rand } from "./rand.ts";
import type { Ids, Sequences } from "./sql.ts";
import { compactDay, dateOfDay, hm, localMs, weekdayOfDay } from "./time.ts";

export interface ShiftRow {
  id: number;
  organizationId: number;
  regionCode: string;
  cityCode: string | null;
  provinceCode: string;
  date: Date;
  kind: "DAY" | "NIGHT";
  startsAt: Date;
  endsAt: Date;
  leaderId: number;
}

const SHIFTS = [
  { kind: "DAY", start: hm(8, 30), end: hm(17, 30) },
  { kind: "NIGHT", start: hm(17, 30), end: hm(24 + 8, 30) },
] as const;

/**
 * Monday to Sunday of the week of `todayDay`, two shifts a day. Leaders and officers rotate
 * through consecutive shifts, so nobody is on two overlapping (or back-to-back) shifts.
 */
export interface AssignmentRow {
  shiftId: number;
  personId: number;
}

export function buildDuty(
  rand: Rand,
  dir: Directory,
  ids: Ids,
  todayDay: number,
): { shifts: ShiftRow[]; assignments: AssignmentRow[] } {
  const monday = todayDay - weekdayOfDay(todayDay);
  const shifts: ShiftRow[] = [];
  const assignments: AssignmentRow[] = [];
  for (const office of [dir.province, ...dir.cityOffices.values()]) {
    let k = 0;
    for (let d = 0; d < 7; d++) {
      const day = monday + d;
      for (const s of SHIFTS) {
        const id = ids.take("DutyShift");
        shifts.push({
          id,
          organizationId: office.org.id,
          regionCode: office.org.regionCode,
          cityCode: office.org.cityCode,
          provinceCode: office.org.provinceCode,
          date: dateOfDay(day),
          kind: s.kind,
          startsAt: new Date(localMs(day, s.start)),
          endsAt: new Date(localMs(day, s.end)),
          leaderId: office.leaders[k % office.leaders.length].id,
        });
        const n = office.officers.length;
        const count = rand.chance(0.6) ? 2 : 1;
        for (let j = 0; j < count; j++)
          assignments.push({ shiftId: id, personId: office.officers[(2 * k + j) % n].id });
        k++;
      }
    }
  }
  return { shifts, assignments };
}

export interface IncidentRow {
  id: number;
  code: string;
  organizationId: number;
  regionCode: string;
  cityCode: string | null;
  provinceCode: string;
  dutyShiftId: number | null;
  shelterId: number | null;
  occurredAt: Date;
  reportedAt: Date;
  /** reportedAt − occurredAt in whole seconds, rounded up (the schema's derived lateness column). */
  delaySeconds: number;
  reportedBy: string;
  summary: string;
  severity: "MINOR" | "SERIOUS" | "MAJOR" | "CRITICAL";
}

/** A work incidents can be about, with the county it is in. */
export interface IncidentSite {
  shelterId: number;
  name: string;
  countyCode: string;
  cityCode: string;
}

const EVENTS = [
  "出入口因强降雨积水约10厘米，已启动防汛应急预案，组织抽排",
  "配电间冒烟，值班人员已切断电源，无人员伤亡",
  "地下车库内一辆电动自行车充电起火，已扑灭，无人员伤亡",
  "顶板局部渗水，已设置警戒区域并通知管理单位",
  "排水泵故障导致集水井满溢，已调派抢修人员",
  "群众反映工程内有人违规住宿，已会同街道现场处置",
  "防护密闭门被外部施工车辆碰撞变形，已通知施工单位停工",
  "地下停车场烟感报警，经查为误报，已复位",
];

export function buildIncidents(
  rand: Rand,
  dir: Directory,
  ids: Ids,
  seq: Sequences,
  todayDay: number,
  scale: number,
  sites: readonly IncidentSite[],
  duty: { shifts: readonly ShiftRow[]; assignments: readonly AssignmentRow[] },
): IncidentRow[] {
  const rows: IncidentRow[] = [];
  if (sites.length === 0) return rows;
  const people = new Map(dir.people.map((p) => [p.id, p]));
  const count = Math.max(10, Math.round(40 * scale));
  for (let i = 0; i < count; i++) {
    // A few this week (so the roster shows them), the rest over the last four months.
    const day = todayDay - (i < 4 ? rand.int(1, Math.max(1, weekdayOfDay(todayDay))) : rand.int(1, 120));
    const occurred = localMs(day, rand.int(0, 1439));
    const late = rand.chance(0.15);
    const reported = occurred + (late ? rand.int(61, 300) : rand.int(5, 55)) * 60_000;
    const site = rand.pick(sites);
    const office: Staff = rand.chance(0.6)
      ? dir.cityOffices.get(site.cityCode)!
      : dir.countyOffices.get(site.countyCode)!;
    // Filed by the shift on duty when it happened during one (its officer reports), else by an officer.
    const shift = duty.shifts.find(
      (s) => s.organizationId === office.org.id && s.startsAt.getTime() <= reported && reported < s.endsAt.getTime(),
    );
    const onDuty = shift ? duty.assignments.filter((a) => a.shiftId === shift.id).map((a) => a.personId) : [];
    const reporter: PersonRow = onDuty.length > 0 ? people.get(rand.pick(onDuty))! : rand.pick(office.officers);
    rows.push({
      id: 0,
      code: compactDay(day),
      organizationId: office.org.id,
      regionCode: office.org.regionCode,
      cityCode: office.org.cityCode,
      provinceCode: office.org.provinceCode,
      dutyShiftId: shift ? shift.id : null,
      shelterId: site.shelterId,
      occurredAt: new Date(occurred),
      reportedAt: new Date(reported),
      delaySeconds: Math.ceil((reported - occurred) / 1000),
      reportedBy: reporter.code,
      summary: `${site.name}${rand.pick(EVENTS)}`,
      severity: rand.weighted([
        ["MINOR", 70],
        ["SERIOUS", 20],
        ["MAJOR", 8],
        ["CRITICAL", 2],
      ] as const),
    });
  }
  // Ids and codes (QB-<local date>-<seq>) in order of occurrence.
  rows.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  for (const r of rows) {
    r.id = ids.take("IncidentReport");
    r.code = seq.next(`QB-${r.code}`, 3);
  }
  return rows;
}
