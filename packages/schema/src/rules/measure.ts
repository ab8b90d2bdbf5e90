// 制度措施清单: the second list. A measure moves PLANNED → IN_PROGRESS → DONE (or straight to DONE);
// DONE is final, so the list shows what was actually built. Overdue like hazards: past its due
// date and not DONE.
import { z } from "zod";
import { RuleError } from "../errors.ts";
import type { MeasureStatus } from "../generated/sqlite/enums.js";
import { calendarDay, DAY_MS } from "./hazard.ts";

const allowed: Record<MeasureStatus, MeasureStatus[]> = {
  PLANNED: ["PLANNED", "IN_PROGRESS", "DONE"],
  IN_PROGRESS: ["IN_PROGRESS", "DONE"],
  DONE: [],
};

/** Why a measure cannot go from `from` to `to`, or null when it can. */
export function measureTransitionRefusal(from: MeasureStatus, to: MeasureStatus): RuleError | null {
  if (from === "DONE") return new RuleError("closed", "a DONE measure cannot change (已完成)");
  if (!allowed[from].includes(to))
    return new RuleError("transition", `a measure cannot go from ${from} back to ${to}`, "status");
  return null;
}

/** Whole days past the due date as of `asOf` (0 when done or not yet due). */
export function measureOverdueDays(m: { status: MeasureStatus; dueOn: Date }, asOf: Date): number {
  if (m.status === "DONE") return 0;
  const due = Math.floor(m.dueOn.getTime() / DAY_MS);
  return Math.max(0, Math.floor(calendarDay(asOf).getTime() / DAY_MS) - due);
}

/** The same test as a Prisma `where`. */
export function measureOverdueWhere(asOf: Date) {
  return { status: { in: ["PLANNED", "IN_PROGRESS"] as MeasureStatus[] }, dueOn: { lt: calendarDay(asOf) } };
}

/** Input fields of createMeasure / updateMeasure ("rule: message"). */
export const measureFields = {
  title: z.string().trim().min(2, "required: at least 2 characters").max(200, "length: at most 200 characters"),
  description: z.string().trim().max(4000, "length: at most 4000 characters"),
};
