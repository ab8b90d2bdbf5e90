// 阶段整治情况报告: each organization's stage report at each deadline, on time / late (迟报) /
// missing (漏报) at a given date, and the `stageReports` list (submitStageReport: stage-report-submit.ts).
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import type { Prisma } from "../generated/sqlite/client.js";
import { nodeWhere } from "../node-where.ts";
import { dayEnd, daysLate, type Timeliness, timeliness } from "../rules/progress.ts";
import { regionWhere, scoped, visibleWhere } from "../scope.ts";
import { ReportingDeadlineRef, today } from "./campaign.ts";

export const ReportTimeliness = builder.enumType("ReportTimeliness", {
  description: "A stage report at a date (报送情况).",
  values: {
    ON_TIME: { description: "Submitted on or before its due date (按时报送)." },
    LATE: { description: "Submitted after its due date (迟报)." },
    MISSING: { description: "Not submitted, and the due date has passed (漏报)." },
    PENDING: { description: "Not submitted yet, and not yet due (未到期)." },
  },
});

/** The asOf a list was asked for, per row, so each row's `timeliness` answers for the same date. */
const listAsOf = new WeakMap<object, Date>();
const asOfHelp = "The date to judge at; default the list's asOf, or today.";

export const StageReportRef = builder.prismaNode("StageReport", {
  description: "One organization's stage report at one reporting deadline (阶段整治情况报告).",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) => nodeWhere(ctx, "StageReport", Number(id), visibleWhere(ctx.viewer, "StageReport")),
  fields: (t) => ({
    deadline: t.relation("deadline", { description: "The deadline it answers (报送时限)." }),
    organization: t.relation("organization", { description: "The organization that owes it (报送单位)." }),
    submittedAt: t.expose("submittedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was submitted (报送时间).",
    }),
    submittedBy: t.exposeString("submittedBy", {
      nullable: true,
      authScopes: { personalData: true },
      unauthorizedResolver: () => null,
      description: "Who submitted it (报送人编码). Personal data: null for PUBLIC.",
    }),
    summary: t.exposeString("summary", { nullable: true, description: "What it reports (报告摘要)." }),
    attachmentUrl: t.exposeString("attachmentUrl", { nullable: true, description: "Link to the full report (附件)." }),
    timeliness: t.field({
      type: ReportTimeliness,
      description: "On time, late, missing or pending at `asOf` (报送情况).",
      args: { asOf: t.arg({ type: "Date", required: false, description: asOfHelp }) },
      select: { deadline: { select: { dueOn: true } } },
      resolve: (r, args, ctx) =>
        timeliness(r.deadline.dueOn, r.submittedAt, args.asOf ?? listAsOf.get(r) ?? today(ctx)),
    }),
    daysLate: t.int({
      description: "Days past the due date when submitted late, or so far when missing; 0 otherwise (逾期天数).",
      args: { asOf: t.arg({ type: "Date", required: false, description: asOfHelp }) },
      select: { deadline: { select: { dueOn: true } } },
      resolve: (r, args, ctx) => daysLate(r.deadline.dueOn, r.submittedAt, args.asOf ?? listAsOf.get(r) ?? today(ctx)),
    }),
  }),
});

export const StageReportFilter = builder.inputType("StageReportFilter", {
  description: "Which stage reports to list (报送情况筛选). All given conditions must hold.",
  fields: (t) => ({
    campaignCode: t.string({ description: "Reports of this campaign (专项行动)." }),
    deadlineId: t.globalID({ for: [ReportingDeadlineRef], description: "Reports at this deadline (报送时限)." }),
    dueFrom: t.field({ type: "Date", description: "Deadlines on or after this date." }),
    dueTo: t.field({ type: "Date", description: "Deadlines on or before this date." }),
    regionCode: t.string({ description: "Organizations of this region and below (区划代码)." }),
    organizationCode: t.string({ description: "One organization (单位编码)." }),
    timeliness: t.field({ type: [ReportTimeliness], description: "Any of these, judged at asOf (报送情况)." }),
  }),
});

export interface StageReportFilterShape {
  campaignCode?: string | null;
  deadlineId?: { id: string } | null;
  dueFrom?: Date | null;
  dueTo?: Date | null;
  regionCode?: string | null;
  organizationCode?: string | null;
  timeliness?: Timeliness[] | null;
}

export function deadlineWhere(ctx: Context, f: StageReportFilterShape): Prisma.ReportingDeadlineWhereInput {
  return {
    campaign: { AND: [visibleWhere(ctx.viewer, "Campaign"), f.campaignCode ? { code: f.campaignCode } : {}] },
    ...(f.deadlineId ? { id: Number(f.deadlineId.id) } : {}),
    ...(f.dueFrom || f.dueTo ? { dueOn: { gte: f.dueFrom ?? undefined, lte: f.dueTo ?? undefined } } : {}),
  };
}

