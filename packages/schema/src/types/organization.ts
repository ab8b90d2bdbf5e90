// 单位 and their people. Units are public (ledgers show units); people's names and phones are
// personal data, visible only to roles that need them (SPEC §4).
import { builder } from "../builder.ts";
import { nodeWhere } from "../node-where.ts";
import { regionByCode } from "../regions.ts";
import { regionWhere, scoped } from "../scope.ts";
import { OrganizationKind } from "./enums.ts";
import { RegionRef } from "./region.ts";

export const OrganizationRef = builder.prismaNode("Organization", {
  description:
    "An organization (单位): an office, a provincial division or direct unit, a builder/manager/user of works, or a department.",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) => nodeWhere(ctx, "Organization", Number(id), scoped(ctx.viewer, "Organization")),
  fields: (t) => ({
    code: t.exposeString("code", { description: "Stable organization code (单位编码)." }),
    name: t.exposeString("name", { description: "Full name (单位名称)." }),
    kind: t.expose("kind", { type: OrganizationKind, description: "What the organization is (单位类型)." }),
    region: t.field({
      type: RegionRef,
      description: "The region it belongs to (所属区划).",
      resolve: async (o, _args, ctx) => (await regionByCode(ctx, o.regionCode))!,
    }),
    parent: t.relation("parent", { nullable: true, description: "The supervising office (上级主管单位)." }),
    phone: t.exposeString("phone", { nullable: true, description: "Office telephone (办公电话)." }),
    people: t.relation("people", {
      description: "People of the organization (人员). Personal data: not for PUBLIC.",
      authScopes: { personalData: true },
      unauthorizedResolver: () => [] as never,
    }),
  }),
});

export const PersonRef = builder.prismaNode("Person", {
  description: "A person of an organization (人员). Name and phone are personal data, hidden from PUBLIC.",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  authScopes: { personalData: true },
  findUnique: (id, ctx) => nodeWhere(ctx, "Person", Number(id), { organization: scoped(ctx.viewer, "Organization") }),
  fields: (t) => ({
    code: t.exposeString("code", { description: "Person code (人员编码)." }),
    name: t.exposeString("name", { description: "Name (姓名)." }),
    phone: t.exposeString("phone", { nullable: true, description: "Mobile phone (手机)." }),
    title: t.exposeString("title", { nullable: true, description: "Post, e.g. 主任 (职务)." }),
    isLeader: t.exposeBoolean("isLeader", { description: "A leader who may lead a duty shift (带班领导)." }),
    organization: t.relation("organization", { description: "The organization (所属单位)." }),
  }),
});

const OrganizationFilter = builder.inputType("OrganizationFilter", {
  description: "Which organizations to list (单位筛选).",
  fields: (t) => ({
    regionCode: t.string({ description: "The region and everything below it." }),
    kind: t.field({ type: [OrganizationKind], description: "Any of these kinds." }),
    search: t.string({ description: "Part of the name or code." }),
  }),
});

builder.queryField("organizations", (t) =>
  t.prismaConnection(
    {
      type: "Organization",
      cursor: "id",
      description: "Organizations in this token's scope, by code (单位列表).",
      args: { filter: t.arg({ type: OrganizationFilter, required: false, description: "Filters (筛选)." }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.organization.findMany({
          ...query,
          where: organizationWhere(ctx.viewer, args.filter),
          orderBy: [{ code: "asc" }, { id: "asc" }],
        }),
      totalCount: (_root, args, ctx) =>
        ctx.prisma.organization.count({ where: organizationWhere(ctx.viewer, args.filter) }),
    },
    { name: "OrganizationConnection", description: "A page of organizations." },
    { name: "OrganizationEdge", description: "An organization in a page." },
  ),
);

function organizationWhere(
  viewer: Parameters<typeof scoped>[0],
  filter: { regionCode?: string | null; kind?: string[] | null; search?: string | null } | null | undefined,
) {
  const where: Record<string, unknown>[] = [];
  if (filter?.regionCode) where.push(regionWhere("Organization", filter.regionCode));
  if (filter?.kind?.length) where.push({ kind: { in: filter.kind } });
  if (filter?.search)
    where.push({ OR: [{ name: { contains: filter.search } }, { code: { contains: filter.search } }] });
  return scoped(viewer, "Organization", where.length ? { AND: where } : {});
}
