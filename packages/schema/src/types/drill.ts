// 演练 / 评估: drills and capability assessments (e.g. the Nanchang metro-station evacuation and
// rescue assessments) — the list, `drill(code)`, `recordDrill`, and `registerDrillFinding`,
// which turns a finding into a hazard (source DRILL) at the start of the closed loop.
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import { codeFormat, nextCode } from "../codes.ts";
import type { Context } from "../context.ts";
import { mutationErrors, NotFoundError, ValidationError } from "../errors.ts";
import type { Drill, Prisma } from "../generated/sqlite/client.js";
import { nodeWhere } from "../node-where.ts";
import { cityRegion, regionByCode } from "../regions.ts";
import { reportingFields as v } from "../rules/campaign.ts";
import { insertWithCode } from "../rules/unique-code.ts";
import { assertCanWrite, canRead, cityOf, provinceOf, regionWhere, scoped } from "../scope.ts";
import { today } from "./campaign.ts";
import { payloadType } from "./common.ts";
import { DrillKind } from "./enums.ts";
import { RegionRef } from "./region.ts";
import { shelterWhere } from "./shelter.ts";

export const DrillRef = builder.prismaNode("Drill", {
  description: "A drill or capability assessment (演练/评估), e.g. a metro station's evacuation and rescue assessment.",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) => nodeWhere(ctx, "Drill", Number(id), scoped(ctx.viewer, "Drill")),
  authScopes: (d, ctx) => ctx.viewer.role === "UNIT_USER" || canRead(ctx.viewer, { region: d.regionCode }),
  fields: (t) => ({
    code: t.exposeString("code", { description: "Drill code, e.g. YL-2021-013 (编号)." }),
    kind: t.expose("kind", { type: DrillKind, description: "Drill or assessment (类型)." }),
    title: t.exposeString("title", { description: "Title (名称)." }),
    heldOn: t.expose("heldOn", { type: "Date", description: "Date held (日期)." }),
    region: t.field({
      type: RegionRef,
      description: "Region where it was held (所在区划).",
      resolve: async (d, _a, ctx) => (await regionByCode(ctx, d.regionCode))!,
    }),
    city: t.field({
      type: RegionRef,
      nullable: true,
      description: "City where it was held (所在设区市).",
      resolve: (d, _a, ctx) => cityRegion(ctx, d.regionCode),
    }),
    organization: t.relation("organization", { description: "The organizing unit (组织单位)." }),
    shelter: t.relation("shelter", { nullable: true, description: "The work it was held in, if any (所在工程)." }),
    metroStation: t.exposeString("metroStation", { nullable: true, description: "Metro station, if any (地铁站)." }),
    score: t.exposeFloat("score", { nullable: true, description: "Assessment score 0..100 (评估得分)." }),
    findings: t.exposeString("findings", { description: "Findings (发现问题)." }),
    hazards: t.relation("hazards", {
      description: "Hazards registered from its findings (演练发现隐患).",
      query: { orderBy: { id: "asc" } },
    }),
    hazardCount: t.relationCount("hazards", { description: "How many hazards its findings became (隐患数)." }),
  }),
});

const DrillFilter = builder.inputType("DrillFilter", {
  description: "Which drills and assessments to list (演练筛选). All given conditions must hold.",
  fields: (t) => ({
    regionCode: t.string({ description: "The region and everything below it (区划代码)." }),
    kind: t.field({ type: [DrillKind], description: "Any of these kinds." }),
    heldFrom: t.field({ type: "Date", description: "Held on or after this date." }),
    heldTo: t.field({ type: "Date", description: "Held on or before this date." }),
    metroStation: t.string({ description: "At this metro station (地铁站)." }),
    search: t.string({ description: "Part of the code or title." }),
  }),
});

type DrillFilterShape = {
  regionCode?: string | null;
  kind?: string[] | null;
  heldFrom?: Date | null;
  heldTo?: Date | null;
  metroStation?: string | null;
  search?: string | null;
};

function drillWhere(ctx: Context, f: DrillFilterShape | null | undefined): Prisma.DrillWhereInput {
  const and: Prisma.DrillWhereInput[] = [];
  if (f?.regionCode) and.push(regionWhere("Drill", f.regionCode));
  if (f?.kind?.length) and.push({ kind: { in: f.kind as Drill["kind"][] } });
  if (f?.heldFrom) and.push({ heldOn: { gte: f.heldFrom } });
  if (f?.heldTo) and.push({ heldOn: { lte: f.heldTo } });
  if (f?.metroStation) and.push({ metroStation: f.metroStation });
  if (f?.search) and.push({ OR: [{ code: { contains: f.search.toUpperCase() } }, { title: { contains: f.search } }] });
  return scoped(ctx.viewer, "Drill", and.length ? { AND: and } : {}) as Prisma.DrillWhereInput;
}

