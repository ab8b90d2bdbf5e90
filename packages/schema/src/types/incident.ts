// 情况报告: incidents reported by the shift on duty (fileIncidentReport), the incident ledger
// with lateness (incidentReports) and timeliness per office (incidentTimeliness). Lateness follows
// rules/incident.ts with the deployment's limit (ctx.settings.incidentLateMinutes).
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import { nextCode } from "../codes.ts";
import type { Context } from "../context.ts";
import { mutationErrors, NotFoundError, RuleError } from "../errors.ts";
import type { IncidentReport, IncidentSeverity as Severity } from "../generated/sqlite/client.js";
import { DUTY_OFFICE_KINDS } from "../rules/duty.ts";
import { checkIncidentTimes, delayMinutes, delaySecondsOf, incidentFields, isLate } from "../rules/incident.ts";
import { compactDate, localDate } from "../rules/local-time.ts";
import { insertWithCode } from "../rules/unique-code.ts";
import { assertRegionWritable, canRead, scoped, within } from "../scope.ts";
import { OrderDirection, payloadType } from "./common.ts";
import { IncidentSeverity } from "./enums.ts";
import { IncidentFilter, incidentWhere } from "./incident-stats.ts";
import { shelterWhere } from "./shelter.ts";

export const IncidentReportRef = builder.prismaNode("IncidentReport", {
  description: "An incident reported by the shift on duty (情况报告), with its timeliness (不得迟报).",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [scoped(ctx.viewer, "IncidentReport")] }),
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

const FileIncidentReportInput = builder.inputType("FileIncidentReportInput", {
  description: "An incident to report (报送情况).",
  fields: (t) => ({
    organizationCode: t.string({ required: true, description: "Code of the reporting office (报告单位编码)." }),
    occurredAt: t.field({ type: "DateTime", required: true, description: "When it happened (发生时间)." }),
    reportedAt: t.field({ type: "DateTime", description: "When it was reported; now when omitted (报告时间)." }),
    summary: t.string({ required: true, description: "What happened (事件概要).", validate: incidentFields.summary }),
    severity: t.field({ type: IncidentSeverity, required: true, description: "Severity (事件等级)." }),
    shelterCode: t.string({ description: "Code of the work concerned, if any (涉及工程编号)." }),
  }),
});

const IncidentReportPayload = payloadType<IncidentReport>(
  "IncidentReportPayload",
  "The report as filed.",
  "incidentReport",
  IncidentReportRef,
);

async function reportingOffice(ctx: Context, code: string) {
  const org = await ctx.prisma.organization.findFirst({
    where: { AND: [{ code }, scoped(ctx.viewer, "Organization")] },
  });
  if (!org) throw new NotFoundError("office", code, "organizationCode");
  assertRegionWritable(ctx.viewer, org.regionCode, `file incident reports for ${org.name}`);
  if (!(DUTY_OFFICE_KINDS as readonly string[]).includes(org.kind)) {
    throw new RuleError("office", `${org.name} is not an office on duty`, "organizationCode");
  }
  return org;
}

builder.mutationField("fileIncidentReport", (t) =>
  t.field({
    type: IncidentReportPayload,
    description: "Report an incident (报送情况). It is linked to the office's shift on duty at the time of reporting.",
    authScopes: { writer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: FileIncidentReportInput, required: true, description: "The report." }) },
    resolve: async (_root, { input }, ctx) => {
      const reportedAt = input.reportedAt ?? ctx.now;
      checkIncidentTimes(input.occurredAt, reportedAt, ctx.now);
      const org = await reportingOffice(ctx, input.organizationCode);
      let shelterId: number | null = null;
      if (input.shelterCode) {
        const shelter = await ctx.prisma.shelter.findFirst({
          where: { AND: [{ code: input.shelterCode }, shelterWhere(ctx.viewer, {})] },
        });
        if (!shelter) throw new NotFoundError("work", input.shelterCode, "shelterCode");
        if (!within(shelter.regionCode, org.regionCode)) {
          throw new RuleError("region", `${shelter.code} is outside the region of ${org.name}`, "shelterCode");
        }
        shelterId = shelter.id;
      }
      const shift = await ctx.prisma.dutyShift.findFirst({
        where: { organizationId: org.id, startsAt: { lte: reportedAt }, endsAt: { gt: reportedAt } },
        orderBy: [{ startsAt: "desc" }, { id: "asc" }],
        select: { id: true },
      });
      const incidentReport = await ctx.prisma.$transaction(async (tx) => {
        // QB-<date of occurrence>-NNN, continuing the demo data's numbering.
        const code = await nextCode(tx, `QB-${compactDate(localDate(input.occurredAt))}`, 3);
        const created = await insertWithCode("incident report", code, () =>
          tx.incidentReport.create({
            data: {
              code,
              organizationId: org.id,
              regionCode: org.regionCode,
              cityCode: org.cityCode,
              provinceCode: org.provinceCode,
              dutyShiftId: shift?.id ?? null,
              shelterId,
              occurredAt: input.occurredAt,
              reportedAt,
              delaySeconds: delaySecondsOf(input.occurredAt, reportedAt),
              reportedBy: ctx.viewer.subject,
              summary: input.summary,
              severity: input.severity as Severity,
            },
          }),
        );
        await audit(tx, ctx, {
          operation: "fileIncidentReport",
          model: "IncidentReport",
          recordId: created.id,
          after: created,
        });
        return created;
      });
      return { incidentReport };
    },
  }),
);
