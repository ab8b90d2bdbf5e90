// 责令停业整顿: a work in use with an open MAJOR hazard may be ordered to suspend peacetime
// operation (it is then SUSPENDED with an ACTIVE suspension); a few works whose majors are all
// closed carry a LIFTED suspension from the past (SPEC §2.3).
import type { Actors, HazardDraft } from "./hazards.ts";
import type { Rand } from "./rand.ts";
import type { ShelterGen } from "./shelters.ts";
import type { Ids } from "./sql.ts";
import { dateOfDay, localDayOfMs } from "./time.ts";

export interface SuspensionRow {
  id: number;
  shelterId: number;
  hazardId: number | null;
  reason: string;
  orderedOn: Date;
  orderedBy: string;
  status: "ACTIVE" | "LIFTED";
  reopenedOn: Date | null;
  reopenedBy: string | null;
}

/** Decides the work's suspension after its hazards are simulated (hazard ids must be set). */
export function suspensionFor(
  rand: Rand,
  shelter: ShelterGen,
  hazards: HazardDraft[],
  actors: Actors,
  ids: Ids,
): SuspensionRow | null {
  if (shelter.row.status !== "IN_USE") return null;
  const majors = hazards.filter((h) => h.row.level === "MAJOR");
  if (majors.length === 0) return null;
  const open = majors.find((h) => h.row.status !== "CLOSED");
  const orderedBy = rand.pick(actors.county.leaders).code;
  const orderedDay = (h: HazardDraft) => Math.min(actors.todayDay - 1, localDayOfMs(h.events[0].at) + rand.int(1, 5));
  if (open) {
    if (!rand.chance(0.4)) return null;
    shelter.row.status = "SUSPENDED";
    return {
      id: ids.take("Suspension"),
      shelterId: shelter.row.id,
      hazardId: open.row.id,
      reason: `存在重大安全隐患（${open.row.title}），责令停业整顿，限期整改`,
      orderedOn: dateOfDay(orderedDay(open)),
      orderedBy,
      status: "ACTIVE",
      reopenedOn: null,
      reopenedBy: null,
    };
  }
  if (!rand.chance(0.06)) return null;
  const closed = majors[0];
  const ordered = orderedDay(closed);
  const reopened = Math.max(ordered + 1, localDayOfMs(closed.row.closedOn!.getTime()));
  if (reopened >= actors.todayDay) return null;
  return {
    id: ids.take("Suspension"),
    shelterId: shelter.row.id,
    hazardId: closed.row.id,
    reason: `存在重大安全隐患（${closed.row.title}），责令停业整顿，限期整改`,
    orderedOn: dateOfDay(ordered),
    orderedBy,
    status: "LIFTED",
    reopenedOn: dateOfDay(reopened),
    reopenedBy: rand.pick(actors.county.leaders).code,
  };
}
