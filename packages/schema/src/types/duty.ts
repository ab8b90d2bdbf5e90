// 值班 / 领导带班: duty shifts of the offices — the roster (dutyShifts) and who is on duty now
// (onDuty); scheduling is in duty-schedule.ts. Rosters are public; the people on them are
// personal data (SPEC §4): PUBLIC sees the office, the hours and the leader's post, never names
// or phone numbers.
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import type { Prisma } from "../generated/sqlite/client.js";
import { nodeWhere } from "../node-where.ts";
import { canRead, regionWhere, scoped } from "../scope.ts";
import { ShiftKind } from "./enums.ts";
import { PersonRef } from "./organization.ts";

export const DutyShiftRef = builder.prismaNode("DutyShift", {
  description: "One duty shift of an office (值班班次), led by a leader (领导带班).",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) => nodeWhere(ctx, "DutyShift", Number(id), scoped(ctx.viewer, "DutyShift")),
  authScopes: (shift, ctx) => canRead(ctx.viewer, { region: shift.regionCode }),
  fields: (t) => ({
    date: t.expose("date", { type: "Date", description: "The duty date, Beijing time (值班日期)." }),
    kind: t.expose("kind", { type: ShiftKind, description: "Day, night or 24-hour shift (班次)." }),
    startsAt: t.expose("startsAt", { type: "DateTime", description: "When the shift takes over (接班时间)." }),
    endsAt: t.expose("endsAt", { type: "DateTime", description: "When the next shift takes over (交班时间)." }),
    isOnDuty: t.boolean({
      description: "The shift is on duty at the time of the request (正在值班).",
      resolve: (s, _args, ctx) => s.startsAt <= ctx.now && ctx.now < s.endsAt,
    }),
    organization: t.relation("organization", { description: "The office on duty (值班单位)." }),
    leader: t.relation("leader", {
      nullable: true,
      description: "The leader leading the shift (带班领导). Personal data: null for PUBLIC.",
      authScopes: { personalData: true },
      unauthorizedResolver: () => null,
    }),
    leaderTitle: t.string({
      nullable: true,
      description: "The leading leader's post, e.g. 副主任 (带班领导职务); shown to everyone.",
      select: { leader: { select: { title: true } } },
      resolve: (s) => s.leader.title,
    }),
    officers: t.field({
      type: [PersonRef],
      description: "The officers on duty (值班人员). Personal data: empty for PUBLIC.",
      authScopes: { personalData: true },
      unauthorizedResolver: () => [],
      select: (_args, _ctx, nested) => ({
        officers: { orderBy: { personId: "asc" }, select: { person: nested(true) } },
      }),
      resolve: (s) => s.officers.map((o) => o.person),
    }),
  }),
});

function shiftWhere(
  ctx: Context,
  regionCode: string | null | undefined,
  where: Prisma.DutyShiftWhereInput,
): Prisma.DutyShiftWhereInput {
  const and = [where, ...(regionCode ? [regionWhere("DutyShift", regionCode)] : [])];
  return scoped(ctx.viewer, "DutyShift", { AND: and }) as Prisma.DutyShiftWhereInput;
}

/** A roster reads by date, then region (a city's office before its counties'), office and hour. */
const rosterOrder: Prisma.DutyShiftOrderByWithRelationInput[] = [
  { date: "asc" },
  { regionCode: "asc" },
  { organizationId: "asc" },
  { startsAt: "asc" },
  { id: "asc" },
];

builder.queryFields((t) => ({
  dutyShifts: t.prismaConnection(
    {
      type: "DutyShift",
      cursor: "id",
      description: "The duty roster (值班表) of a region and everything below it, for the dates from…to (inclusive).",
      args: {
        regionCode: t.arg.string({
          required: false,
          description: "Region code; defaults to this token's scope (区划代码).",
        }),
        from: t.arg({ type: "Date", required: true, description: "First duty date (起始日期)." }),
        to: t.arg({ type: "Date", required: true, description: "Last duty date, inclusive (截止日期)." }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.dutyShift.findMany({
          ...query,
          where: shiftWhere(ctx, args.regionCode, { date: { gte: args.from, lte: args.to } }),
          orderBy: rosterOrder,
        }),
      totalCount: (_root, args, ctx) =>
        ctx.prisma.dutyShift.count({
          where: shiftWhere(ctx, args.regionCode, { date: { gte: args.from, lte: args.to } }),
        }),
    },
    { name: "DutyShiftConnection", description: "A page of the duty roster." },
    { name: "DutyShiftEdge", description: "A shift in a page." },
  ),
  // A plain list: at one instant each office has at most a shift or two, so it is bounded by the offices in scope.
  onDuty: t.prismaField({
    type: ["DutyShift"],
    description: "The shifts on duty at an instant (当前值班) in a region and everything below it, by office.",
    args: {
      regionCode: t.arg.string({
        required: false,
        description: "Region code; defaults to this token's scope (区划代码).",
      }),
      at: t.arg({ type: "DateTime", required: false, description: "The instant; defaults to now (时间)." }),
    },
    resolve: (query, _root, args, ctx) => {
      const at = args.at ?? ctx.now;
      return ctx.prisma.dutyShift.findMany({
        ...query,
        where: shiftWhere(ctx, args.regionCode, { startsAt: { lte: at }, endsAt: { gt: at } }),
        orderBy: rosterOrder.slice(1),
      });
    },
  }),
}));
