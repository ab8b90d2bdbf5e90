// One step of the closed loop on an existing hazard, the same way every time: find it within
// the token's scope, check the role, the caller's `version` and the transition, then write the
// hazard, one history event, the shelter's open count and the audit row in ONE transaction, and
// publish `hazardChanged` once it has committed.
import { audit } from "../audit.ts";
import type { Context } from "../context.ts";
import { ConflictError, NotFoundError } from "../errors.ts";
import type { Hazard, HazardAction, Prisma } from "../generated/sqlite/client.js";
import { assertMayTake, nextStatus, type WorkflowStep } from "../rules/hazard.ts";
import { type Note, recordStep } from "../rules/hazard-history.ts";
import { assertCanWrite, scoped } from "../scope.ts";
import { shelterScopeRow } from "./shelter.ts";

export function publishChange(ctx: Context, h: Hazard, action: HazardAction): void {
  const { id: hazardId, code, countyCode, cityCode, provinceCode } = h;
  ctx.pubsub.publish("hazardChanged", { hazardId, code, countyCode, cityCode, provinceCode, action });
}

/** The hazard named by `code`, if this token may see and change it. */
export async function changeable(ctx: Context, code: string) {
  const h = await ctx.prisma.hazard.findFirst({
    where: { AND: [{ code }, scoped(ctx.viewer, "Hazard")] },
    include: { shelter: { select: { regionCode: true, builderId: true, managerId: true, userId: true } } },
  });
  if (!h) throw new NotFoundError("hazard", code, "code");
  assertCanWrite(ctx.viewer, shelterScopeRow(h.shelter as never), `hazard ${code}`);
  const { shelter: _shelter, ...row } = h;
  return row;
}

/** One step on an existing hazard: version check, transition rule, then the single transaction. */
export async function step(
  ctx: Context,
  input: { code: string; version: number },
  action: WorkflowStep,
  check: (h: Hazard) => Promise<Prisma.HazardUncheckedUpdateManyInput> | Prisma.HazardUncheckedUpdateManyInput,
  note: Note,
): Promise<{ hazard: Hazard }> {
  const before = await changeable(ctx, input.code);
  assertMayTake(ctx.viewer, action);
  const stale = () =>
    new ConflictError(
      `hazard ${before.code} was changed by someone else (version ${before.version})`,
      "version",
      before.version,
    );
  if (before.version !== input.version) throw stale();
  const to = nextStatus(before.status, action);
  const data = await check(before);
  const hazard = await ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.hazard.updateMany({
      where: { id: before.id, version: input.version },
      data: { ...data, status: to, version: { increment: 1 } },
    });
    if (count === 0) throw stale();
    await recordStep(tx, ctx, before, action, before.status, to, note);
    const after = await tx.hazard.findUniqueOrThrow({ where: { id: before.id } });
    await audit(tx, ctx, {
      operation: `${action.toLowerCase()}Hazard`,
      model: "Hazard",
      recordId: after.id,
      before,
      after,
    });
    return after;
  });
  publishChange(ctx, hazard, action);
  return { hazard };
}
