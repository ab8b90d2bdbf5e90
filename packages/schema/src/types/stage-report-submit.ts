// submitStageReport: an organization hands in its stage report for a deadline. It is dated by the
// server's clock — timeliness is judged from that date, so it cannot be typed in — and only once.
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import { ConflictError, mutationErrors, NotFoundError, RuleError, ValidationError } from "../errors.ts";
import type { StageReport } from "../generated/sqlite/client.js";
import { reportingFields as v } from "../rules/campaign.ts";
import { assertCanWrite } from "../scope.ts";
import { ReportingDeadlineRef } from "./campaign.ts";
import { payloadType } from "./common.ts";
import { deadlineWhere, StageReportRef } from "./stage-report.ts";

const SubmitStageReportInput = builder.inputType("SubmitStageReportInput", {
  description: "A stage report for a deadline (报送阶段整治情况); it is dated by the server's clock.",
  fields: (t) => ({
    deadlineId: t.globalID({
      required: true,
      for: [ReportingDeadlineRef],
      description: "The deadline it answers (报送时限).",
    }),
    organizationCode: t.string({ description: "The reporting organization; default the token's own (报送单位)." }),
    summary: t.string({ required: true, description: "What it reports (报告摘要).", validate: v.summary }),
    attachmentUrl: t.string({ description: "Link to the full report (附件).", validate: v.url }),
  }),
});

const StageReportPayload = payloadType<StageReport>(
  "StageReportPayload",
  "The stage report as submitted.",
  "stageReport",
  StageReportRef,
);

/** The row id inside a ReportingDeadline global id; a global id can carry any text after the type. */
function deadlineKey(id: string): number {
  const key = Number(id);
  if (!/^\d+$/.test(id) || !Number.isSafeInteger(key)) {
    throw ValidationError.of("deadlineId", "format", "format: not the id of a reporting deadline");
  }
  return key;
}

builder.mutationField("submitStageReport", (t) =>
  t.field({
    type: StageReportPayload,
    description:
      "Submit an organization's stage report (报送阶段整治情况). Once only; after the due date it counts as late (迟报).",
    authScopes: { writer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: SubmitStageReportInput, required: true, description: "The report." }) },
    resolve: async (_root, { input }, ctx) => {
      const deadlineId = deadlineKey(input.deadlineId.id);
      const orgWhere = input.organizationCode
        ? { code: input.organizationCode }
        : { id: ctx.viewer.organizationId ?? -1 };
      if (!input.organizationCode && ctx.viewer.organizationId == null) {
        throw ValidationError.of(
          "organizationCode",
          "required",
          "required: this token acts for no organization; name one",
        );
      }
      const org = await ctx.prisma.organization.findFirst({ where: orgWhere });
      if (!org) throw new NotFoundError("organization", input.organizationCode ?? "", "organizationCode");
      assertCanWrite(ctx.viewer, { region: org.regionCode, organizations: [org.id] }, `the reports of ${org.code}`);
      const report = await ctx.prisma.stageReport.findFirst({
        where: { deadlineId, organizationId: org.id, deadline: deadlineWhere(ctx, {}) },
      });
      if (!report)
        throw new NotFoundError(`stage report owed by ${org.code} at deadline`, input.deadlineId.id, "deadlineId");
      if (report.submittedAt)
        throw new RuleError("alreadySubmitted", `${org.code} already submitted this report`, "deadlineId");
      const stageReport = await ctx.prisma.$transaction(async (tx) => {
        const data = {
          submittedAt: ctx.now,
          submittedBy: ctx.viewer.subject,
          summary: input.summary,
          attachmentUrl: input.attachmentUrl ?? null,
        };
        // Only while still unsubmitted: two concurrent submissions cannot both win.
        const { count } = await tx.stageReport.updateMany({ where: { id: report.id, submittedAt: null }, data });
        if (count === 0) throw new ConflictError(`${org.code} submitted this report meanwhile`, "deadlineId");
        const after = await tx.stageReport.findUniqueOrThrow({ where: { id: report.id } });
        await audit(tx, ctx, {
          operation: "submitStageReport",
          model: "StageReport",
          recordId: report.id,
          before: report,
          after,
        });
        return after;
      });
      return { stageReport };
    },
  }),
);
