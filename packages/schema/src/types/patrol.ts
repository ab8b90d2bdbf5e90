// 巡查: patrols of works with their checklist (patrols, Shelter.patrols, recordPatrol). A failed
// item registers a hazard with source PATROL in the patrol's own transaction: the patrol, its
// items, its hazards and the work's counters are written together or not at all.
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import { nextCode } from "../codes.ts";
import type { Context, Viewer } from "../context.ts";
import { mutationErrors, NotFoundError, RuleError } from "../errors.ts";
import type { HazardLevel, Patrol, Prisma } from "../generated/sqlite/client.js";
import { createReportedHazard, hazardReportedEvent } from "../rules/hazard-create.ts";
import { addDays, atLocal, compactDate, localDate } from "../rules/local-time.ts";
import {
  CHECKLIST_CATEGORY,
  checkPatrolItems,
  checkPatrolTime,
  hazardTitleOf,
  type ChecklistItem as Item,
  patrolFields as v,
} from "../rules/patrol.ts";
import { insertWithCode } from "../rules/unique-code.ts";
import { assertRegionWritable, regionWhere, scoped, within } from "../scope.ts";
import { OrderDirection, payloadType } from "./common.ts";
import { ChecklistItem, HazardLevel as HazardLevelEnum } from "./enums.ts";
import { ShelterRef, shelterWhere } from "./shelter.ts";

builder.prismaObject("PatrolItem", {
  description: "One checklist item of a patrol and its result (巡查项目结果).",
  fields: (t) => ({
    item: t.expose("item", { type: ChecklistItem, description: "What was checked (巡查项目)." }),
    passed: t.exposeBoolean("passed", { description: "The item passed (合格)." }),
    note: t.exposeString("note", { nullable: true, description: "What was found (情况说明)." }),
    photos: t.stringList({ description: "Photo links (照片).", resolve: (i) => JSON.parse(i.photos) as string[] }),
  }),
});

// Patrols reach clients only through scoped queries (node, patrols, Shelter.patrols, the payload).
export const PatrolRef = builder.prismaNode("Patrol", {
  description: "A patrol of a work with the checklist (巡查记录).",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [scoped(ctx.viewer, "Patrol")] }),
  fields: (t) => ({
    code: t.exposeString("code", { description: "Patrol code, XC-<date>-NNNN (巡查编号)." }),
    shelter: t.relation("shelter", { description: "The work patrolled (巡查工程)." }),
    inspector: t.relation("inspector", {
      nullable: true,
      description: "Who patrolled (巡查人). Personal data: null for PUBLIC.",
      authScopes: { personalData: true },
      unauthorizedResolver: () => null,
    }),
    patrolledAt: t.expose("patrolledAt", { type: "DateTime", description: "When (巡查时间)." }),
    notes: t.exposeString("notes", { description: "Notes (巡查记录)." }),
    passed: t.exposeBoolean("passed", { description: "Every item passed (全部合格)." }),
    items: t.relation("items", { description: "The checklist results (巡查项目).", query: { orderBy: { id: "asc" } } }),
    hazardCount: t.relationCount("hazards", { description: "Hazards registered from failed items (发现隐患数)." }),
  }),
});

const PatrolFilter = builder.inputType("PatrolFilter", {
  description: "Which patrols to list (巡查筛选). All given conditions must hold.",
  fields: (t) => ({
    regionCode: t.string({ description: "The region and everything below it (区划代码)." }),
    shelterCode: t.string({ description: "Patrols of this work (工程编号)." }),
    passed: t.boolean({ description: "Only patrols where everything passed (true) or something failed (false)." }),
    from: t.field({ type: "Date", description: "Patrolled on or after this date, Beijing time (起始日期)." }),
    to: t.field({ type: "Date", description: "Patrolled on or before this date, Beijing time (截止日期)." }),
  }),
});

const PatrolOrderField = builder.enumType("PatrolOrderField", {
  description: "What to sort patrols by.",
  values: { PATROLLED_AT: { description: "Patrol time." }, CODE: { description: "Patrol code." } },
});

