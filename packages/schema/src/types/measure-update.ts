// Writing the 制度措施清单: createMeasure and updateMeasure (progress PLANNED → IN_PROGRESS →
// DONE, rules/measure.ts). Offices of the measure's region; `version` guards concurrent edits.
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import { nextCode } from "../codes.ts";
import type { Context } from "../context.ts";
import { ConflictError, mutationErrors, NotFoundError, ValidationError } from "../errors.ts";
import type { Measure, Prisma } from "../generated/sqlite/client.js";
import { regionByCode } from "../regions.ts";
import { calendarDay } from "../rules/hazard.ts";
import { measureTransitionRefusal, measureFields as v } from "../rules/measure.ts";
import { assertRegionWritable, cityOf, provinceOf, scoped } from "../scope.ts";
import { payloadType } from "./common.ts";
import { MeasureStatus } from "./enums.ts";
import { MeasureRef } from "./measure.ts";

const CreateMeasureInput = builder.inputType("CreateMeasureInput", {
  description: "A new measure for the 制度措施清单 (新增制度措施).",
  fields: (t) => ({
    title: t.string({ required: true, description: "What is to be built (措施名称).", validate: v.title }),
    description: t.string({ description: "Details (具体内容).", validate: v.description }),
    ownerCode: t.string({ required: true, description: "Owner unit's code (责任单位编码)." }),
    regionCode: t.string({ description: "Region it applies to; default the owner's (所属区划)." }),
    campaignCode: t.string({ description: "The campaign it belongs to (专项行动编号)." }),
    dueOn: t.field({ type: "Date", required: true, description: "Due date (完成时限)." }),
  }),
});

const UpdateMeasureInput = builder.inputType("UpdateMeasureInput", {
  description: "Changes to a measure; omitted fields stay as they are (更新制度措施).",
  fields: (t) => ({
    code: t.string({ required: true, description: "The measure's code." }),
    version: t.int({ required: true, description: "The version you read; a newer one means a conflict." }),
    title: t.string({ description: "What is to be built.", validate: v.title }),
    description: t.string({ description: "Details.", validate: v.description }),
    dueOn: t.field({ type: "Date", description: "Due date." }),
    status: t.field({
      type: MeasureStatus,
      description: "Progress; DONE records today as the completion date and is final.",
    }),
  }),
});

const MeasurePayload = payloadType<Measure>("MeasurePayload", "The measure after the change.", "measure", MeasureRef);

async function organization(ctx: Context, code: string) {
  const org = await ctx.prisma.organization.findUnique({ where: { code } });
  if (!org) throw ValidationError.of("ownerCode", "exists", `exists: organization ${code} does not exist`);
  return org;
}

builder.mutationFields((t) => ({
  createMeasure: t.field({
    type: MeasurePayload,
    description: "Add a measure to the 制度措施清单 (新增制度措施). Offices of the region.",
    authScopes: { officer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateMeasureInput, required: true, description: "The measure." }) },
    resolve: async (_root, { input }, ctx) => {
      const owner = await organization(ctx, input.ownerCode);
      const regionCode = input.regionCode ?? owner.regionCode;
      if (!(await regionByCode(ctx, regionCode)))
        throw ValidationError.of("regionCode", "exists", `exists: region ${regionCode} does not exist`);
      assertRegionWritable(ctx.viewer, regionCode, "add measures in this region");
      const campaign = input.campaignCode
        ? await ctx.prisma.campaign.findUnique({ where: { code: input.campaignCode } })
        : null;
      if (input.campaignCode && !campaign)
        throw ValidationError.of("campaignCode", "exists", `exists: campaign ${input.campaignCode} does not exist`);
      const measure = await ctx.prisma.$transaction(async (tx) => {
        const data = {
          title: input.title,
          description: input.description ?? "",
          ownerId: owner.id,
          dueOn: input.dueOn,
          campaignId: campaign?.id ?? null,
        };
        const region = { regionCode, cityCode: cityOf(regionCode), provinceCode: provinceOf(regionCode) };
        const created = await tx.measure.create({
          data: { ...data, ...region, code: await nextCode(tx, `CS-${regionCode}`) },
        });
        await audit(tx, ctx, { operation: "createMeasure", model: "Measure", recordId: created.id, after: created });
        return created;
      });
      return { measure };
    },
  }),
  updateMeasure: t.field({
    type: MeasurePayload,
    description: "Change a measure or move its progress (更新制度措施). Fails with ConflictError on a stale version.",
    authScopes: { officer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateMeasureInput, required: true, description: "The changes." }) },
    resolve: async (_root, { input }, ctx) => {
      const before = await ctx.prisma.measure.findFirst({
        where: { AND: [{ code: input.code }, scoped(ctx.viewer, "Measure")] },
      });
      if (!before) throw new NotFoundError("measure", input.code, "code");
      assertRegionWritable(ctx.viewer, before.regionCode, `change measure ${before.code}`);
      const stale = () =>
        new ConflictError(
          `measure ${before.code} was changed by someone else (version ${before.version})`,
          "version",
          before.version,
        );
      if (before.version !== input.version) throw stale();
      const refusal = measureTransitionRefusal(before.status, input.status ?? before.status);
      if (refusal) throw refusal;
      const data: Prisma.MeasureUncheckedUpdateManyInput = {
        title: input.title ?? undefined,
        description: input.description ?? undefined,
        dueOn: input.dueOn ?? undefined,
      };
      if (input.status) data.status = input.status;
      if (input.status === "DONE") data.completedOn = calendarDay(ctx.now);
      const measure = await ctx.prisma.$transaction(async (tx) => {
        const { count } = await tx.measure.updateMany({
          where: { id: before.id, version: input.version },
          data: { ...data, version: { increment: 1 } },
        });
        if (count === 0) throw stale();
        const after = await tx.measure.findUniqueOrThrow({ where: { id: before.id } });
        await audit(tx, ctx, { operation: "updateMeasure", model: "Measure", recordId: after.id, before, after });
        return after;
      });
      return { measure };
    },
  }),
}));