/**
 * Rows of the given timeliness at `asOf`, in SQL: the due date differs per deadline, so the
 * condition is spelled out per deadline (a campaign has a handful) — the same cases as timeliness().
 */
export function timelinessWhere(
  deadlines: { id: number; dueOn: Date }[],
  kinds: readonly Timeliness[],
  asOf: Date,
): Prisma.StageReportWhereInput {
  const asOfEnd = dayEnd(asOf);
  const notYet: Prisma.StageReportWhereInput = { OR: [{ submittedAt: null }, { submittedAt: { gte: asOfEnd } }] };
  const or: Prisma.StageReportWhereInput[] = [];
  for (const d of deadlines) {
    const dueEnd = dayEnd(d.dueOn);
    const passed = asOfEnd > dueEnd;
    const cases: Prisma.StageReportWhereInput[] = [];
    if (kinds.includes("ON_TIME")) cases.push({ submittedAt: { lt: passed ? dueEnd : asOfEnd } });
    if (kinds.includes("LATE") && passed) cases.push({ submittedAt: { gte: dueEnd, lt: asOfEnd } });
    if ((kinds.includes("MISSING") && passed) || (kinds.includes("PENDING") && !passed)) cases.push(notYet);
    if (cases.length) or.push({ deadlineId: d.id, OR: cases });
  }
  return or.length ? { OR: or } : { id: -1 };
}

/** The deadlines a filter reaches (a campaign has a handful), for timelinessWhere. */
export function filterDeadlines(ctx: Context, f: StageReportFilterShape) {
  return ctx.prisma.reportingDeadline.findMany({ where: deadlineWhere(ctx, f), select: { id: true, dueOn: true } });
}

/** The Prisma `where` of a StageReportFilter within the viewer's scope, without its timeliness. */
export function stageReportWhere(ctx: Context, f: StageReportFilterShape): Prisma.StageReportWhereInput {
  const and: Prisma.StageReportWhereInput[] = [{ deadline: deadlineWhere(ctx, f) }];
  if (f.regionCode) and.push(regionWhere("StageReport", f.regionCode));
  if (f.organizationCode) and.push({ organization: { code: f.organizationCode } });
  return scoped(ctx.viewer, "StageReport", { AND: and }) as Prisma.StageReportWhereInput;
}

/** Filter plus timeliness; memoised per request so the page and its totalCount share one deadline query. */
const memo = new WeakMap<Context, Map<string, Promise<Prisma.StageReportWhereInput>>>();
function listWhere(ctx: Context, f: StageReportFilterShape, asOf: Date) {
  const key = JSON.stringify([f, asOf]);
  const cache = memo.get(ctx) ?? new Map();
  memo.set(ctx, cache);
  if (!cache.has(key)) {
    const base = stageReportWhere(ctx, f);
    const kinds = f.timeliness;
    cache.set(
      key,
      kinds?.length
        ? filterDeadlines(ctx, f).then((ds) => ({ AND: [base, timelinessWhere(ds, kinds, asOf)] }))
        : Promise.resolve(base),
    );
  }
  return cache.get(key)!;
}

builder.queryField("stageReports", (t) =>
  t.prismaConnection(
    {
      type: "StageReport",
      cursor: "id",
      description: "Stage reports owed in this token's scope, by due date and organization (阶段整治情况报告).",
      args: {
        filter: t.arg({ type: StageReportFilter, required: false, description: "Filters (筛选)." }),
        asOf: t.arg({
          type: "Date",
          required: false,
          description: "Judge timeliness at this date; default today (截至日期).",
        }),
      },
      resolve: async (query, _root, args, ctx) => {
        const asOf = args.asOf ?? today(ctx);
        const rows = await ctx.prisma.stageReport.findMany({
          ...query,
          where: await listWhere(ctx, args.filter ?? {}, asOf),
          orderBy: [{ deadline: { dueOn: "asc" } }, { organizationId: "asc" }, { id: "asc" }],
        });
        for (const r of rows) listAsOf.set(r, asOf);
        return rows;
      },
      totalCount: async (_root, args, ctx) =>
        ctx.prisma.stageReport.count({ where: await listWhere(ctx, args.filter ?? {}, args.asOf ?? today(ctx)) }),
    },
    { name: "StageReportConnection", description: "A page of stage reports." },
    { name: "StageReportEdge", description: "A stage report in a page." },
  ),
);
