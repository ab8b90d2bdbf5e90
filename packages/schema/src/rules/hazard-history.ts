// A hazard's history (整改记录) is append-only: every step, registration included, is written
// here, with the shelter's open-hazard count that the step may change.
import type { Context } from "../context.ts";
import type { Tx } from "../db.ts";
import type { Hazard, HazardAction, HazardStatus } from "../generated/sqlite/client.js";
import { openCountDelta } from "./hazard.ts";

export interface Note {
  comment?: string | null;
  evidence?: string[] | null;
  /** When it happened; defaults to the request's clock (a patrol recorded late says when it was). */
  at?: Date;
}

/** Writes one history event (append-only) and bumps the shelter's open count when it changes. */
export async function recordStep(
  tx: Tx,
  ctx: Context,
  h: Pick<Hazard, "id" | "shelterId">,
  action: HazardAction,
  from: HazardStatus | null,
  to: HazardStatus,
  note: Note,
): Promise<void> {
  const delta = openCountDelta(from, to);
  if (delta !== 0)
    await tx.shelter.update({ where: { id: h.shelterId }, data: { openHazardCount: { increment: delta } } });
  await tx.hazardEvent.create({
    data: {
      hazardId: h.id,
      action,
      fromStatus: from,
      toStatus: to,
      actor: ctx.viewer.subject,
      actorName: ctx.viewer.name,
      at: note.at ?? ctx.now,
      comment: note.comment ?? null,
      evidence: JSON.stringify(note.evidence ?? []),
    },
  });
}
