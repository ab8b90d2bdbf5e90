// fileIncidentReport (报送情况): an office's duty shift reports an incident; the report is linked to
// the shift on duty when it was reported and keeps its delay for the lateness rule.
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import { codeFormat, nextCode } from "../codes.ts";
import type { Context } from "../context.ts";
import { mutationErrors, NotFoundError, RuleError } from "../errors.ts";
import type { IncidentReport, IncidentSeverity as Severity } from "../generated/sqlite/client.js";
import { DUTY_OFFICE_KINDS } from "../rules/duty.ts";
import { checkIncidentTimes, delaySecondsOf, incidentFields } from "../rules/incident.ts";
import { compactDate, localDate } from "../rules/local-time.ts";
import { insertWithCode } from "../rules/unique-code.ts";
import { assertRegionWritable, scoped, within } from "../scope.ts";
import { payloadType } from "./common.ts";
import { IncidentSeverity } from "./enums.ts";
import { IncidentReportRef } from "./incident.ts";
import { shelterWhere } from "./shelter.ts";

const FileIncidentReportInput = builder.inputType("FileIncidentReportInput", {
  description: "An incident to report (报送情况).",
  fields: (t) => ({
    organizationCode: t.string({ required: true, description: "Code of the reporting office (报告单位编码)." }),
    occurredAt: t.field({ type: "DateTime", required: true, description: "When it happened (发生时间)." }),
    reportedAt: t.field({ type: "DateTime", description: "When it was reported; now when omitted (报告时间)." }),
    summary: t.string({ required: true, description: "What happened (事件概要).", validate: incidentFields.summary }),
    severity: t.field({ type: IncidentSeverity, required: true, description: "Severity (事件等级)." }),
    shelterCode: t.string({ description: "Code of the work concerned, if any (涉及工程编号).", validate: codeFormat }),
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
    authScopes: { officer: true },
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
