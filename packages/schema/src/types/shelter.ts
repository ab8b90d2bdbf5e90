// 人防工程: the registry of works — type, queries (filter, order, pages) and mutations.
import type { InputFieldBuilder } from "@pothos/core";
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import { nextCode } from "../codes.ts";
import type { Context, Viewer } from "../context.ts";
import { ConflictError, mutationErrors, NotFoundError, ValidationError } from "../errors.ts";
import type { Prisma, Shelter } from "../generated/sqlite/client.js";
import { nodeWhere } from "../node-where.ts";
import { cityRegion, regionByCode } from "../regions.ts";
import { shelterFields as v } from "../rules/shelter-input.ts";
import {
  assertCanWrite,
  assertRegionWritable,
  canRead,
  provinceOf,
  regionLevel,
  regionWhere,
  scoped,
} from "../scope.ts";
import { OrderDirection, payloadType } from "./common.ts";
import { CensusStatus, ConstructionType, PeacetimeUse, ShelterStatus, WartimeFunction } from "./enums.ts";
import { LocationRef, locationOf } from "./location.ts";
import { RegionRef } from "./region.ts";

/** What scope.ts needs to know about a shelter row. */
export const shelterScopeRow = (s: Pick<Shelter, "regionCode" | "builderId" | "managerId" | "userId">) => ({
  region: s.regionCode,
  organizations: [s.builderId, s.managerId, s.userId],
});

export const ShelterRef = builder.prismaNode("Shelter", {
  description: "A civil air defense work (人防工程), mostly an underground car park in peacetime.",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) => nodeWhere(ctx, "Shelter", Number(id), scoped(ctx.viewer, "Shelter")),
  // Only the columns a query's fields need are read; the scope columns always, for this check.
  select: { id: true, regionCode: true, builderId: true, managerId: true, userId: true },
  authScopes: (shelter, ctx) => canRead(ctx.viewer, shelterScopeRow(shelter)),
  fields: (t) => ({
    code: t.exposeString("code", { description: "Work code (工程编号)." }),
    name: t.exposeString("name", { description: "Name (工程名称)." }),
    region: t.field({
      type: RegionRef,
      description: "County-level region of the work (所在县区).",
      resolve: async (s, _args, ctx) => (await regionByCode(ctx, s.regionCode))!,
    }),
    city: t.field({
      type: RegionRef,
      description: "City of the work (所在设区市).",
      resolve: async (s, _args, ctx) => (await cityRegion(ctx, s.regionCode))!,
    }),
    address: t.exposeString("address", { description: "Street address (地址)." }),
    latitude: t.exposeFloat("latitude", { nullable: true, description: "WGS-84 latitude (纬度)." }),
    longitude: t.exposeFloat("longitude", { nullable: true, description: "WGS-84 longitude (经度)." }),
    entrance: t.field({
      type: LocationRef,
      nullable: true,
      description: "The entrance (出入口位置) in WGS-84 and GCJ-02; null when the work has no coordinates.",
      select: { latitude: true, longitude: true },
      resolve: (s) => locationOf(s),
    }),
    constructionType: t.expose("constructionType", { type: ConstructionType, description: "单建 or 结建." }),
    protectionClass: t.exposeString("protectionClass", { description: "Protection class, e.g. 核6 (防护等级)." }),
    wartimeFunction: t.expose("wartimeFunction", {
      type: WartimeFunction,
      description: "Wartime function (战时功能).",
    }),
    area: t.exposeFloat("area", { description: "Floor area, m² (建筑面积)." }),
    wartimeCapacity: t.exposeInt("wartimeCapacity", { description: "Wartime capacity, persons (掩蔽人数)." }),
    peacetimeUse: t.expose("peacetimeUse", { type: PeacetimeUse, description: "Peacetime use (平时用途)." }),
    parkingSpaces: t.exposeInt("parkingSpaces", { description: "Parking spaces (车位数)." }),
    parkingOpenedOn: t.expose("parkingOpenedOn", {
      type: "Date",
      nullable: true,
      description: "When its parking opened (车位启用日期); counts toward that year's target.",
    }),
    completionYear: t.exposeInt("completionYear", { nullable: true, description: "Year completed (竣工年份)." }),
    isEarlyWork: t.exposeBoolean("isEarlyWork", { description: "An early civil air defense work (早期人防工程)." }),
    status: t.expose("status", { type: ShelterStatus, description: "Operating status (工程状态)." }),
    disasterShelter: t.exposeBoolean("disasterShelter", {
      description: "Also serves as a disaster shelter (兼顾防灾避难).",
    }),
    disasterCapacity: t.exposeInt("disasterCapacity", {
      nullable: true,
      description: "Disaster shelter capacity (避难人数).",
    }),
    metroStation: t.exposeString("metroStation", { nullable: true, description: "Metro station, if any (地铁站)." }),
    censusStatus: t.expose("censusStatus", { type: CensusStatus, description: "Census state (普查状态)." }),
    builder: t.relation("builder", { nullable: true, description: "Who built it (建设单位)." }),
    manager: t.relation("manager", { nullable: true, description: "Who manages it (管理单位)." }),
    user: t.relation("user", { nullable: true, description: "Who uses it (使用单位)." }),
    openHazardCount: t.exposeInt("openHazardCount", { description: "Hazards not yet closed (未销号隐患数)." }),
    lastPatrolledAt: t.expose("lastPatrolledAt", {
      type: "DateTime",
      nullable: true,
      description: "Last patrol (最近巡查).",
    }),
    version: t.exposeInt("version", { description: "Increases with every change; pass it back to update." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "Last change (更新时间)." }),
  }),
});

