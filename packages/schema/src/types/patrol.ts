// 巡查: patrols of works with their checklist — the patrol ledger (patrols) and Shelter.patrols;
// recording one is in patrol-record.ts.
import { builder } from "../builder.ts";
import type { Viewer } from "../context.ts";
import type { Prisma } from "../generated/sqlite/client.js";
import { nodeWhere } from "../node-where.ts";
import { addDays, atLocal } from "../rules/local-time.ts";
import { regionWhere, scoped } from "../scope.ts";
import { OrderDirection } from "./common.ts";
import { ChecklistItem } from "./enums.ts";
import { ShelterRef } from "./shelter.ts";

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
  findUnique: (id, ctx) => nodeWhere(ctx, "Patrol", Number(id), scoped(ctx.viewer, "Patrol")),
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
