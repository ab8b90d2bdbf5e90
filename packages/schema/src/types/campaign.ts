// 专项整治行动: campaigns as data — their phases, reporting deadlines and who owes each stage
// report. Nothing about a particular plan (the Jiangxi 2020–2022 one is seeded) lives in code.
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import type { Prisma } from "../generated/sqlite/client.js";
import { nodeWhere } from "../node-where.ts";
import { regionByCode } from "../regions.ts";
import { chinaDate } from "../rules/progress.ts";
import { regionWhere, scoped, visibleWhere } from "../scope.ts";
import { RegionRef } from "./region.ts";

/** "Today" of a request as a calendar date, the default of every `asOf`. */
export const today = (ctx: Context) => chinaDate(ctx.now);

export const CampaignPhaseRef = builder.prismaObject("CampaignPhase", {
  description: "A phase of a campaign (阶段), e.g. 动员部署, 排查整治, 集中攻坚, 巩固提升.",
  fields: (t) => ({
    ordinal: t.exposeInt("ordinal", { description: "Position in the campaign, from 1 (序号)." }),
    name: t.exposeString("name", { description: "Name (阶段名称)." }),
    description: t.exposeString("description", { description: "What the phase does (工作内容)." }),
    startsOn: t.expose("startsOn", { type: "Date", description: "First day (开始日期)." }),
    endsOn: t.expose("endsOn", { type: "Date", description: "Last day (结束日期)." }),
  }),
});

export const ReportingDeadlineRef = builder.prismaNode("ReportingDeadline", {
  description: "A date by which organizations owe a stage report (阶段整治情况报告报送时限).",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) =>
    nodeWhere(ctx, "ReportingDeadline", Number(id), { campaign: visibleWhere(ctx.viewer, "Campaign") }),
  fields: (t) => ({
    title: t.exposeString("title", { description: "Title, e.g. 2021年第一季度阶段整治情况报告 (报告名称)." }),
    dueOn: t.expose("dueOn", {
      type: "Date",
      description: "Due date; a report submitted that day is on time (报送时限).",
    }),
    recipient: t.exposeString("recipient", {
      description: "Who receives the reports, e.g. 省人防办工程处 (报送对象).",
    }),
    campaign: t.relation("campaign", { description: "The campaign (所属专项行动)." }),
    reports: t.relation("reports", {
      description: "The stage reports owed at this deadline that this token may see, one per organization (应报单位).",
      query: (_args, ctx) => ({ where: visibleWhere(ctx.viewer, "StageReport"), orderBy: { organizationId: "asc" } }),
    }),
    owedCount: t.relationCount("reports", {
      description: "How many organizations owe a report at this deadline (应报单位数), within this token's scope.",
      where: (_args, ctx) => visibleWhere(ctx.viewer, "StageReport"),
    }),
  }),
});