export const ShelterFilter = builder.inputType("ShelterFilter", {
  description: "Which works to list (工程筛选). All given conditions must hold.",
  fields: (t) => ({
    regionCode: t.string({ description: "The region and everything below it (区划代码)." }),
    status: t.field({ type: [ShelterStatus], description: "Any of these statuses." }),
    peacetimeUse: t.field({ type: [PeacetimeUse], description: "Any of these peacetime uses." }),
    isEarlyWork: t.boolean({ description: "Only early works (true) or only later ones (false)." }),
    hasOpenHazards: t.boolean({ description: "Only works with (true) or without (false) open hazards." }),
    notPatrolledForDays: t.int({ description: "Only works not patrolled in the last N days (N 天内未巡查)." }),
    search: t.string({ description: "Part of the code, name or address." }),
  }),
});

const ShelterOrderField = builder.enumType("ShelterOrderField", {
  description: "What to sort works by.",
  values: {
    CODE: { description: "Work code." },
    NAME: { description: "Name." },
    PARKING_SPACES: { description: "Parking spaces." },
    OPEN_HAZARD_COUNT: { description: "Open hazards." },
    COMPLETION_YEAR: { description: "Completion year." },
    PARKING_OPENED_ON: { description: "Parking opening date." },
  },
});

const ShelterOrder = builder.inputType("ShelterOrder", {
  description: "One sort key for works.",
  fields: (t) => ({
    field: t.field({ type: ShelterOrderField, required: true, description: "The key." }),
    direction: t.field({ type: OrderDirection, defaultValue: "ASC", description: "The direction." }),
  }),
});

const orderColumn = {
  CODE: "code",
  NAME: "name",
  PARKING_SPACES: "parkingSpaces",
  OPEN_HAZARD_COUNT: "openHazardCount",
  COMPLETION_YEAR: "completionYear",
  PARKING_OPENED_ON: "parkingOpenedOn",
} as const;

export interface ShelterFilterShape {
  regionCode?: string | null;
  status?: string[] | null;
  peacetimeUse?: string[] | null;
  isEarlyWork?: boolean | null;
  hasOpenHazards?: boolean | null;
  notPatrolledForDays?: number | null;
  search?: string | null;
}

