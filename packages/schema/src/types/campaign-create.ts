// createCampaign: a new campaign as data — phases, reporting deadlines, and for each deadline
// the organizations that owe a stage report (one StageReport obligation row each).
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import { nextCode } from "../codes.ts";
import type { Context } from "../context.ts";
import { ConflictError, type FieldIssue, mutationErrors, ValidationError } from "../errors.ts";
import type { Campaign } from "../generated/sqlite/client.js";
import { regionByCode } from "../regions.ts";
import { planIssues, reportingFields as v } from "../rules/campaign.ts";
import { assertRegionWritable, provinceOf, within } from "../scope.ts";
import { CampaignRef } from "./campaign.ts";
import { payloadType } from "./common.ts";

const CampaignPhaseInput = builder.inputType("CampaignPhaseInput", {
  description: "One phase of a new campaign (工作阶段); phases are numbered in the order given.",
  fields: (t) => ({
    name: t.string({ required: true, description: "Name, e.g. 排查整治 (阶段名称).", validate: v.name }),
    description: t.string({ description: "What the phase does (工作内容).", validate: v.description }),
    startsOn: t.field({ type: "Date", required: true, description: "First day (开始日期)." }),
    endsOn: t.field({ type: "Date", required: true, description: "Last day (结束日期)." }),
  }),
});

const ReportingDeadlineInput = builder.inputType("ReportingDeadlineInput", {
  description: "A reporting deadline of a new campaign and who owes a stage report at it (报送时限).",
  fields: (t) => ({
    title: t.string({ required: true, description: "Title of the report (报告名称).", validate: v.title }),
    dueOn: t.field({ type: "Date", required: true, description: "Due date (报送时限)." }),
    recipient: t.string({ required: true, description: "Who receives the reports (报送对象).", validate: v.recipient }),
    organizationCodes: t.stringList({
      required: true,
      description: "Codes of the organizations that owe a report (应报单位).",
    }),
  }),
});

const CreateCampaignInput = builder.inputType("CreateCampaignInput", {
  description: "A new campaign (新建专项整治行动).",
  fields: (t) => ({
    code: t.string({
      description: "Campaign code; generated (ZX-<region>-NNNN) when omitted.",
      validate: v.campaignCode,
    }),
    name: t.string({ required: true, description: "Name (行动名称).", validate: v.name }),
    description: t.string({ description: "Aims and overall targets (总体目标).", validate: v.description }),
    regionCode: t.string({ required: true, description: "The region it covers (实施区域).", validate: v.regionCode }),
    startsOn: t.field({ type: "Date", required: true, description: "First day (开始日期)." }),
    endsOn: t.field({ type: "Date", required: true, description: "Last day (结束日期)." }),
    phases: t.field({ type: [CampaignPhaseInput], required: true, description: "Phases in order (工作阶段)." }),
    deadlines: t.field({ type: [ReportingDeadlineInput], description: "Reporting deadlines (报送时限)." }),
  }),
});

const CampaignPayload = payloadType<Campaign>("CampaignPayload", "The campaign as created.", "campaign", CampaignRef);

/** Organization ids by code for every deadline; each must exist and lie in the campaign's region. */
async function owingOrganizations(ctx: Context, regionCode: string, deadlines: { organizationCodes: string[] }[]) {
  const codes = [...new Set(deadlines.flatMap((d) => d.organizationCodes))];
  const rows = await ctx.prisma.organization.findMany({
    where: { code: { in: codes } },
    select: { id: true, code: true, regionCode: true, cityCode: true, provinceCode: true },
  });
  const byCode = new Map(rows.map((o) => [o.code, o]));
  const issues: FieldIssue[] = [];
  for (const [i, d] of deadlines.entries()) {
    for (const [j, code] of d.organizationCodes.entries()) {
      const org = byCode.get(code);
      const field = `deadlines.${i}.organizationCodes.${j}`;
      if (!org) issues.push({ field, rule: "exists", message: `exists: organization ${code} does not exist` });
      else if (!within(org.regionCode, regionCode)) {
        issues.push({ field, rule: "scope", message: `scope: ${code} is outside the campaign's region ${regionCode}` });
      }
    }
  }
  if (issues.length) throw new ValidationError(issues);
  return byCode;
}

builder.mutationField("createCampaign", (t) =>
  t.field({
    type: CampaignPayload,
    description:
      "Create a campaign with its phases and reporting deadlines (新建专项整治行动); every organization named at a deadline then owes a stage report.",
    authScopes: { officer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateCampaignInput, required: true, description: "The campaign." }) },
    resolve: async (_root, { input }, ctx) => {
      const deadlines = input.deadlines ?? [];
      const issues = planIssues({ ...input, deadlines });
      if (issues.length) throw new ValidationError(issues);
      const region = await regionByCode(ctx, input.regionCode);
      if (!region) throw ValidationError.of("regionCode", "exists", `region ${input.regionCode} does not exist`);
      assertRegionWritable(ctx.viewer, region.code, "create campaigns in this region");
      const orgs = await owingOrganizations(ctx, region.code, deadlines);
      const campaign = await ctx.prisma.$transaction(async (tx) => {
        const code = input.code ?? (await nextCode(tx, `ZX-${region.code}`));
        if (await tx.campaign.findUnique({ where: { code }, select: { id: true } })) {
          throw new ConflictError(`campaign code ${code} is taken`, "code");
        }
        const created = await tx.campaign.create({
          data: {
            code,
            name: input.name,
            description: input.description ?? "",
            regionCode: region.code,
            startsOn: input.startsOn,
            endsOn: input.endsOn,
            createdAt: ctx.now,
            phases: {
              create: input.phases.map((p, i) => ({
                ordinal: i + 1,
                name: p.name,
                description: p.description ?? "",
                startsOn: p.startsOn,
                endsOn: p.endsOn,
              })),
            },
          },
        });
        for (const d of deadlines) {
          await tx.reportingDeadline.create({
            data: {
              campaignId: created.id,
              title: d.title,
              dueOn: d.dueOn,
              recipient: d.recipient,
              reports: {
                createMany: {
                  data: d.organizationCodes.map((c) => {
                    const org = orgs.get(c)!;
                    return {
                      organizationId: org.id,
                      cityCode: org.cityCode,
                      provinceCode: org.provinceCode ?? provinceOf(org.regionCode),
                    };
                  }),
                },
              },
            },
          });
        }
        const after = await tx.campaign.findUniqueOrThrow({
          where: { id: created.id },
          include: { phases: true, deadlines: { include: { reports: true } } },
        });
        await audit(tx, ctx, { operation: "createCampaign", model: "Campaign", recordId: created.id, after });
        return created;
      });
      return { campaign };
    },
  }),
);
