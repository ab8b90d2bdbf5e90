// 隐患整改台账: the Hazard type with its append-only history, the `hazards` ledger, `hazard(code)`
// and `Shelter.hazards`. People's names are personal data (SPEC §4): PUBLIC sees units, not people.
import { builder } from "../builder.ts";
import { nodeWhere } from "../node-where.ts";
import { regionByCode } from "../regions.ts";
import { isOverdue, overdueDays } from "../rules/hazard.ts";
import { countHazards } from "../rules/hazard-tally.ts";
import { canRead, scoped } from "../scope.ts";
import { HazardAction, HazardCategory, HazardLevel, HazardSource, HazardStatus } from "./enums.ts";
import { HazardFilter, HazardOrder, type HazardOrderShape, hazardOrderBy, hazardWhere } from "./hazard-filter.ts";
import { RegionRef } from "./region.ts";
import { ShelterRef } from "./shelter.ts";

const hidden = { authScopes: { personalData: true }, unauthorizedResolver: () => null } as const;

export const HazardEventRef = builder.prismaObject("HazardEvent", {
  description: "One step of a hazard's closed loop (整改记录). Append-only: never changed or deleted.",
  // Only the columns a query's fields need (a ledger's last step is 3 of 10).
  select: { id: true },
  fields: (t) => ({
    action: t.expose("action", { type: HazardAction, description: "What was done (动作)." }),
    fromStatus: t.expose("fromStatus", {
      type: HazardStatus,
      nullable: true,
      description: "Status before; null at registration (原状态).",
    }),
    toStatus: t.expose("toStatus", { type: HazardStatus, description: "Status after (新状态)." }),
    actor: t.exposeString("actor", {
      nullable: true,
      ...hidden,
      description: "Token subject who did it (经办人编码). Personal data.",
    }),
    actorName: t.exposeString("actorName", {
      nullable: true,
      ...hidden,
      description: "Name of who did it (经办人). Personal data.",
    }),
    at: t.expose("at", { type: "DateTime", description: "When (时间)." }),
    // Free text often names people (e.g. 五落实：责任人…), so it is personal data too.
    comment: t.exposeString("comment", {
      nullable: true,
      ...hidden,
      description: "Note, reason or completion report (说明). Personal data.",
    }),
    evidence: t.stringList({
      description: "Links to photos and documents (佐证材料).",
      select: { evidence: true },
      resolve: (e) => JSON.parse(e.evidence) as string[],
    }),
  }),
});

