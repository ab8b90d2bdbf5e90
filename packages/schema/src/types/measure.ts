import { builder } from "../builder.ts";
import type { Viewer } from "../context.ts";
import type { Prisma, MeasureStatus as Status } from "../generated/sqlite/client.js";
import { nodeWhere } from "../node-where.ts";
import { regionByCode } from "../regions.ts";
import { calendarDay, DAY_MS } from "../rules/hazard.ts";
import { measureOverdueDays, measureOverdueWhere } from "../rules/measure.ts";
import { regionWhere, scoped } from "../scope.ts";
import { MeasureStatus } from "./enums.ts";
import { RegionRef } from "./region.ts";

const asOf = { type: "Date", required: false, description: "Judge at this date instead of today (截止日期)." } as const;

export const MeasureRef = builder.prismaNode("Measure", {
  description: "An institutional measure (制度措施), one row of the 制度措施清单.",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) => nodeWhere(ctx, "Measure", Number(id), scoped(ctx.viewer, "Measure")),
  fields: (t) => ({
    code: t.exposeString("code", { description: "Measure code, e.g. CS-360100-0001 (措施编号)." }),
    title: t.exposeString("title", { description: "What rule or mechanism is to be built (措施名称)." }),
    description: t.exposeString("description", { description: "Details (具体内容)." }),
    owner: t.relation("owner", { description: "The unit that owns it (责任单位)." }),
    region: t.field({
      type: RegionRef,
      description: "The region it applies to (所属区划).",
      resolve: async (m, _a, ctx) => (await regionByCode(ctx, m.regionCode))!,
    }),
    dueOn: t.expose("dueOn", { type: "Date", description: "Due date (完成时限)." }),
    status: t.expose("status", { type: MeasureStatus, description: "Progress (进展)." }),
    completedOn: t.expose("completedOn", { type: "Date", nullable: true, description: "Date done (完成日期)." }),
    isOverdue: t.boolean({
      description: "Past its due date and not done (逾期).",
      args: { asOf: t.arg(asOf) },
      resolve: (m, args, ctx) => measureOverdueDays(m, args.asOf ?? ctx.now) > 0,
    }),
    overdueDays: t.int({
      description: "Whole days past the due date; 0 when not overdue (逾期天数).",
      args: { asOf: t.arg(asOf) },
      resolve: (m, args, ctx) => measureOverdueDays(m, args.asOf ?? ctx.now),
    }),
    version: t.exposeInt("version", { description: "Increases with every change; pass it back to update." }),
  }),
});

const MeasureFilter = builder.inputType("MeasureFilter", {
  description: "Which measures to list (制度措施筛选). All given conditions must hold.",
  fields: (t) => ({
    regionCode: t.string({ description: "The region and everything below it (区划代码)." }),
    status: t.field({ type: [MeasureStatus], description: "Any of these statuses (进展)." }),
    ownerCode: t.string({ description: "Only this owner unit's measures (责任单位编码)." }),
    campaignCode: t.string({ description: "Only measures of this campaign (专项行动编号)." }),
    overdue: t.boolean({ description: "Only overdue (true) or not overdue (false) measures as of `asOf` (逾期)." }),
    dueFrom: t.field({ type: "Date", description: "Due on or after (时限起)." }),
    dueTo: t.field({ type: "Date", description: "Due on or before (时限止)." }),
    search: t.string({ description: "Part of the code or title (关键字)." }),
    asOf: t.field({ type: "Date", description: "The date `overdue` is judged at; default today (截止日期)." }),
  }),
});

interface FilterShape {
  regionCode?: string | null;
  status?: Status[] | null;
  ownerCode?: string | null;
  campaignCode?: string | null;
  overdue?: boolean | null;
  dueFrom?: Date | null;
  dueTo?: Date | null;
  search?: string | null;
  asOf?: Date | null;
}

function measureWhere(viewer: Viewer, f: FilterShape | null | undefined, now: Date): Prisma.MeasureWhereInput {
  const and: Prisma.MeasureWhereInput[] = [];
  if (f?.regionCode) and.push(regionWhere("Measure", f.regionCode));
  if (f?.status?.length) and.push({ status: { in: f.status } });
  if (f?.ownerCode) and.push({ owner: { code: f.ownerCode } });
  if (f?.campaignCode) and.push({ campaign: { code: f.campaignCode } });
  if (f?.overdue != null) {
    const asOf = f.asOf ?? now;
    and.push(
      f.overdue ? measureOverdueWhere(asOf) : { OR: [{ status: "DONE" }, { dueOn: { gte: calendarDay(asOf) } }] },
    );
  }
  if (f?.dueFrom) and.push({ dueOn: { gte: f.dueFrom } });
  if (f?.dueTo) and.push({ dueOn: { lt: new Date(f.dueTo.getTime() + DAY_MS) } });
  if (f?.search?.trim()) {
    const s = f.search.trim();
    and.push({ OR: [{ code: { contains: s.toUpperCase() } }, { title: { contains: s } }] });
  }
  return scoped(viewer, "Measure", and.length ? { AND: and } : {}) as Prisma.MeasureWhereInput;
}

builder.queryField("measures", (t) =>
  t.prismaConnection(
    {
      type: "Measure",
      cursor: "id",
      description: "The 制度措施清单 in this token's scope, by due date.",
      args: { filter: t.arg({ type: MeasureFilter, required: false, description: "Filters (筛选)." }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.measure.findMany({
          ...query,
          where: measureWhere(ctx.viewer, args.filter, ctx.now),
          orderBy: [{ dueOn: "asc" }, { id: "asc" }],
        }),
      totalCount: (_root, args, ctx) =>
        ctx.prisma.measure.count({ where: measureWhere(ctx.viewer, args.filter, ctx.now) }),
    },
    { name: "MeasureConnection", description: "A page of measures." },
    { name: "MeasureEdge", description: "A measure in a page." },
  ),
);
