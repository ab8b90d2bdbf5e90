// 情况报告: the incident ledger with lateness (incidentReports). Filing is in incident-file.ts, the
// filter and timeliness per office in incident-stats.ts. Lateness follows rules/incident.ts with
// the deployment's limit (ctx.settings.incidentLateMinutes).
import { builder } from "../builder.ts";
import { nodeWhere } from "../node-where.ts";
import { delayMinutes, isLate } from "../rules/incident.ts";
import { canRead, scoped } from "../scope.ts";
import { OrderDirection } from "./common.ts";
import { IncidentSeverity } from "./enums.ts";
import { IncidentFilter, incidentWhere } from "./incident-stats.ts";

export const IncidentReportRef = builder.prismaNode("IncidentReport", {
  description: "An incident reported by the shift on duty (情况报告), with its timeliness (不得迟报).",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) => nodeWhere(ctx, "IncidentReport", Number(id), scoped(ctx.viewer, "IncidentReport")),
  authScopes: (report, ctx) => canRead(ctx.viewer, { region: report.regionCode }),
  fields: (t) => ({
    code: t.exposeString("code", { description: "Report code, QB-<date>-NNN (报告编号)." }),
    organization: t.relation("organization", { description: "The office that reported (报告单位)." }),
    dutyShift: t.relation("dutyShift", {
      nullable: true,
      description: "The shift on duty when it was reported (值班班次).",
    }),
    shelter: t.relation("shelter", { nullable: true, description: "The work concerned, if any (涉及工程)." }),
    occurredAt: t.expose("occurredAt", { type: "DateTime", description: "When it happened (发生时间)." }),
    reportedAt: t.expose("reportedAt", { type: "DateTime", description: "When it was reported (报告时间)." }),
    delayMinutes: t.int({
      description: "Minutes from occurrence to report, rounded up (报告用时，分钟).",
      resolve: (r) => delayMinutes(r.delaySeconds),
    }),
    isLate: t.boolean({
      description: "Reported later than the deployment's limit after it happened, 60 minutes by default (迟报).",
      resolve: (r, _args, ctx) => isLate(r.delaySeconds, ctx.settings.incidentLateMinutes),
    }),
    reportedBy: t.string({
      nullable: true,
      description:
        "Who reported it: the token subject, usually a person code (报告人). Personal data: null for PUBLIC.",
      authScopes: { personalData: true },
      unauthorizedResolver: () => null,
      resolve: (r) => r.reportedBy,
    }),
    summary: t.exposeString("summary", { description: "What happened (事件概要)." }),
    severity: t.expose("severity", { type: IncidentSeverity, description: "Severity (事件等级)." }),
  }),
});

const IncidentOrderField = builder.enumType("IncidentOrderField", {
  description: "What to sort incident reports by.",
  values: {
    OCCURRED_AT: { description: "When it happened." },
    REPORTED_AT: { description: "When it was reported." },
    DELAY: { description: "Time from occurrence to report." },
    CODE: { description: "Report code." },
  },
});

const IncidentOrder = builder.inputType("IncidentOrder", {
  description: "One sort key for incident reports.",
  fields: (t) => ({
    field: t.field({ type: IncidentOrderField, required: true, description: "The key." }),
    direction: t.field({ type: OrderDirection, defaultValue: "ASC", description: "The direction." }),
  }),
});

const orderColumn = {
  OCCURRED_AT: "occurredAt",
  REPORTED_AT: "reportedAt",
  DELAY: "delaySeconds",
  CODE: "code",
} as const;
type Order = { field: keyof typeof orderColumn; direction?: "ASC" | "DESC" | null };
function incidentOrderBy(orderBy: Order[] | null | undefined) {
  const keys = (orderBy ?? []).map((o) => ({ [orderColumn[o.field]]: o.direction === "DESC" ? "desc" : "asc" }));
  return keys.length ? [...keys, { id: "asc" as const }] : [{ occurredAt: "desc" as const }, { id: "desc" as const }];
}

builder.queryField("incidentReports", (t) =>
  t.prismaConnection(
    {
      type: "IncidentReport",
      cursor: "id",
      description:
        "Incident reports in this token's scope (情况报告台账): filter, sort and page; latest first by default.",
      args: {
        filter: t.arg({ type: IncidentFilter, required: false, description: "Filters (筛选)." }),
        orderBy: t.arg({ type: [IncidentOrder], required: false, description: "Sort keys, first is primary (排序)." }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.incidentReport.findMany({
          ...query,
          where: incidentWhere(ctx, args.filter),
          orderBy: incidentOrderBy(args.orderBy as Order[]),
        }),
      totalCount: (_root, args, ctx) => ctx.prisma.incidentReport.count({ where: incidentWhere(ctx, args.filter) }),
    },
    { name: "IncidentReportConnection", description: "A page of incident reports." },
    { name: "IncidentReportEdge", description: "An incident report in a page." },
  ),
);
