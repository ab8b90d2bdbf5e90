// 督办 (SPEC §2 rule 2): overdue MAJOR hazards are escalated to the office above. The stamp
// (escalatedAt, escalatedToCode) and one ESCALATE history event per hazard are written by
// `escalateOverdueHazards`, run by an office or a daily job; `hazards(filter: {escalated: true})`
// lists them. Escalation is not a workflow step: it leaves status and `version` alone, so a
// batch run never makes an office's open form stale.
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import { mutationErrors, ValidationError } from "../errors.ts";
import type { Hazard } from "../generated/sqlite/client.js";
import { regionByCode, regionDirectory } from "../regions.ts";
import { assertMayTake, escalationOffice, escalationWhere, overdueDays } from "../rules/hazard.ts";
import { assertRegionWritable, regionWhere, scoped } from "../scope.ts";
import { HazardRef } from "./hazard.ts";
import { publishChange } from "./hazard-step.ts";

const EscalateInput = builder.inputType("EscalateOverdueHazardsInput", {
  description: "Which region's overdue major hazards to escalate (督办范围).",
  fields: (t) => ({
    regionCode: t.string({ description: "The region and everything below it; default the token's region (区划代码)." }),
  }),
});

const EscalationPayload = builder.objectRef<{ hazards: Hazard[] }>("EscalationPayload").implement({
  description: "The hazards escalated by this run (本次督办的隐患).",
  fields: (t) => ({
    count: t.int({ description: "How many were escalated now.", resolve: (p) => p.hazards.length }),
    hazards: t.field({
      type: [HazardRef],
      description: "The hazards escalated now, by code.",
      resolve: (p) => p.hazards,
    }),
  }),
});

builder.mutationField("escalateOverdueHazards", (t) =>
  t.field({
    type: EscalationPayload,
    description: "Escalate every overdue MAJOR hazard not yet escalated to the office above (督办). Offices only.",
    authScopes: { officer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: EscalateInput, required: true, description: "The region." }) },
    resolve: async (_root, { input }, ctx) => {
      assertMayTake(ctx.viewer, "ESCALATE");
      const regionCode = input.regionCode ?? ctx.viewer.regionCode;
      if (regionCode) {
        if (!(await regionByCode(ctx, regionCode)))
          throw ValidationError.of("regionCode", "exists", `exists: region ${regionCode} does not exist`);
        assertRegionWritable(ctx.viewer, regionCode, "escalate hazards of this region");
      }
      const where = scoped(ctx.viewer, "Hazard", {
        AND: [regionCode ? regionWhere("Hazard", regionCode) : {}, escalationWhere(ctx.now)],
      });
      const names = await regionDirectory(ctx);
      const hazards = await ctx.prisma.$transaction(async (tx) => {
        const due = await tx.hazard.findMany({ where, orderBy: { code: "asc" } });
        if (!due.length) return [];
        // One UPDATE per supervising office (≤ one per city), guarded by the rule itself (not yet
        // escalated, still overdue) so a concurrent run or step cannot have it stamped twice or
        // once handed in. Each returns the rows it stamped: read back by `escalatedAt = now`, a run
        // counted those a concurrent run stamped at the same instant and wrote their events again.
        const stamped: Hazard[] = [];
        for (const office of new Set(due.map((h) => escalationOffice(h.countyCode)))) {
          const mine = due.filter((h) => escalationOffice(h.countyCode) === office).map((h) => h.id);
          stamped.push(
            ...(await tx.hazard.updateManyAndReturn({
              where: { id: { in: mine }, ...escalationWhere(ctx.now) },
              data: { escalatedAt: ctx.now, escalatedToCode: office },
            })),
          );
        }
        stamped.sort((a, b) => a.code.localeCompare(b.code));
        await tx.hazardEvent.createMany({
          data: stamped.map((h) => ({
            hazardId: h.id,
            action: "ESCALATE" as const,
            fromStatus: h.status,
            toStatus: h.status,
            actor: ctx.viewer.subject,
            actorName: ctx.viewer.name,
            at: ctx.now,
            comment: `逾期${overdueDays(h, ctx.now)}天，报${names.get(h.escalatedToCode!)?.name ?? h.escalatedToCode}人防办督办`,
          })),
        });
        await audit(tx, ctx, {
          operation: "escalateOverdueHazards",
          model: "Hazard",
          recordId: null,
          after: stamped.map((h) => h.code),
        });
        return stamped;
      });
      for (const h of hazards) publishChange(ctx, h, "ESCALATE");
      return { hazards };
    },
  }),
);