export const CampaignRef = builder.prismaNode("Campaign", {
  description: "A work-safety rectification campaign (专项整治行动): dated phases, reporting deadlines and targets.",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) => nodeWhere(ctx, "Campaign", Number(id), visibleWhere(ctx.viewer, "Campaign")),
  fields: (t) => ({
    code: t.exposeString("code", { description: "Campaign code, e.g. JX-RF-2020-2022 (行动编号)." }),
    name: t.exposeString("name", { description: "Name (行动名称)." }),
    description: t.exposeString("description", { description: "Aims and overall targets (总体目标)." }),
    region: t.field({
      type: RegionRef,
      description: "The region it covers (实施区域).",
      resolve: async (c, _a, ctx) => (await regionByCode(ctx, c.regionCode))!,
    }),
    startsOn: t.expose("startsOn", { type: "Date", description: "First day (开始日期)." }),
    endsOn: t.expose("endsOn", { type: "Date", description: "Last day (结束日期)." }),
    phases: t.relation("phases", {
      description: "Its phases in order (工作阶段).",
      query: { orderBy: { ordinal: "asc" } },
    }),
    deadlines: t.relation("deadlines", {
      description: "Its reporting deadlines by date (报送时限).",
      query: { orderBy: [{ dueOn: "asc" }, { id: "asc" }] },
    }),
    currentPhase: t.field({
      type: CampaignPhaseRef,
      nullable: true,
      description: "The phase under way at `asOf` (当前阶段); null between phases or outside the campaign.",
      args: { asOf: t.arg({ type: "Date", required: false, description: "The date; default today." }) },
      select: { phases: { orderBy: { ordinal: "asc" } } },
      resolve: (c, args, ctx) => {
        const at = args.asOf ?? today(ctx);
        return c.phases.find((p) => p.startsOn <= at && at <= p.endsOn) ?? null;
      },
    }),
    nextDeadline: t.field({
      type: ReportingDeadlineRef,
      nullable: true,
      description: "The first reporting deadline on or after `asOf` (下一报送时限); null when none is left.",
      args: { asOf: t.arg({ type: "Date", required: false, description: "The date; default today." }) },
      select: { deadlines: { orderBy: [{ dueOn: "asc" }, { id: "asc" }] } },
      resolve: (c, args, ctx) => {
        const at = args.asOf ?? today(ctx);
        return c.deadlines.find((d) => d.dueOn >= at) ?? null;
      },
    }),
    targets: t.relation("targets", {
      description: "The targets set under this campaign that this token may see (目标任务).",
      query: (_args, ctx) => ({
        where: visibleWhere(ctx.viewer, "Target"),
        orderBy: [{ year: "asc" }, { metric: "asc" }, { regionCode: "asc" }],
      }),
    }),
  }),
});

const CampaignFilter = builder.inputType("CampaignFilter", {
  description: "Which campaigns to list (专项行动筛选).",
  fields: (t) => ({
    regionCode: t.string({ description: "Campaigns of this region and below (实施区域)." }),
    activeOn: t.field({ type: "Date", description: "Only campaigns under way on this date (进行中)." }),
    search: t.string({ description: "Part of the code or name." }),
  }),
});

type CampaignFilterShape = { regionCode?: string | null; activeOn?: Date | null; search?: string | null };

export function campaignWhere(ctx: Context, filter: CampaignFilterShape | null | undefined): Prisma.CampaignWhereInput {
  const and: Prisma.CampaignWhereInput[] = [];
  if (filter?.regionCode) and.push(regionWhere("Campaign", filter.regionCode));
  if (filter?.activeOn) and.push({ startsOn: { lte: filter.activeOn }, endsOn: { gte: filter.activeOn } });
  if (filter?.search)
    and.push({ OR: [{ code: { contains: filter.search.toUpperCase() } }, { name: { contains: filter.search } }] });
  return scoped(ctx.viewer, "Campaign", and.length ? { AND: and } : {}) as Prisma.CampaignWhereInput;
}

builder.queryFields((t) => ({
  campaigns: t.prismaConnection(
    {
      type: "Campaign",
      cursor: "id",
      description: "Campaigns this token takes part in, latest first (专项整治行动).",
      args: { filter: t.arg({ type: CampaignFilter, required: false, description: "Filters (筛选)." }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.campaign.findMany({
          ...query,
          where: campaignWhere(ctx, args.filter),
          orderBy: [{ startsOn: "desc" }, { id: "desc" }],
        }),
      totalCount: (_root, args, ctx) => ctx.prisma.campaign.count({ where: campaignWhere(ctx, args.filter) }),
    },
    { name: "CampaignConnection", description: "A page of campaigns." },
    { name: "CampaignEdge", description: "A campaign in a page." },
  ),
  campaign: t.prismaField({
    type: "Campaign",
    nullable: true,
    description: "One campaign by its code, if this token takes part in it (专项整治行动).",
    args: { code: t.arg.string({ required: true, description: "Campaign code, e.g. JX-RF-2020-2022." }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.campaign.findFirst({ ...query, where: { AND: [{ code: args.code }, campaignWhere(ctx, {})] } }),
  }),
}));
