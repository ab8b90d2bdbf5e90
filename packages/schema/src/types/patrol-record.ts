// recordPatrol (巡查登记). A failed checklist item registers a hazard with source PATROL in the
// patrol's own transaction: the patrol, its items, its hazards and the work's counters are
// written together or not at all.
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import { nextCode } from "../codes.ts";
import type { Context } from "../context.ts";
import { mutationErrors, NotFoundError, RuleError } from "../errors.ts";
import type { HazardLevel, Patrol } from "../generated/sqlite/client.js";
import { DUTY_OFFICE_KINDS } from "../rules/duty.ts";
import { createReportedHazard } from "../rules/hazard-create.ts";
import { compactDate, localDate } from "../rules/local-time.ts";
import {
  CHECKLIST_CATEGORY,
  checkPatrolItems,
  checkPatrolTime,
  hazardTitleOf,
  type ChecklistItem as Item,
  patrolFields as v,
} from "../rules/patrol.ts";
import { insertWithCode } from "../rules/unique-code.ts";
import { assertRegionWritable, scoped, within } from "../scope.ts";
import { payloadType } from "./common.ts";
import { ChecklistItem, HazardLevel as HazardLevelEnum } from "./enums.ts";
import { publishChange } from "./hazard-step.ts";
import { PatrolRef } from "./patrol.ts";
import { shelterWhere } from "./shelter.ts";

const PatrolItemInput = builder.inputType("PatrolItemInput", {
  description: "The result of one checklist item (巡查项目结果).",
  fields: (t) => ({
    item: t.field({ type: ChecklistItem, required: true, description: "What was checked (巡查项目)." }),
    passed: t.boolean({ required: true, description: "It passed; a failed item registers a hazard (合格)." }),
    note: t.string({
      description: "What was found; required when failed, it becomes the hazard's title (情况说明).",
      validate: v.note,
    }),
    photos: t.stringList({ description: "Photo links, http(s) URLs or /paths (照片).", validate: v.photos }),
    level: t.field({
      type: HazardLevelEnum,
      description: "Level of the hazard a failure registers; GENERAL when omitted (隐患等级).",
    }),
  }),
});

const RecordPatrolInput = builder.inputType("RecordPatrolInput", {
  description: "A patrol and its checklist results (巡查登记).",
  fields: (t) => ({
    shelterCode: t.string({ required: true, description: "Code of the work patrolled (工程编号)." }),
    inspectorCode: t.string({
      required: true,
      description: "Person code of the inspector, staff of an office over the work (巡查人).",
    }),
    patrolledAt: t.field({ type: "DateTime", required: true, description: "When the patrol took place (巡查时间)." }),
    notes: t.string({ description: "Notes (巡查记录).", validate: v.notes }),
    items: t.field({
      type: [PatrolItemInput],
      required: true,
      description: "Checklist results, each item once (巡查项目).",
      validate: v.items,
    }),
  }),
});

const PatrolPayload = payloadType<Patrol>(
  "PatrolPayload",
  "The patrol as recorded, with the hazards it registered.",
  "patrol",
  PatrolRef,
);

type ItemInput = {
  item: Item;
  passed: boolean;
  note?: string | null;
  photos?: string[] | null;
  level?: HazardLevel | null;
};

/** The inspector is staff of a civil air defense office whose region covers the work. */
async function inspectorFor(ctx: Context, code: string, shelterRegion: string) {
  const inspector = await ctx.prisma.person.findFirst({
    where: { code, organization: scoped(ctx.viewer, "Organization") },
    include: { organization: { select: { kind: true, regionCode: true, name: true } } },
  });
  if (!inspector) throw new NotFoundError("person", code, "inspectorCode");
  const office = inspector.organization;
  if (!(DUTY_OFFICE_KINDS as readonly string[]).includes(office.kind) || !within(shelterRegion, office.regionCode)) {
    throw new RuleError(
      "inspector",
      `${inspector.name} (${office.name}) does not supervise works of ${shelterRegion}`,
      "inspectorCode",
    );
  }
  return inspector;
}

builder.mutationField("recordPatrol", (t) =>
  t.field({
    type: PatrolPayload,
    description:
      "Record a patrol (巡查登记); each failed item registers a hazard with source PATROL in the same transaction.",
    authScopes: { officer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RecordPatrolInput, required: true, description: "The patrol." }) },
    resolve: async (_root, { input }, ctx) => {
      const items = input.items as ItemInput[];
      checkPatrolItems(items);
      checkPatrolTime(input.patrolledAt, ctx.now);
      const shelter = await ctx.prisma.shelter.findFirst({
        where: { AND: [{ code: input.shelterCode }, shelterWhere(ctx.viewer, {})] },
      });
      if (!shelter) throw new NotFoundError("work", input.shelterCode, "shelterCode");
      assertRegionWritable(ctx.viewer, shelter.regionCode, `record patrols of ${shelter.code}`);
      const inspector = await inspectorFor(ctx, input.inspectorCode, shelter.regionCode);
      const day = localDate(input.patrolledAt);

      const { patrol, hazards } = await ctx.prisma.$transaction(async (tx) => {
        const code = await nextCode(tx, `XC-${compactDate(day)}`);
        const patrol = await insertWithCode("patrol", code, () =>
          tx.patrol.create({
            data: {
              code,
              shelterId: shelter.id,
              countyCode: shelter.regionCode,
              cityCode: shelter.cityCode,
              provinceCode: shelter.provinceCode,
              inspectorId: inspector.id,
              patrolledAt: input.patrolledAt,
              notes: input.notes ?? "",
              passed: items.every((i) => i.passed),
              items: {
                create: items.map((i) => ({
                  item: i.item,
                  passed: i.passed,
                  note: i.note?.trim() || null,
                  photos: JSON.stringify(i.photos ?? []),
                })),
              },
            },
          }),
        );
        await audit(tx, ctx, {
          operation: "recordPatrol",
          model: "Patrol",
          recordId: patrol.id,
          after: { ...patrol, items },
        });
        const hazards = [];
        for (const item of items.filter((i) => !i.passed)) {
          hazards.push(
            await createReportedHazard(tx, ctx, {
              shelter,
              title: hazardTitleOf(item.note ?? ""),
              description: item.note ?? "",
              category: CHECKLIST_CATEGORY[item.item],
              level: item.level ?? "GENERAL",
              source: "PATROL",
              discoveredOn: day,
              discoveredBy: inspector.name,
              patrolId: patrol.id,
              comment: `巡查${code}发现隐患：${hazardTitleOf(item.note ?? "")}`,
              evidence: item.photos ?? [],
              at: input.patrolledAt,
              operation: "recordPatrol",
            }),
          );
        }
        // A patrol recorded late (backfilled) must not move the last-patrol date backwards.
        await tx.shelter.updateMany({
          where: { id: shelter.id, OR: [{ lastPatrolledAt: null }, { lastPatrolledAt: { lt: input.patrolledAt } }] },
          data: { lastPatrolledAt: input.patrolledAt },
        });
        return { patrol, hazards };
      });
      for (const hazard of hazards) publishChange(ctx, hazard, "REPORT");
      return { patrol };
    },
  }),
);