export const HazardRef = builder.prismaNode("Hazard", {
  description: "A safety hazard found at a work (隐患), one row of the 问题隐患清单 with its rectification.",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) => nodeWhere(ctx, "Hazard", Number(id), scoped(ctx.viewer, "Hazard")),
  // Only the columns a query's fields need are read (a ledger page is ~10 of ~30); countyCode
  // always, for the check below.
  select: { id: true, countyCode: true },
  // A unit's hazards only ever come from queries scoped to its shelters (scope.ts); for the
  // regional roles the row carries its county, so check it again whichever way it was reached.
  authScopes: (h, ctx) => ctx.viewer.role === "UNIT_USER" || canRead(ctx.viewer, { region: h.countyCode }),
  fields: (t) => ({
    code: t.exposeString("code", { description: "Hazard code, e.g. YH-2020-360102-0001 (隐患编号)." }),
    title: t.exposeString("title", { description: "What is wrong, in a line (隐患名称)." }),
    description: t.exposeString("description", { description: "Details (隐患描述)." }),
    shelter: t.relation("shelter", { description: "The work where it was found (所在工程)." }),
    region: t.field({
      type: RegionRef,
      description: "County-level region of the work (所在县区).",
      resolve: async (h, _a, ctx) => (await regionByCode(ctx, h.countyCode))!,
    }),
    city: t.field({
      type: RegionRef,
      description: "City of the work (所在设区市).",
      select: { cityCode: true },
      resolve: async (h, _a, ctx) => (await regionByCode(ctx, h.cityCode))!,
    }),
    category: t.expose("category", { type: HazardCategory, description: "Category (隐患类别)." }),
    level: t.expose("level", { type: HazardLevel, description: "General or major (隐患等级)." }),
    source: t.expose("source", { type: HazardSource, description: "How it was found (隐患来源)." }),
    discoveredOn: t.expose("discoveredOn", { type: "Date", description: "Date found (发现日期)." }),
    discoveredBy: t.exposeString("discoveredBy", {
      nullable: true,
      ...hidden,
      description: "Who found it (发现人). Personal data.",
    }),
    status: t.expose("status", { type: HazardStatus, description: "Where it is in the closed loop (整改状态)." }),
    deadline: t.expose("deadline", { type: "Date", nullable: true, description: "Rectification deadline (整改时限)." }),
    measures: t.exposeString("measures", { nullable: true, description: "Rectification measures (整改措施)." }),
    responsibleUnit: t.relation("responsibleUnit", { nullable: true, description: "Responsible unit (整改责任单位)." }),
    responsiblePerson: t.exposeString("responsiblePerson", {
      nullable: true,
      ...hidden,
      description: "Responsible person (整改责任人). Personal data: null for PUBLIC.",
    }),
    responsiblePhone: t.exposeString("responsiblePhone", {
      nullable: true,
      ...hidden,
      description: "Responsible person's phone (联系电话). Personal data: null for PUBLIC.",
    }),
    funds: t.exposeFloat("funds", { nullable: true, description: "Rectification funds, yuan (整改资金)." }),
    contingencyPlan: t.exposeString("contingencyPlan", { nullable: true, description: "Contingency plan (应急预案)." }),
    fixedOnSite: t.exposeBoolean("fixedOnSite", {
      description: "Fixed on the spot (立查立改); still needs acceptance.",
    }),
    rectifiedOn: t.expose("rectifiedOn", {
      type: "Date",
      nullable: true,
      description: "Date rectification was completed (整改完成日期).",
    }),
    closedOn: t.expose("closedOn", {
      type: "Date",
      nullable: true,
      description: "Date accepted and closed (销号日期).",
    }),
    isOverdue: t.boolean({
      description: "Past its deadline and not yet handed in for acceptance (逾期).",
      args: {
        asOf: t.arg({ type: "Date", required: false, description: "Judge at this date instead of today (截止日期)." }),
      },
      select: { status: true, deadline: true },
      resolve: (h, args, ctx) => isOverdue(h, args.asOf ?? ctx.now),
    }),
    overdueDays: t.int({
      description: "Whole days past the deadline; 0 when not overdue (逾期天数).",
      args: {
        asOf: t.arg({ type: "Date", required: false, description: "Judge at this date instead of today (截止日期)." }),
      },
      select: { status: true, deadline: true },
      resolve: (h, args, ctx) => overdueDays(h, args.asOf ?? ctx.now),
    }),
    escalatedAt: t.expose("escalatedAt", {
      type: "DateTime",
      nullable: true,
      description: "When escalated to the office above (督办时间).",
    }),
    escalatedTo: t.field({
      type: RegionRef,
      nullable: true,
      description: "The region whose office supervises it (督办单位所在区划).",
      select: { escalatedToCode: true },
      resolve: (h, _a, ctx) => regionByCode(ctx, h.escalatedToCode),
    }),
    history: t.relation("events", {
      description: "Every step, oldest first (整改记录). Append-only.",
      query: { orderBy: { id: "asc" } },
    }),
    lastEvent: t.field({
      type: HazardEventRef,
      nullable: true,
      description: "The latest step (最近一次处理).",
      select: (_args, _ctx, nested) => ({ events: nested({ orderBy: { id: "desc" }, take: 1 }) }),
      resolve: (h) => h.events[0] ?? null,
    }),
    version: t.exposeInt("version", { description: "Increases with every step; pass it back to change the hazard." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "Last change (更新时间)." }),
  }),
});

builder.queryFields((t) => ({
  hazards: t.prismaConnection(
    {
      type: "Hazard",
      cursor: "id",
      description: "The hazard ledger in this token's scope (隐患整改台账): filter, sort and page.",
      args: {
        filter: t.arg({ type: HazardFilter, required: false, description: "Filters (筛选)." }),
        orderBy: t.arg({ type: [HazardOrder], required: false, description: "Sort keys, first is primary (排序)." }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.hazard.findMany({
          ...query,
          where: hazardWhere(ctx.viewer, args.filter, ctx.now),
          orderBy: hazardOrderBy(args.orderBy as HazardOrderShape[], ctx.provider),
        }),
      totalCount: (_root, args, ctx) => countHazards(ctx.prisma, hazardWhere(ctx.viewer, args.filter, ctx.now)),
    },
    { name: "HazardConnection", description: "A page of hazards." },
    { name: "HazardEdge", description: "A hazard in a page." },
  ),
  hazard: t.prismaField({
    type: "Hazard",
    nullable: true,
    description: "One hazard by its code, if visible to this token (隐患).",
    args: { code: t.arg.string({ required: true, description: "Hazard code (隐患编号)." }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.hazard.findFirst({ ...query, where: { AND: [{ code: args.code }, scoped(ctx.viewer, "Hazard")] } }),
  }),
}));

builder.prismaObjectField(ShelterRef, "hazards", (t) =>
  t.relatedConnection(
    "hazards",
    {
      cursor: "id",
      description: "The work's hazards (本工程隐患), filtered and sorted like the ledger.",
      args: {
        filter: t.arg({ type: HazardFilter, required: false, description: "Filters (筛选)." }),
        orderBy: t.arg({ type: [HazardOrder], required: false, description: "Sort keys, first is primary (排序)." }),
      },
      totalCount: true,
      query: (args, ctx) => ({
        where: hazardWhere(ctx.viewer, args.filter, ctx.now),
        orderBy: hazardOrderBy(args.orderBy as HazardOrderShape[], ctx.provider),
      }),
    },
    { name: "ShelterHazardConnection", description: "A page of a work's hazards." },
    { name: "ShelterHazardEdge", description: "A hazard of the work." },
  ),
);
