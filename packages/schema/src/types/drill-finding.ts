// registerDrillFinding: a finding of a drill or assessment becomes a hazard (source DRILL,
// status REPORTED) through the same registration as every other hazard (rules/hazard-create.ts),
// so it enters the closed loop 登记 → 整改 → 验收 → 销号 like any other.
import { builder } from "../builder.ts";
import { codeFormat } from "../codes.ts";
import { mutationErrors, NotFoundError, ValidationError } from "../errors.ts";
import type { Drill, Hazard } from "../generated/sqlite/client.js";
import { reportingFields as v } from "../rules/campaign.ts";
import { createReportedHazard } from "../rules/hazard-create.ts";
import { assertCanWrite, scoped, within } from "../scope.ts";
import { DrillRef } from "./drill.ts";
import { HazardCategory, HazardLevel } from "./enums.ts";
import { HazardRef } from "./hazard.ts";
import { publishChange } from "./hazard-step.ts";
import { shelterScopeRow, shelterWhere } from "./shelter.ts";

const RegisterDrillFindingInput = builder.inputType("RegisterDrillFindingInput", {
  description: "A finding of a drill or assessment to register as a hazard (演练发现问题登记为隐患).",
  fields: (t) => ({
    drillCode: t.string({ required: true, description: "The drill or assessment (演练编号)." }),
    title: t.string({ required: true, description: "What is wrong, in a line (隐患名称).", validate: v.title }),
    description: t.string({ description: "Details (隐患描述).", validate: v.findings }),
    category: t.field({ type: HazardCategory, required: true, description: "Category (隐患类别)." }),
    level: t.field({ type: HazardLevel, required: true, description: "General or major (隐患等级)." }),
    shelterCode: t.string({
      description: "The work it concerns; default the drill's own work (所在工程编号).",
      validate: codeFormat,
    }),
  }),
});

const DrillFindingPayload = builder.objectRef<{ hazard: Hazard; drill: Drill }>("DrillFindingPayload").implement({
  description: "The hazard registered from a drill's finding, and the drill.",
  fields: (t) => ({
    hazard: t.field({
      type: HazardRef,
      description: "The new hazard, REPORTED (新登记隐患).",
      resolve: (p) => p.hazard,
    }),
    drill: t.field({ type: DrillRef, description: "The drill it came from (来源演练).", resolve: (p) => p.drill }),
  }),
});

builder.mutationField("registerDrillFinding", (t) =>
  t.field({
    type: DrillFindingPayload,
    description:
      "Register a drill's or assessment's finding as a hazard (source DRILL) at a work of the drill's region (演练发现隐患登记).",
    authScopes: { officer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RegisterDrillFindingInput, required: true, description: "The finding." }) },
    resolve: async (_root, { input }, ctx) => {
      const drill = await ctx.prisma.drill.findFirst({
        where: { AND: [{ code: input.drillCode }, scoped(ctx.viewer, "Drill")] },
      });
      if (!drill) throw new NotFoundError("drill", input.drillCode, "drillCode");
      const shelterKey = input.shelterCode ? { code: input.shelterCode } : { id: drill.shelterId ?? -1 };
      if (!input.shelterCode && drill.shelterId == null) {
        throw ValidationError.of(
          "shelterCode",
          "required",
          "required: this drill was not held in one work; name the work",
        );
      }
      const shelter = await ctx.prisma.shelter.findFirst({
        where: { AND: [shelterKey, shelterWhere(ctx.viewer, {})] },
      });
      if (!shelter) throw new NotFoundError("work", input.shelterCode ?? String(drill.shelterId), "shelterCode");
      if (!within(shelter.regionCode, drill.regionCode)) {
        throw ValidationError.of(
          "shelterCode",
          "scope",
          `scope: ${shelter.code} is outside the drill's region ${drill.regionCode}`,
        );
      }
      assertCanWrite(ctx.viewer, shelterScopeRow(shelter), `hazards of work ${shelter.code}`);
      const hazard = await ctx.prisma.$transaction((tx) =>
        createReportedHazard(tx, ctx, {
          shelter,
          title: input.title,
          description: input.description ?? "",
          category: input.category,
          level: input.level,
          source: "DRILL",
          discoveredOn: drill.heldOn,
          discoveredBy: ctx.viewer.name ?? ctx.viewer.subject,
          drillId: drill.id,
          comment: `${drill.code} ${drill.title}：${input.title}`,
          operation: "registerDrillFinding",
        }),
      );
      publishChange(ctx, hazard, "REPORT");
      return { hazard, drill };
    },
  }),
);
