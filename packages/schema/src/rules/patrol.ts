// 巡查 rules: what a checklist must look like, and how a failed item becomes a hazard with source
// PATROL (SPEC §1). The category mapping is the one the demo seed uses, so patrol hazards look
// the same whether they were seeded or recorded through the API.
import { z } from "zod";
import { ValidationError } from "../errors.ts";
import type { HazardCategory } from "../generated/sqlite/client.js";
import { CLOCK_SKEW_MS } from "./incident.ts";

export type ChecklistItem =
  | "FIRE_EQUIPMENT"
  | "EVACUATION_ROUTE"
  | "VENTILATION"
  | "WATER"
  | "SIGNAGE"
  | "NO_ILLEGAL_OCCUPANCY"
  | "ELECTRICAL"
  | "PROTECTIVE_EQUIPMENT";

/** The hazard category a failed checklist item is registered under; exit and evacuation signs count as evacuation routes. */
export const CHECKLIST_CATEGORY: Record<ChecklistItem, HazardCategory> = {
  FIRE_EQUIPMENT: "FIRE",
  EVACUATION_ROUTE: "EVACUATION_ROUTE",
  VENTILATION: "VENTILATION",
  WATER: "WATER",
  SIGNAGE: "EVACUATION_ROUTE",
  NO_ILLEGAL_OCCUPANCY: "ILLEGAL_OCCUPANCY",
  ELECTRICAL: "ELECTRICAL",
  PROTECTIVE_EQUIPMENT: "PROTECTIVE_EQUIPMENT",
};

/** Field rules of recordPatrol's input (messages "rule: text"). */
export const patrolFields = {
  notes: z.string().max(2000, "length: at most 2000 characters"),
  note: z.string().trim().max(500, "length: at most 500 characters"),
  photos: z
    .array(
      z.string().regex(/^(https?:\/\/|\/)\S+$/, "format: a photo link is an http(s) URL or a path starting with /"),
    )
    .max(10, "length: at most 10 photos per item"),
  items: z.array(z.unknown()).min(1, "required: at least one checklist item"),
};

export interface PatrolItemInput {
  item: ChecklistItem;
  passed: boolean;
  note?: string | null;
  photos?: string[] | null;
}

/** Each item once; a failed item says what was found, because that text becomes the hazard's title. */
export function checkPatrolItems(items: readonly PatrolItemInput[]): void {
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (seen.has(it.item)) throw ValidationError.of(`items.${i}.item`, "unique", `unique: ${it.item} is listed twice`);
    seen.add(it.item);
    if (!it.passed && !it.note?.trim()) {
      throw ValidationError.of(
        `items.${i}.note`,
        "required",
        "required: a failed item needs a note saying what was found",
      );
    }
  });
}

export function checkPatrolTime(patrolledAt: Date, now: Date): void {
  if (patrolledAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw ValidationError.of("patrolledAt", "notFuture", "notFuture: a patrol cannot be recorded for a time after now");
  }
}

/** A hazard title is at most 200 characters: the finding, shortened if it must be. */
export function hazardTitleOf(note: string): string {
  const text = note.trim();
  return text.length <= 200 ? text : `${text.slice(0, 199)}…`;
}
