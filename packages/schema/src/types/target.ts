// 目标: the number a region must reach in a year for a metric — `targets` and `setTarget`.
// Only the target is typed in; the actual comes from the registry (see target-progress.ts).
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { mutationErrors, NotFoundError, ValidationError } from "../errors.ts";
import type { TargetMetric as Metric, Prisma, Target } from "../generated/sqlite/client.js";
import { nodeWhere } from "../node-where.ts";
import { regionByCode } from "../regions.ts";
import { targetIssues, reportingFields as v } from "../rules/campaign.ts";
import { assertCanAssignTo, regionWhere, scoped } from "../scope.ts";
import { campaignWhere } from "./campaign.ts";
import { payloadType } from "./common.ts";
import { TargetMetric } from "./enums.ts";
import { RegionRef } from "./region.ts";

export const TargetRef = builder.prismaNode("Target", {
  description: "A target (目标): what a region must reach in a year for one metric.",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) => nodeWhere(ctx, "Target", Number(id), scoped(ctx.viewer, "Target")),
  fields: (t) => ({
    metric: t.expose("metric", { type: TargetMetric, description: "What it measures (指标)." }),
    region: t.field({
      type: RegionRef,
      description: "The region that must reach it (责任区划).",
      resolve: async (x, _a, ctx) => (await regionByCode(ctx, x.regionCode))!,
    }),
    year: t.exposeInt("year", { description: "The year (年度)." }),
    value: t.exposeFloat("value", { description: "The target: a count, or a share 0..1 for rates (目标值)." }),
    campaign: t.relation("campaign", { nullable: true, description: "The campaign that set it (所属专项行动)." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "Last change (更新时间)." }),
  }),
});

const TargetFilter = builder.inputType("TargetFilter", {
  description: "Which targets to list (目标筛选). All given conditions must hold.",
  fields: (t) => ({
    metric: t.field({ type: [TargetMetric], description: "Any of these metrics." }),
    regionCode: t.string({ description: "Targets of this region and below (区划代码)." }),
    year: t.int({ description: "One year (年度)." }),
    fromYear: t.int({ description: "From this year on." }),
    toYear: t.int({ description: "Up to this year." }),
    campaignCode: t.string({ description: "Targets of this campaign (专项行动)." }),
  }),
});

type TargetFilterShape = {
  metric?: Metric[] | null;
  regionCode?: string | null;
  year?: number | null;
  fromYear?: number | null;
  toYear?: number | null;
  campaignCode?: string | null;
};

function targetWhere(ctx: Context, f: TargetFilterShape | null | undefined): Prisma.TargetWhereInput {
  const and: Prisma.TargetWhereInput[] = [];
  if (f?.metric?.length) and.push({ metric: { in: f.metric } });
  if (f?.regionCode) and.push(regionWhere("Target", f.regionCode));
  if (f?.year != null) and.push({ year: f.year });
  if (f?.fromYear != null) and.push({ year: { gte: f.fromYear } });
  if (f?.toYear != null) and.push({ year: { lte: f.toYear } });
  if (f?.campaignCode) and.push({ campaign: { code: f.campaignCode } });
  return scoped(ctx.viewer, "Target", and.length ? { AND: and } : {}) as Prisma.TargetWhereInput;
}

builder.queryField("targets", (t) =>
  t.prismaConnection(
    {
      type: "Target",
      cursor: "id",
      description: "Targets in this token's scope, by year, metric and region (目标任务).",
      args: { filter: t.arg({ type: TargetFilter, required: false, description: "Filters (筛选)." }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.target.findMany({
          ...query,
          where: targetWhere(ctx, args.filter),
          orderBy: [{ year: "asc" }, { metric: "asc" }, { regionCode: "asc" }, { id: "asc" }],
        }),
      totalCount: (_root, args, ctx) => ctx.prisma.target.count({ where: targetWhere(ctx, args.filter) }),
    },
    { name: "TargetConnection", description: "A page of targets." },
    { name: "TargetEdge", description: "A target in a page." },
  ),
);

const SetTargetInput = builder.inputType("SetTargetInput", {
  description: "A region's target for a metric and year (下达目标); replaces the one already set.",
  fields: (t) => ({
    metric: t.field({ type: TargetMetric, required: true, description: "What it measures (指标)." }),
    regionCode: t.string({
      required: true,
      description: "The region that must reach it (责任区划).",
      validate: v.regionCode,
    }),
    year: t.int({ required: true, description: "The year (年度).", validate: v.year }),
    value: t.float({
      required: true,
      description: "The target; a share 0..1 for rates (目标值).",
      validate: v.targetValue,
    }),
    campaignCode: t.string({ description: "The campaign it belongs to (所属专项行动).", validate: v.campaignCode }),
  }),
});

const TargetPayload = payloadType<Target>("TargetPayload", "The target as set.", "target", TargetRef);

builder.mutationField("setTarget", (t) =>
  t.field({
    type: TargetPayload,
    description:
      "Set a region's target for a metric and year (下达目标). Targets are set by the office above the region.",
    authScopes: { officer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: SetTargetInput, required: true, description: "The target." }) },
    resolve: async (_root, { input }, ctx) => {
      const issues = targetIssues(input.metric, input.value);
      if (issues.length) throw new ValidationError(issues);
      const region = await regionByCode(ctx, input.regionCode);
      if (!region)
        throw ValidationError.of("regionCode", "exists", `exists: region ${input.regionCode} does not exist`);
      assertCanAssignTo(ctx.viewer, region.code, "set this region's targets");
      let campaignId: number | null = null;
      if (input.campaignCode) {
        const campaign = await ctx.prisma.campaign.findFirst({
          where: { AND: [{ code: input.campaignCode }, campaignWhere(ctx, {})] },
        });
        if (!campaign) throw new NotFoundError("campaign", input.campaignCode, "campaignCode");
        if (input.year < campaign.startsOn.getUTCFullYear() || input.year > campaign.endsOn.getUTCFullYear()) {
          throw ValidationError.of(
            "year",
            "within",
            `within: ${input.campaignCode} runs ${campaign.startsOn.getUTCFullYear()}–${campaign.endsOn.getUTCFullYear()}`,
          );
        }
        campaignId = campaign.id;
      }
      const key = { metric: input.metric, regionCode: region.code, year: input.year };
      const target = await ctx.prisma.$transaction(async (tx) => {
        const before = await tx.target.findUnique({ where: { metric_regionCode_year: key } });
        const after = await tx.target.upsert({
          where: { metric_regionCode_year: key },
          create: { ...key, value: input.value, campaignId },
          update: { value: input.value, ...(input.campaignCode ? { campaignId } : {}) },
        });
        await audit(tx, ctx, {
          operation: "setTarget",
          model: "Target",
          recordId: after.id,
          before: before ?? undefined,
          after,
        });
        return after;
      });
      return { target };
    },
  }),
);
