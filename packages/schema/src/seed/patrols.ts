// Patrols (巡查) of the last 90 days: a county inspector walks a work with the checklist; a failed
// item is written down and registered as a hazard with source PATROL (SPEC §1 巡查).
import { CHECKLIST, type ChecklistItemName, CORE_CHECKLIST, EXTRA_CHECKLIST } from "./hazard-text.ts";
import { type Actors, type HazardSeed, makeSeed } from "./hazards.ts";
import type { Rand } from "./rand.ts";
import type { ShelterGen } from "./shelters.ts";
import type { Ids, Sequences } from "./sql.ts";
import { compactDay, hm, localMs } from "./time.ts";

export const PATROL_WINDOW_DAYS = 90;
/** Patrols per work over the window. */
const PATROLS_PER_WORK = 0.35;
const ITEM_FAILURE = 0.025;

export interface PatrolRow {
  id: number;
  code: string;
  shelterId: number;
  countyCode: string;
  cityCode: string;
  provinceCode: string;
  inspectorId: number;
  patrolledAt: Date;
  notes: string;
  passed: boolean;
}

export interface PatrolItemRow {
  id: number;
  patrolId: number;
  item: ChecklistItemName;
  passed: boolean;
  note: string | null;
  photos: string;
}

export interface PatrolBatch {
  patrols: PatrolRow[];
  items: PatrolItemRow[];
  hazards: HazardSeed[];
}

export function patrolsFor(
  rand: Rand,
  shelter: ShelterGen,
  actors: Actors,
  ids: Ids,
  seq: Sequences,
  batch: PatrolBatch,
): void {
  if (!shelter.active) return;
  const s = shelter.row;
  const count = rand.poisson(PATROLS_PER_WORK);
  for (let i = 0; i < count; i++) {
    const day = actors.todayDay - rand.int(1, PATROL_WINDOW_DAYS);
    const minute = rand.int(hm(9), hm(17));
    const inspector = rand.pick(actors.county.officers);
    const id = ids.take("Patrol");
    const code = seq.next(`XC-${compactDay(day)}`);
    const checked = CORE_CHECKLIST.concat(EXTRA_CHECKLIST.filter(() => rand.chance(0.5)));
    const failures: string[] = [];
    for (const item of checked) {
      const failed = rand.chance(ITEM_FAILURE);
      const note = failed ? rand.pick(CHECKLIST[item].finding) : null;
      batch.items.push({
        id: ids.take("PatrolItem"),
        patrolId: id,
        item,
        passed: !failed,
        note,
        photos: failed ? JSON.stringify([`/files/patrols/${code}/${item.toLowerCase()}.jpg`]) : "[]",
      });
      if (note) {
        failures.push(note);
        batch.hazards.push(
          makeSeed(rand, shelter, {
            day,
            minute: minute + 20,
            category: CHECKLIST[item].category,
            level: rand.chance(0.04) ? "MAJOR" : "GENERAL",
            source: "PATROL",
            reporter: inspector,
            patrolId: id,
            drillId: null,
            title: note,
          }),
        );
      }
    }
    const at = new Date(localMs(day, minute));
    batch.patrols.push({
      id,
      code,
      shelterId: s.id,
      countyCode: s.regionCode,
      cityCode: s.cityCode,
      provinceCode: s.provinceCode,
      inspectorId: inspector.id,
      patrolledAt: at,
      notes:
        failures.length === 0 ? "检查未发现问题" : `发现问题${failures.length}项：${failures.join("；")}，已登记隐患`,
      passed: failures.length === 0,
    });
    if (!s.lastPatrolledAt || s.lastPatrolledAt < at) s.lastPatrolledAt = at;
  }
}
