// 操作日志: the audit trail every mutation writes inside its own transaction (audit.ts), read here
// by the province administrator only. Read-only: no mutation of the API touches these rows.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import type { AuditLog, Prisma } from "../generated/sqlite/client.js";
import { auditWhere } from "../scope.ts";
import { Role } from "./enums.ts";

/** Names of the top-level fields whose values differ between the before and after snapshots. */
export function changedFields(before: string | null, after: string | null): string[] {
  const a = (before ? JSON.parse(before) : {}) as Record<string, unknown>;
  const b = (after ? JSON.parse(after) : {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

const AuditEntryRef = builder.prismaObject("AuditLog", {
  name: "AuditEntry",
  description: "One change made through the API (操作日志): who, when, from where, what, before and after.",
  // Type-level too, so no future field can leak an entry to anyone but PROVINCE_ADMIN.
  authScopes: { admin: true },
  fields: (t) => ({
    number: t.exposeInt("id", { description: "Entry number; increases with every change (日志序号)." }),
    at: t.expose("at", { type: "DateTime", description: "When the change was committed (操作时间)." }),
    actor: t.exposeString("actor", { description: "Token subject: a person code or apikey:<name> (操作人)." }),
    role: t.expose("role", { type: Role, description: "The role the token carried (角色)." }),
    ip: t.exposeString("ip", { nullable: true, description: "Client address (来源地址)." }),
    operation: t.exposeString("operation", { description: "The mutation, e.g. updateShelter (操作)." }),
    model: t.exposeString("model", { description: "The kind of record changed, e.g. Shelter (对象类型)." }),
    recordId: t.exposeString("recordId", {
      nullable: true,
      description: "Internal id of the record changed (对象编号).",
    }),
    before: t.exposeString("before", {
      nullable: true,
      description: "JSON of the record before the change; null on creation (变更前).",
    }),
    after: t.exposeString("after", { nullable: true, description: "JSON of the record after the change (变更后)." }),
    changedFields: t.stringList({
      description: "Fields whose value differs between before and after (变更字段).",
      resolve: (e: AuditLog) => changedFields(e.before, e.after),
    }),
  }),
});

const AuditFilter = builder.inputType("AuditFilter", {
  description: "Which audit entries to list (日志筛选). All given conditions must hold.",
  fields: (t) => ({
    model: t.string({ description: "Kind of record, e.g. Shelter (对象类型)." }),
    recordId: t.string({
      description: "The record: its internal id, or its global `id` as the API returns it (对象).",
    }),
    actor: t.string({ description: "Token subject (操作人)." }),
    operation: t.string({ description: "Mutation name, e.g. createShelter (操作)." }),
    from: t.field({ type: "DateTime", description: "At or after this instant (起始时间)." }),
    to: t.field({ type: "DateTime", description: "At or before this instant (截止时间)." }),
  }),
});

interface AuditFilterShape {
  model?: string | null;
  recordId?: string | null;
  actor?: string | null;
  operation?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** A global id names its model and row; anything else is taken as the stored id. */
function recordOf(recordId: string): { model?: string; recordId: string } {
  if (/^\d+$/.test(recordId)) return { recordId };
  try {
    const { typename, id } = decodeGlobalID(recordId);
    return { model: typename, recordId: id };
  } catch {
    return { recordId };
  }
}

export function auditLogWhere(
  viewer: Parameters<typeof auditWhere>[0],
  f: AuditFilterShape | null | undefined,
): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [auditWhere(viewer)];
  if (f?.model) and.push({ model: f.model });
  if (f?.recordId) and.push(recordOf(f.recordId));
  if (f?.actor) and.push({ actor: f.actor });
  if (f?.operation) and.push({ operation: f.operation });
  if (f?.from) and.push({ at: { gte: f.from } });
  if (f?.to) and.push({ at: { lte: f.to } });
  return { AND: and };
}

builder.queryField("auditLog", (t) =>
  t.prismaConnection(
    {
      type: AuditEntryRef,
      cursor: "id",
      description: "The audit trail, newest first (操作日志); nobody can change it.",
      authScopes: { admin: true },
      args: { filter: t.arg({ type: AuditFilter, required: false, description: "Filters (筛选)." }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.auditLog.findMany({
          ...query,
          where: auditLogWhere(ctx.viewer, args.filter),
          orderBy: [{ id: "desc" }],
        }),
      totalCount: (_root, args, ctx) => ctx.prisma.auditLog.count({ where: auditLogWhere(ctx.viewer, args.filter) }),
    },
    { name: "AuditConnection", description: "A page of audit entries." },
    { name: "AuditEdge", description: "An audit entry in a page." },
  ),
);