/** The Prisma `where` for a ShelterFilter within the viewer's scope (lists, counts, exports). */
export function shelterWhere(
  viewer: Viewer,
  filter: ShelterFilterShape | null | undefined,
  now = new Date(),
): Prisma.ShelterWhereInput {
  const and: Prisma.ShelterWhereInput[] = [];
  if (filter?.regionCode) and.push(regionWhere("Shelter", filter.regionCode));
  if (filter?.status?.length) and.push({ status: { in: filter.status as Shelter["status"][] } });
  if (filter?.peacetimeUse?.length)
    and.push({ peacetimeUse: { in: filter.peacetimeUse as Shelter["peacetimeUse"][] } });
  if (filter?.isEarlyWork != null) and.push({ isEarlyWork: filter.isEarlyWork });
  if (filter?.hasOpenHazards != null)
    and.push(filter.hasOpenHazards ? { openHazardCount: { gt: 0 } } : { openHazardCount: 0 });
  if (filter?.notPatrolledForDays != null) {
    const since = new Date(now.getTime() - filter.notPatrolledForDays * 86_400_000);
    and.push({ OR: [{ lastPatrolledAt: null }, { lastPatrolledAt: { lt: since } }] });
  }
  if (filter?.search) {
    const s = filter.search.trim();
    and.push({ OR: [{ code: { contains: s } }, { name: { contains: s } }, { address: { contains: s } }] });
  }
  return scoped(viewer, "Shelter", and.length ? { AND: and } : {}) as Prisma.ShelterWhereInput;
}

type Order = { field: keyof typeof orderColumn; direction?: "ASC" | "DESC" | null };
export function shelterOrderBy(orderBy: Order[] | null | undefined): Prisma.ShelterOrderByWithRelationInput[] {
  const keys = (orderBy ?? []).map((o) => ({ [orderColumn[o.field]]: o.direction === "DESC" ? "desc" : "asc" }));
  return [...keys, { id: "asc" }];
}

