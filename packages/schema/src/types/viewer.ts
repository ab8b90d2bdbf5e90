// `viewer`: who this request's token says is asking.
import { builder } from "../builder.ts";
import type { Viewer } from "../context.ts";
import { regionByCode } from "../regions.ts";
import { Role } from "./enums.ts";
import { OrganizationRef } from "./organization.ts";
import { RegionRef } from "./region.ts";

const ViewerRef = builder.objectRef<Viewer>("Viewer").implement({
  description: "The caller as its token names it (当前用户): role and scope.",
  fields: (t) => ({
    subject: t.exposeString("subject", { description: "Token subject: a person code, an API key name, or anonymous." }),
    name: t.exposeString("name", { nullable: true, description: "Display name (姓名或系统名)." }),
    role: t.expose("role", { type: Role, description: "Role (角色)." }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      description: "Region scope; null = the whole deployment (管辖区划).",
      resolve: (v, _args, ctx) => regionByCode(ctx, v.regionCode),
    }),
    organization: t.prismaField({
      type: OrganizationRef,
      nullable: true,
      description: "The organization the caller acts for (所属单位).",
      resolve: (query, v, _args, ctx) =>
        v.organizationId == null
          ? null
          : ctx.prisma.organization.findUnique({ ...query, where: { id: v.organizationId } }),
    }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({ type: ViewerRef, description: "Who is asking (当前用户).", resolve: (_root, _args, ctx) => ctx.viewer }),
);
