// The closed loop as mutations (SPEC §2 rule 1): report → assign (五落实) → submit → accept, or
// reject back to rectification. Each step's own checks live here; the shared machinery (scope,
// version, transition, one transaction, publish) is hazard-step.ts, registration is
// rules/hazard-create.ts. Input checks come first, so a refused step writes nothing.
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { mutationErrors, NotFoundError, ValidationError } from "../errors.ts";
import type { Hazard } from "../generated/sqlite/client.js";
import { assertMayAccept, assertMayTake, calendarDay, fiveInPlaceIssues } from "../rules/hazard.ts";
import { createReportedHazard } from "../rules/hazard-create.ts";
import { assertCanWrite, scoped } from "../scope.ts";
import { payloadType } from "./common.ts";
import { HazardRef } from "./hazard.ts";
import { AcceptInput, AssignInput, RejectInput, ReportInput, SubmitInput } from "./hazard-inputs.ts";
import { publishChange, step } from "./hazard-step.ts";
import { shelterScopeRow } from "./shelter.ts";

export const HazardPayload = payloadType<Hazard>("HazardPayload", "The hazard after the step.", "hazard", HazardRef);

const today = (ctx: Context) => calendarDay(ctx.now);

function notBefore(field: string, date: Date, earliest: Date, what: string): void {
  if (date < earliest) throw ValidationError.of(field, "range", `range: must not be before ${what}`);
}

// Units report their self-checks and submit rectifications (writer scope); assigning the
// five-in-place plan, accepting and rejecting are an office's (officer scope, refused before
// execution). assertMayTake/assertMayAccept repeat those rules for any other caller.
const mutation = { type: HazardPayload, authScopes: { writer: true }, errors: { types: mutationErrors } } as const;
const officeMutation = { ...mutation, authScopes: { officer: true } } as const;

builder.mutationFields((t) => ({
  reportHazard: t.field({
    ...mutation,
    description: "Register a hazard (登记隐患). With fixedOnSite it goes straight to acceptance (立查立改).",
    args: { input: t.arg({ type: ReportInput, required: true, description: "The hazard." }) },
    resolve: async (_root, { input }, ctx) => {
      const shelter = await ctx.prisma.shelter.findFirst({
        where: { AND: [{ code: input.shelterCode }, scoped(ctx.viewer, "Shelter")] },
      });
      if (!shelter) throw new NotFoundError("work", input.shelterCode, "shelterCode");
      assertCanWrite(ctx.viewer, shelterScopeRow(shelter), `hazards of work ${shelter.code}`);
      assertMayTake(ctx.viewer, "REPORT", input.source);
      const discoveredOn = input.discoveredOn ?? today(ctx);
      if (discoveredOn > today(ctx))
        throw ValidationError.of("discoveredOn", "range", "range: must not be in the future");
      const fixedOnSite = input.fixedOnSite ?? false;
      if (fixedOnSite && input.level === "MAJOR") {
        throw ValidationError.of(
          "fixedOnSite",
          "generalOnly",
          "generalOnly: only a GENERAL hazard can be fixed on the spot (立查立改); a MAJOR one needs the five-in-place rectification",
        );
      }
      const hazard = await ctx.prisma.$transaction((tx) =>
        createReportedHazard(tx, ctx, {
          shelter,
          title: input.title,
          description: input.description ?? "",
          category: input.category,
          level: input.level,
          source: input.source,
          discoveredOn,
          discoveredBy: input.discoveredBy ?? ctx.viewer.name,
          fixedOnSite,
          comment: input.comment,
          evidence: input.evidence,
          operation: "reportHazard",
        }),
      );
      publishChange(ctx, hazard, "REPORT");
      return { hazard };
    },
  }),
  assignRectification: t.field({
    ...officeMutation,
    description: "Assign the rectification with the five-in-place fields (落实整改：责任、措施、资金、时限、预案).",
    args: { input: t.arg({ type: AssignInput, required: true, description: "The plan." }) },
    resolve: (_root, { input }, ctx) =>
      step(
        ctx,
        input,
        "ASSIGN",
        async (h) => {
          const issues = fiveInPlaceIssues(h.level, input);
          if (issues.length) throw new ValidationError(issues);
          notBefore("deadline", input.deadline!, h.discoveredOn, "the discovery date");
          const unit = await ctx.prisma.organization.findUnique({
            where: { code: input.responsibleUnitCode! },
            select: { id: true },
          });
          if (!unit)
            throw ValidationError.of(
              "responsibleUnitCode",
              "exists",
              `exists: organization ${input.responsibleUnitCode} does not exist`,
            );
          return {
            responsibleUnitId: unit.id,
            responsiblePerson: input.responsiblePerson,
            responsiblePhone: input.responsiblePhone ?? null,
            measures: input.measures,
            deadline: input.deadline,
            funds: input.funds ?? null,
            contingencyPlan: input.contingencyPlan ?? null,
          };
        },
        input,
      ),
  }),
  submitRectification: t.field({
    ...mutation,
    description: "Hand in a finished rectification for acceptance (提交验收).",
    args: { input: t.arg({ type: SubmitInput, required: true, description: "The completion report." }) },
    resolve: (_root, { input }, ctx) =>
      step(
        ctx,
        input,
        "SUBMIT",
        (h) => {
          const rectifiedOn = input.rectifiedOn ?? today(ctx);
          notBefore("rectifiedOn", rectifiedOn, h.discoveredOn, "the discovery date");
          if (rectifiedOn > today(ctx))
            throw ValidationError.of("rectifiedOn", "range", "range: must not be in the future");
          return { rectifiedOn, submittedBy: ctx.viewer.subject };
        },
        { comment: input.note, evidence: input.evidence },
      ),
  }),
  acceptRectification: t.field({
    ...officeMutation,
    description: "Accept the rectification and close the hazard (验收销号): a supervising office, not the submitter.",
    args: { input: t.arg({ type: AcceptInput, required: true, description: "The acceptance." }) },
    resolve: (_root, { input }, ctx) =>
      step(
        ctx,
        input,
        "ACCEPT",
        (h) => {
          assertMayAccept(ctx.viewer, h);
          return { closedOn: today(ctx) };
        },
        input,
      ),
  }),
  rejectRectification: t.field({
    ...officeMutation,
    description: "Refuse the rectification; the hazard goes back to rectifying (验收不通过).",
    args: { input: t.arg({ type: RejectInput, required: true, description: "The refusal." }) },
    resolve: (_root, { input }, ctx) =>
      step(
        ctx,
        input,
        "REJECT",
        (h) => {
          assertMayAccept(ctx.viewer, h);
          return { rectifiedOn: null };
        },
        { comment: input.reason, evidence: input.evidence },
      ),
  }),
}));
