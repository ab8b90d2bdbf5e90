// 安全生产（消防安全）责任书: one signed letter per organization per year — the list, and
// `signResponsibilityLetter` to record a signature.
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import { codeFormat } from "../codes.ts";
import type { Context } from "../context.ts";
import { ConflictError, mutationErrors, NotFoundError, ValidationError } from "../errors.ts";
import type { Prisma, ResponsibilityLetter } from "../generated/sqlite/client.js";
import { nodeWhere } from "../node-where.ts";
import { reportingFields as v } from "../rules/campaign.ts";
import { assertCanWrite, regionWhere, scoped } from "../scope.ts";
import { today } from "./campaign.ts";
import { payloadType } from "./common.ts";
import { OrganizationKind } from "./enums.ts";

export const ResponsibilityLetterRef = builder.prismaNode("ResponsibilityLetter", {
  description:
    "A signed work-safety (fire-safety) responsibility letter of an organization for a year (安全生产（消防安全）责任书).",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) =>
    nodeWhere(ctx, "ResponsibilityLetter", Number(id), scoped(ctx.viewer, "ResponsibilityLetter")),
  fields: (t) => ({
    organization: t.relation("organization", { description: "The organization that signed it (责任单位)." }),
    issuer: t.relation("issuer", {
      nullable: true,
      description: "The office that issued it (签订单位), usually the one above.",
    }),
    year: t.exposeInt("year", { description: "The year it covers (年度)." }),
    signedOn: t.expose("signedOn", { type: "Date", description: "Date signed (签订日期)." }),
    signatory: t.exposeString("signatory", {
      nullable: true,
      authScopes: { personalData: true },
      unauthorizedResolver: () => null,
      description: "Who signed it (签订人). Personal data: null for PUBLIC.",
    }),
    documentUrl: t.exposeString("documentUrl", {
      nullable: true,
      description: "Link to the signed letter (责任书文件).",
    }),
  }),
});

const LetterFilter = builder.inputType("ResponsibilityLetterFilter", {
  description: "Which letters to list (责任书筛选). All given conditions must hold.",
  fields: (t) => ({
    regionCode: t.string({ description: "Organizations of this region and below (区划代码)." }),
    year: t.int({ description: "The year (年度)." }),
    organizationCode: t.string({ description: "One organization (单位编码)." }),
    kind: t.field({ type: [OrganizationKind], description: "Organizations of these kinds (单位类型)." }),
  }),
});

type LetterFilterShape = {
  regionCode?: string | null;
  year?: number | null;
  organizationCode?: string | null;
  kind?: string[] | null;
};

function letterWhere(ctx: Context, f: LetterFilterShape | null | undefined): Prisma.ResponsibilityLetterWhereInput {
  const and: Prisma.ResponsibilityLetterWhereInput[] = [];
  if (f?.regionCode) and.push(regionWhere("ResponsibilityLetter", f.regionCode));
  if (f?.year != null) and.push({ year: f.year });
  if (f?.organizationCode) and.push({ organization: { code: f.organizationCode } });
  if (f?.kind?.length) and.push({ organization: { kind: { in: f.kind as never } } });
  return scoped(
    ctx.viewer,
    "ResponsibilityLetter",
    and.length ? { AND: and } : {},
  ) as Prisma.ResponsibilityLetterWhereInput;
}

builder.queryField("responsibilityLetters", (t) =>
  t.prismaConnection(
    {
      type: "ResponsibilityLetter",
      cursor: "id",
      description: "Responsibility letters in this token's scope, by year and organization (责任书签订情况).",
      args: { filter: t.arg({ type: LetterFilter, required: false, description: "Filters (筛选)." }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.responsibilityLetter.findMany({
          ...query,
          where: letterWhere(ctx, args.filter),
          orderBy: [{ year: "asc" }, { organizationId: "asc" }, { id: "asc" }],
        }),
      totalCount: (_root, args, ctx) => ctx.prisma.responsibilityLetter.count({ where: letterWhere(ctx, args.filter) }),
    },
    { name: "ResponsibilityLetterConnection", description: "A page of responsibility letters." },
    { name: "ResponsibilityLetterEdge", description: "A responsibility letter in a page." },
  ),
);

const SignLetterInput = builder.inputType("SignResponsibilityLetterInput", {
  description: "An organization's signed responsibility letter for a year (签订责任书).",
  fields: (t) => ({
    organizationCode: t.string({ required: true, description: "The organization that signed (责任单位编码)." }),
    year: t.int({ required: true, description: "The year it covers (年度).", validate: v.year }),
    signedOn: t.field({ type: "Date", required: true, description: "Date signed; not in the future (签订日期)." }),
    signatory: t.string({ required: true, description: "Who signed (签订人).", validate: v.signatory }),
    issuerCode: t.string({
      description: "The issuing office; default the organization's supervising office (签订单位编码).",
      validate: codeFormat,
    }),
    documentUrl: t.string({ description: "Link to the signed letter (责任书文件).", validate: v.url }),
  }),
});

const LetterPayload = payloadType<ResponsibilityLetter>(
  "ResponsibilityLetterPayload",
  "The letter as recorded.",
  "letter",
  ResponsibilityLetterRef,
);

builder.mutationField("signResponsibilityLetter", (t) =>
  t.field({
    type: LetterPayload,
    description:
      "Record an organization's signed responsibility letter for a year (签订责任书). One per organization and year.",
    authScopes: { writer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: SignLetterInput, required: true, description: "The letter." }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.signedOn > today(ctx))
        throw ValidationError.of("signedOn", "notFuture", "notFuture: a letter is recorded once signed");
      if (Math.abs(input.signedOn.getUTCFullYear() - input.year) > 1) {
        throw ValidationError.of("signedOn", "year", `year: a letter for ${input.year} is signed within a year of it`);
      }
      const org = await ctx.prisma.organization.findUnique({ where: { code: input.organizationCode } });
      if (!org) throw new NotFoundError("organization", input.organizationCode, "organizationCode");
      assertCanWrite(ctx.viewer, { region: org.regionCode, organizations: [org.id] }, `the letters of ${org.code}`);
      let issuerId = org.parentId;
      if (input.issuerCode) {
        const issuer = await ctx.prisma.organization.findUnique({
          where: { code: input.issuerCode },
          select: { id: true },
        });
        if (!issuer) throw new NotFoundError("organization", input.issuerCode, "issuerCode");
        issuerId = issuer.id;
      }
      const letter = await ctx.prisma.$transaction(async (tx) => {
        const taken = await tx.responsibilityLetter.findUnique({
          where: { organizationId_year: { organizationId: org.id, year: input.year } },
        });
        if (taken) throw new ConflictError(`${org.code} already signed its letter for ${input.year}`, "year");
        const created = await tx.responsibilityLetter.create({
          data: {
            organizationId: org.id,
            issuerId,
            year: input.year,
            signedOn: input.signedOn,
            signatory: input.signatory,
            documentUrl: input.documentUrl ?? null,
          },
        });
        await audit(tx, ctx, {
          operation: "signResponsibilityLetter",
          model: "ResponsibilityLetter",
          recordId: created.id,
          after: created,
        });
        return created;
      });
      return { letter };
    },
  }),
);
