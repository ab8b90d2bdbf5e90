// The incident filter, shared by the ledger and the statistics, and timeliness per office
// (情况报告及时率): how many reports each office filed and how many were late. Computed by the
// database (two groupBy over the stored delay), never by loading reports.
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import type { IncidentSeverity, Organization, Prisma } from "../generated/sqlite/client.js";
import { delayMinutes, lateAfterSeconds } from "../rules/incident.ts";
import { addDays, atLocal } from "../rules/local-time.ts";
import { regionWhere, scoped } from "../scope.ts";
import { IncidentSeverity as SeverityEnum } from "./enums.ts";
import { OrganizationRef } from "./organization.ts";

export const IncidentFilter = builder.inputType("IncidentFilter", {
  description: "Which incident reports to list or count (情况报告筛选). All given conditions must hold.",
  fields: (t) => ({
    regionCode: t.string({ description: "The region and everything below it (区划代码)." }),
    organizationCode: t.string({ description: "Reports of this office (报告单位编码)." }),
    severity: t.field({ type: [SeverityEnum], description: "Any of these severities (事件等级)." }),
    late: t.boolean({ description: "Only late reports (true) or only timely ones (false) (迟报)." }),
    from: t.field({ type: "Date", description: "Happened on or after this date, Beijing time (起始日期)." }),
    to: t.field({ type: "Date", description: "Happened on or before this date, Beijing time (截止日期)." }),
  }),
});

export interface IncidentFilterShape {
  regionCode?: string | null;
  organizationCode?: string | null;
  severity?: string[] | null;
  late?: boolean | null;
  from?: Date | null;
  to?: Date | null;
}

/** The Prisma `where` for an IncidentFilter within the viewer's scope, with the deployment's lateness limit. */
export function incidentWhere(
  ctx: Context,
  filter: IncidentFilterShape | null | undefined,
): Prisma.IncidentReportWhereInput {
  const and: Prisma.IncidentReportWhereInput[] = [];
  if (filter?.regionCode) and.push(regionWhere("IncidentReport", filter.regionCode));
  if (filter?.organizationCode) and.push({ organization: { code: filter.organizationCode } });
  if (filter?.severity?.length) and.push({ severity: { in: filter.severity as IncidentSeverity[] } });
  if (filter?.late != null) {
    const limit = lateAfterSeconds(ctx.settings.incidentLateMinutes);
    and.push({ delaySeconds: filter.late ? { gt: limit } : { lte: limit } });
  }
  if (filter?.from) and.push({ occurredAt: { gte: atLocal(filter.from, 0) } });
  if (filter?.to) and.push({ occurredAt: { lt: atLocal(addDays(filter.to, 1), 0) } });
  return scoped(ctx.viewer, "IncidentReport", and.length ? { AND: and } : {}) as Prisma.IncidentReportWhereInput;
}

interface Timeliness {
  organization: Organization;
  total: number;
  late: number;
  averageDelaySeconds: number;
  maxDelaySeconds: number;
}

const IncidentTimelinessRef = builder.objectRef<Timeliness>("IncidentTimeliness").implement({
  description: "How timely one office reported its incidents (情况报告及时性).",
  fields: (t) => ({
    organization: t.field({
      type: OrganizationRef,
      description: "The reporting office (报告单位).",
      resolve: (r) => r.organization,
    }),
    total: t.exposeInt("total", { description: "Reports filed (报告数)." }),
    late: t.exposeInt("late", { description: "Reports past the limit (迟报数)." }),
    onTime: t.int({ description: "Reports within the limit (及时报告数).", resolve: (r) => r.total - r.late }),
    lateRate: t.float({
      description: "late / total, 0..1 (迟报率).",
      resolve: (r) => (r.total ? r.late / r.total : 0),
    }),
    averageDelayMinutes: t.float({
      description: "Average minutes from occurrence to report (平均报告用时，分钟).",
      resolve: (r) => Math.round((r.averageDelaySeconds / 60) * 10) / 10,
    }),
    maxDelayMinutes: t.int({
      description: "Longest time to report, minutes (最长报告用时).",
      resolve: (r) => delayMinutes(r.maxDelaySeconds),
    }),
  }),
});

builder.queryField("incidentTimeliness", (t) =>
  t.field({
    type: [IncidentTimelinessRef],
    description:
      "Incident reporting timeliness per office (情况报告及时率), by office code; offices without reports are left out.",
    args: { filter: t.arg({ type: IncidentFilter, required: false, description: "Which reports to count (筛选)." }) },
    resolve: async (_root, args, ctx) => {
      const where = incidentWhere(ctx, args.filter);
      const limit = lateAfterSeconds(ctx.settings.incidentLateMinutes);
      const [all, late] = await Promise.all([
        ctx.prisma.incidentReport.groupBy({
          by: ["organizationId"],
          where,
          _count: { _all: true },
          _avg: { delaySeconds: true },
          _max: { delaySeconds: true },
        }),
        ctx.prisma.incidentReport.groupBy({
          by: ["organizationId"],
          where: { AND: [where, { delaySeconds: { gt: limit } }] },
          _count: { _all: true },
        }),
      ]);
      if (all.length === 0) return [];
      const lateOf = new Map(late.map((g) => [g.organizationId, g._count._all]));
      const orgs = await ctx.prisma.organization.findMany({
        where: scoped(ctx.viewer, "Organization", { id: { in: all.map((g) => g.organizationId) } }),
      });
      const orgOf = new Map(orgs.map((o) => [o.id, o]));
      return all
        .filter((g) => orgOf.has(g.organizationId))
        .map((g) => ({
          organization: orgOf.get(g.organizationId) as Organization,
          total: g._count._all,
          late: lateOf.get(g.organizationId) ?? 0,
          averageDelaySeconds: g._avg.delaySeconds ?? 0,
          maxDelaySeconds: g._max.delaySeconds ?? 0,
        }))
        .sort((a, b) => a.organization.code.localeCompare(b.organization.code));
    },
  }),
);