builder.queryFields((t) => ({
  drills: t.prismaConnection(
    {
      type: "Drill",
      cursor: "id",
      description: "Drills and assessments in this token's scope, latest first (演练/评估).",
      args: { filter: t.arg({ type: DrillFilter, required: false, description: "Filters (筛选)." }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.drill.findMany({
          ...query,
          where: drillWhere(ctx, args.filter),
          orderBy: [{ heldOn: "desc" }, { id: "desc" }],
        }),
      totalCount: (_root, args, ctx) => ctx.prisma.drill.count({ where: drillWhere(ctx, args.filter) }),
    },
    { name: "DrillConnection", description: "A page of drills and assessments." },
    { name: "DrillEdge", description: "A drill or assessment in a page." },
  ),
  drill: t.prismaField({
    type: "Drill",
    nullable: true,
    description: "One drill or assessment by its code, if visible to this token (演练/评估).",
    args: { code: t.arg.string({ required: true, description: "Drill code." }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.drill.findFirst({ ...query, where: { AND: [{ code: args.code }, drillWhere(ctx, {})] } }),
  }),
}));

const RecordDrillInput = builder.inputType("RecordDrillInput", {
  description: "A drill or assessment that was held (记录演练/评估).",
  fields: (t) => ({
    kind: t.field({ type: DrillKind, required: true, description: "Drill or assessment (类型)." }),
    title: t.string({ required: true, description: "Title (名称).", validate: v.title }),
    heldOn: t.field({ type: "Date", required: true, description: "Date held; not in the future (日期)." }),
    organizationCode: t.string({ required: true, description: "The organizing unit (组织单位编码)." }),
    shelterCode: t.string({
      description: "The work it was held in (所在工程编号); sets the region.",
      validate: codeFormat,
    }),
    regionCode: t.string({
      description: "City or county where it was held, when not in one work (所在区划).",
      validate: v.regionCode,
    }),
    metroStation: t.string({ description: "Metro station (地铁站).", validate: v.metroStation }),
    score: t.float({ description: "Assessment score 0..100 (评估得分).", validate: v.score }),
    findings: t.string({ description: "Findings (发现问题).", validate: v.findings }),
  }),
});

export const DrillPayload = payloadType<Drill>("DrillPayload", "The drill as recorded.", "drill", DrillRef);

builder.mutationField("recordDrill", (t) =>
  t.field({
    type: DrillPayload,
    description: "Record a drill or capability assessment (记录演练/评估).",
    authScopes: { officer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RecordDrillInput, required: true, description: "The drill." }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.heldOn > today(ctx))
        throw ValidationError.of("heldOn", "notFuture", "notFuture: record a drill once it was held");
      let shelterId: number | null = null;
      let regionCode = input.regionCode ?? null;
      if (input.shelterCode) {
        const shelter = await ctx.prisma.shelter.findFirst({
          where: { AND: [{ code: input.shelterCode }, shelterWhere(ctx.viewer, {})] },
        });
        if (!shelter) throw new NotFoundError("work", input.shelterCode, "shelterCode");
        shelterId = shelter.id;
        regionCode = shelter.regionCode;
      }
      if (!regionCode) throw ValidationError.of("regionCode", "required", "required: give shelterCode or regionCode");
      const region = await regionByCode(ctx, regionCode);
      if (!region || region.level === "PROVINCE") {
        throw ValidationError.of(
          "regionCode",
          "exists",
          `exists: ${regionCode} is not a city or county of the registry`,
        );
      }
      const org = await ctx.prisma.organization.findUnique({ where: { code: input.organizationCode } });
      if (!org) throw new NotFoundError("organization", input.organizationCode, "organizationCode");
      assertCanWrite(ctx.viewer, { region: region.code, organizations: [org.id] }, "record drills here");
      const drill = await ctx.prisma.$transaction(async (tx) => {
        // One numbering per year, continuing the seeded one (YL-2021-013).
        const code = await nextCode(tx, `YL-${input.heldOn.getUTCFullYear()}`, 3);
        const created = await insertWithCode("drill", code, () =>
          tx.drill.create({
            data: {
              code,
              kind: input.kind,
              title: input.title,
              heldOn: input.heldOn,
              regionCode: region.code,
              cityCode: cityOf(region.code),
              provinceCode: provinceOf(region.code),
              organizationId: org.id,
              shelterId,
              metroStation: input.metroStation ?? null,
              score: input.score ?? null,
              findings: input.findings ?? "",
            },
          }),
        );
        await audit(tx, ctx, { operation: "recordDrill", model: "Drill", recordId: created.id, after: created });
        return created;
      });
      return { drill };
    },
  }),
);
