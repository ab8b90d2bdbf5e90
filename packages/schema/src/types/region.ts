// 行政区划: the province, its cities and county-level divisions. Public reference data.
import { builder } from "../builder.ts";
import { RegionLevel } from "./enums.ts";

export const RegionRef = builder.prismaNode("Region", {
  description: "An administrative region (行政区划), GB/T 2260 code: province → city (设区市) → county (县/市/区).",
  id: { field: "code", description: "Opaque global id (Relay)." },
  nullable: true,
  fields: (t) => ({
    code: t.exposeString("code", { description: "Six-digit GB/T 2260 code, e.g. 360100 (区划代码)." }),
    name: t.exposeString("name", { description: "Name, e.g. 南昌市 (名称)." }),
    level: t.expose("level", { type: RegionLevel, description: "Province, city or county (级别)." }),
    parent: t.relation("parent", { nullable: true, description: "The region above (上级区划)." }),
    children: t.relation("children", {
      description: "The regions directly below, by code (下级区划).",
      query: { orderBy: { code: "asc" } },
    }),
  }),
});

builder.queryFields((t) => ({
  regions: t.prismaField({
    type: ["Region"],
    description: "Regions, by code; filter by level and/or parent (行政区划列表).",
    args: {
      level: t.arg({ type: RegionLevel, required: false, description: "Only regions of this level." }),
      parentCode: t.arg.string({ required: false, description: "Only the regions directly below this code." }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.region.findMany({
        ...query,
        where: { level: args.level ?? undefined, parentCode: args.parentCode ?? undefined },
        orderBy: { code: "asc" },
      }),
  }),
  region: t.prismaField({
    type: "Region",
    nullable: true,
    description: "One region by its six-digit code (行政区划).",
    args: { code: t.arg.string({ required: true, description: "Six-digit GB/T 2260 code, e.g. 360000." }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.region.findUnique({ ...query, where: { code: args.code } }),
  }),
}));