const PatrolOrder = builder.inputType("PatrolOrder", {
  description: "One sort key for patrols.",
  fields: (t) => ({
    field: t.field({ type: PatrolOrderField, required: true, description: "The key." }),
    direction: t.field({ type: OrderDirection, defaultValue: "ASC", description: "The direction." }),
  }),
});

interface PatrolFilterShape {
  regionCode?: string | null;
  shelterCode?: string | null;
  passed?: boolean | null;
  from?: Date | null;
  to?: Date | null;
}

function patrolWhere(viewer: Viewer, filter: PatrolFilterShape | null | undefined): Prisma.PatrolWhereInput {
  const and: Prisma.PatrolWhereInput[] = [];
  if (filter?.regionCode) and.push(regionWhere("Patrol", filter.regionCode));
  if (filter?.shelterCode) and.push({ shelter: { code: filter.shelterCode } });
  if (filter?.passed != null) and.push({ passed: filter.passed });
  if (filter?.from) and.push({ patrolledAt: { gte: atLocal(filter.from, 0) } });
  if (filter?.to) and.push({ patrolledAt: { lt: atLocal(addDays(filter.to, 1), 0) } });
  return scoped(viewer, "Patrol", and.length ? { AND: and } : {}) as Prisma.PatrolWhereInput;
}

type Order = { field: "PATROLLED_AT" | "CODE"; direction?: "ASC" | "DESC" | null };
/** Newest first unless asked otherwise: a patrol ledger is read from the latest round. */
function patrolOrderBy(orderBy: Order[] | null | undefined): Prisma.PatrolOrderByWithRelationInput[] {
  const keys = (orderBy ?? []).map((o) => ({
    [o.field === "CODE" ? "code" : "patrolledAt"]: o.direction === "DESC" ? "desc" : "asc",
  }));
  return keys.length ? [...keys, { id: "asc" }] : [{ patrolledAt: "desc" }, { id: "desc" }];
}

builder.queryField("patrols", (t) =>
  t.prismaConnection(
    {
      type: "Patrol",
      cursor: "id",
      description: "Patrols in this token's scope (巡查台账): filter, sort and page; newest first by default.",
      args: {
        filter: t.arg({ type: PatrolFilter, required: false, description: "Filters (筛选)." }),
        orderBy: t.arg({ type: [PatrolOrder], required: false, description: "Sort keys, first is primary (排序)." }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.patrol.findMany({
          ...query,
          where: patrolWhere(ctx.viewer, args.filter),
          orderBy: patrolOrderBy(args.orderBy as Order[]),
        }),
      totalCount: (_root, args, ctx) => ctx.prisma.patrol.count({ where: patrolWhere(ctx.viewer, args.filter) }),
    },
    { name: "PatrolConnection", description: "A page of patrols." },
    { name: "PatrolEdge", description: "A patrol in a page." },
  ),
);

builder.prismaObjectField(ShelterRef, "patrols", (t) =>
  t.relatedConnection(
    "patrols",
    {
      cursor: "id",
      description: "Patrols of this work, newest first (巡查记录).",
      totalCount: true,
      query: (_args, ctx) => ({
        where: scoped(ctx.viewer, "Patrol") as Prisma.PatrolWhereInput,
        orderBy: [{ patrolledAt: "desc" }, { id: "desc" }],
      }),
    },
    { name: "ShelterPatrolConnection", description: "A page of a work's patrols." },
    { name: "ShelterPatrolEdge", description: "A patrol of the work." },
  ),
);

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
  if (
    !["CIVIL_AIR_DEFENSE_OFFICE", "PROVINCIAL_DIVISION", "DIRECT_UNIT"].includes(office.kind) ||
    !within(shelterRegion, office.regionCode)
  ) {
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
    authScopes: { writer: true },
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
      for (const hazard of hazards) ctx.pubsub.publish("hazardChanged", hazardReportedEvent(hazard));
      return { patrol };
    },
  }),
);