builder.queryFields((t) => ({
  shelters: t.prismaConnection(
    {
      type: "Shelter",
      cursor: "id",
      description: "Works in this token's scope (人防工程台账): filter, sort and page.",
      args: {
        filter: t.arg({ type: ShelterFilter, required: false, description: "Filters (筛选)." }),
        orderBy: t.arg({ type: [ShelterOrder], required: false, description: "Sort keys, first is primary (排序)." }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.shelter.findMany({
          ...query,
          where: shelterWhere(ctx.viewer, args.filter, ctx.now),
          orderBy: shelterOrderBy(args.orderBy as Order[]),
        }),
      totalCount: (_root, args, ctx) =>
        ctx.prisma.shelter.count({ where: shelterWhere(ctx.viewer, args.filter, ctx.now) }),
    },
    { name: "ShelterConnection", description: "A page of works." },
    { name: "ShelterEdge", description: "A work in a page." },
  ),
  shelter: t.prismaField({
    type: "Shelter",
    nullable: true,
    description: "One work by its code, if visible to this token (人防工程).",
    args: { code: t.arg.string({ required: true, description: "Work code." }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.shelter.findFirst({ ...query, where: { AND: [{ code: args.code }, shelterWhere(ctx.viewer, {})] } }),
  }),
}));

// ───────────── mutations ─────────────

/** The editable fields, shared by create (required where the registry needs them) and update. */
function shelterInputFields<K extends boolean>(
  t: InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<never>, "InputObject">,
  required: K,
) {
  return {
    name: t.string({ required, description: "Name (工程名称).", validate: v.name }),
    regionCode: t.string({ required, description: "County-level region code (所在县区代码).", validate: v.regionCode }),
    address: t.string({ required, description: "Street address (地址).", validate: v.address }),
    latitude: t.float({ description: "Latitude (纬度).", validate: v.latitude }),
    longitude: t.float({ description: "Longitude (经度).", validate: v.longitude }),
    constructionType: t.field({ type: ConstructionType, required, description: "单建 or 结建." }),
    protectionClass: t.string({
      required,
      description: "Protection class, e.g. 核6 (防护等级).",
      validate: v.protectionClass,
    }),
    wartimeFunction: t.field({ type: WartimeFunction, required, description: "Wartime function (战时功能)." }),
    area: t.float({ required, description: "Floor area, m² (建筑面积).", validate: v.area }),
    wartimeCapacity: t.int({ required, description: "Wartime capacity (掩蔽人数).", validate: v.wartimeCapacity }),
    peacetimeUse: t.field({ type: PeacetimeUse, required, description: "Peacetime use (平时用途)." }),
    parkingSpaces: t.int({ description: "Parking spaces (车位数).", validate: v.parkingSpaces }),
    parkingOpenedOn: t.field({ type: "Date", description: "When its parking opened (车位启用日期)." }),
    completionYear: t.int({ description: "Year completed (竣工年份).", validate: v.completionYear }),
    isEarlyWork: t.boolean({ description: "An early work (早期人防工程)." }),
    status: t.field({ type: ShelterStatus, description: "Operating status; SUSPENDED only through suspendShelter." }),
    disasterShelter: t.boolean({ description: "Also a disaster shelter (兼顾防灾避难)." }),
    disasterCapacity: t.int({ description: "Disaster shelter capacity (避难人数).", validate: v.disasterCapacity }),
    metroStation: t.string({ description: "Metro station (地铁站).", validate: v.metroStation }),
    censusStatus: t.field({ type: CensusStatus, description: "Census state (普查状态)." }),
    builderCode: t.string({ description: "Code of the builder organization (建设单位编码)." }),
    managerCode: t.string({ description: "Code of the manager organization (管理单位编码)." }),
    userCode: t.string({ description: "Code of the user organization (使用单位编码)." }),
  };
}

const CreateShelterInput = builder.inputType("CreateShelterInput", {
  description: "A new work for the registry (新增人防工程).",
  fields: (t) => ({
    code: t.string({ description: "Work code; generated (RF-<county>-NNNN) when omitted.", validate: v.code }),
    ...shelterInputFields(t as never, true),
  }),
});

const UpdateShelterInput = builder.inputType("UpdateShelterInput", {
  description: "Changes to a work; omitted fields stay as they are (修改人防工程).",
  fields: (t) => ({
    code: t.string({ required: true, description: "The work's code." }),
    version: t.int({ required: true, description: "The version you read; a newer one means a conflict." }),
    ...shelterInputFields(t as never, false),
  }),
});

const ShelterPayload = payloadType<Shelter>("ShelterPayload", "The work after the change.", "shelter", ShelterRef);

type ShelterInput = Record<string, unknown> & { regionCode?: string | null; status?: string | null };

/** Registry fields every work has (NOT NULL columns): an explicit null cannot clear them. */
const alwaysSet = new Set([
  "name",
  "regionCode",
  "address",
  "constructionType",
  "protectionClass",
  "wartimeFunction",
  "area",
  "wartimeCapacity",
  "peacetimeUse",
  "parkingSpaces",
  "isEarlyWork",
  "status",
  "disasterShelter",
  "censusStatus",
]);

/** Checks that need the database and turns the input into Prisma data. */
async function shelterData(ctx: Context, input: ShelterInput): Promise<Prisma.ShelterUncheckedUpdateInput> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || ["code", "version", "builderCode", "managerCode", "userCode"].includes(key)) continue;
    if (value === null && alwaysSet.has(key)) {
      throw ValidationError.of(key, "required", `required: every work has a ${key}; it cannot be null`);
    }
    data[key] = value;
  }
  if (input.status === "SUSPENDED") {
    throw ValidationError.of("status", "workflow", "SUSPENDED is set only by suspendShelter");
  }
  if (input.regionCode) {
    const region = await regionByCode(ctx, input.regionCode);
    if (!region) throw ValidationError.of("regionCode", "exists", `region ${input.regionCode} does not exist`);
    if (regionLevel(region.code) !== "COUNTY" || region.level !== "COUNTY") {
      throw ValidationError.of(
        "regionCode",
        "county",
        `${region.name} (${region.code}) is not a county-level division`,
      );
    }
    assertRegionWritable(ctx.viewer, region.code, "register works in this region");
    data.cityCode = region.parentCode ?? region.code;
    data.provinceCode = provinceOf(region.code);
  }
  if ("parkingOpenedOn" in input) {
    data.parkingOpenedYear = input.parkingOpenedOn ? (input.parkingOpenedOn as Date).getUTCFullYear() : null;
  }
  for (const [field, column] of [
    ["builderCode", "builderId"],
    ["managerCode", "managerId"],
    ["userCode", "userId"],
  ] as const) {
    const code = input[field] as string | null | undefined;
    if (code === undefined) continue;
    if (code === null || code === "") {
      data[column] = null;
      continue;
    }
    const org = await ctx.prisma.organization.findUnique({ where: { code }, select: { id: true } });
    if (!org) throw ValidationError.of(field, "exists", `organization ${code} does not exist`);
    data[column] = org.id;
  }
  return data as Prisma.ShelterUncheckedUpdateInput;
}

builder.mutationFields((t) => ({
  createShelter: t.field({
    type: ShelterPayload,
    description: "Register a work (新增人防工程) in a county of the office's own region.",
    authScopes: { officer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateShelterInput, required: true, description: "The work." }) },
    resolve: async (_root, { input }, ctx) => {
      const data = (await shelterData(ctx, input as ShelterInput)) as Prisma.ShelterUncheckedCreateInput;
      const shelter = await ctx.prisma.$transaction(async (tx) => {
        const code = input.code ?? (await nextCode(tx, `RF-${input.regionCode}`));
        if (await tx.shelter.findUnique({ where: { code }, select: { id: true } })) {
          throw new ConflictError(`work code ${code} is taken`, "code");
        }
        const created = await tx.shelter.create({ data: { ...data, code, status: data.status ?? "IN_USE" } });
        await audit(tx, ctx, { operation: "createShelter", model: "Shelter", recordId: created.id, after: created });
        return created;
      });
      return { shelter };
    },
  }),
  updateShelter: t.field({
    type: ShelterPayload,
    description: "Change a work's registry fields (修改人防工程). Fails with ConflictError on a stale version.",
    authScopes: { officer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateShelterInput, required: true, description: "The changes." }) },
    resolve: async (_root, { input }, ctx) => {
      const before = await ctx.prisma.shelter.findFirst({
        where: { AND: [{ code: input.code }, shelterWhere(ctx.viewer, {})] },
      });
      if (!before) throw new NotFoundError("work", input.code, "code");
      assertCanWrite(ctx.viewer, shelterScopeRow(before), `work ${before.code}`);
      const data = await shelterData(ctx, input as ShelterInput);
      const shelter = await ctx.prisma.$transaction(async (tx) => {
        const { count } = await tx.shelter.updateMany({
          where: { id: before.id, version: input.version },
          data: { ...(data as Prisma.ShelterUncheckedUpdateManyInput), version: { increment: 1 } },
        });
        if (count === 0) {
          throw new ConflictError(
            `work ${before.code} was changed by someone else (version ${before.version})`,
            "version",
            before.version,
          );
        }
        const after = await tx.shelter.findUniqueOrThrow({ where: { id: before.id } });
        await audit(tx, ctx, { operation: "updateShelter", model: "Shelter", recordId: after.id, before, after });
        return after;
      });
      return { shelter };
    },
  }),
}));
