// 值班 / 领导带班: duty shifts of the offices — the roster (dutyShifts), who is on duty now
// (onDuty) and scheduleDutyShift, which enforces the roster rules of rules/duty.ts.
// Rosters are public; the people on them are personal data (SPEC §4): PUBLIC sees the office,
// the hours and the leader's post, never names or phone numbers.
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import type { Tx } from "../db.ts";
import { mutationErrors, NotFoundError, RuleError } from "../errors.ts";
import type { DutyShift, Prisma } from "../generated/sqlite/client.js";
import { checkShift, DUTY_OFFICE_KINDS, dutyFields, type RosterPerson, shiftWindow } from "../rules/duty.ts";
import { assertRegionWritable, canRead, regionWhere, scoped } from "../scope.ts";
import { payloadType } from "./common.ts";
import { ShiftKind } from "./enums.ts";
import { PersonRef } from "./organization.ts";

export const DutyShiftRef = builder.prismaNode("DutyShift", {
  description: "One duty shift of an office (值班班次), led by a leader (领导带班).",
  id: { field: "id", description: "Opaque global id (Relay)." },
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [scoped(ctx.viewer, "DutyShift")] }),
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

const ScheduleDutyShiftInput = builder.inputType("ScheduleDutyShiftInput", {
  description: "A shift to put on an office's roster (排班).",
  fields: (t) => ({
    organizationCode: t.string({ required: true, description: "Code of the office on duty (值班单位编码)." }),
    date: t.field({ type: "Date", required: true, description: "Duty date, Beijing time (值班日期)." }),
    kind: t.field({
      type: ShiftKind,
      required: true,
      description: "Day 08:30–17:30, night 17:30–08:30 or 24-hour from 08:30 (班次).",
    }),
    leaderCode: t.string({
      required: true,
      description: "Person code of the leading leader; must be a leader (带班领导).",
    }),
    officerCodes: t.stringList({
      required: true,
      description: "Person codes of the officers on duty, at least one (值班人员).",
      validate: dutyFields.officerCodes,
    }),
  }),
});

const DutyShiftPayload = payloadType<DutyShift>(
  "DutyShiftPayload",
  "The shift as scheduled.",
  "dutyShift",
  DutyShiftRef,
);

/**
 * Takes the office's row lock first: concurrent schedulings of one office (and so of its
 * people, who are its staff) then check the roster one after the other, on both databases.
 */
async function lockOffice(tx: Tx, organizationId: number): Promise<void> {
  await tx.$executeRaw`UPDATE "Organization" SET "code" = "code" WHERE "id" = ${organizationId}`;
}

async function rosterPeople(ctx: Context, leaderCode: string, officerCodes: string[]) {
  const found = await ctx.prisma.person.findMany({
    where: { code: { in: [leaderCode, ...officerCodes] }, organization: scoped(ctx.viewer, "Organization") },
    select: { id: true, code: true, name: true, isLeader: true, organizationId: true },
  });
  const byCode = new Map<string, RosterPerson>(found.map((p) => [p.code, p]));
  const leader = byCode.get(leaderCode);
  if (!leader) throw new NotFoundError("person", leaderCode, "leaderCode");
  const officers = officerCodes.map((code) => {
    const officer = byCode.get(code);
    if (!officer) throw new NotFoundError("person", code, "officerCodes");
    return officer;
  });
  return { leader, officers };
}

builder.mutationField("scheduleDutyShift", (t) =>
  t.field({
    type: DutyShiftPayload,
    description: "Put a shift on an office's roster (排班). Officers schedule the offices of their region only.",
    authScopes: { writer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: ScheduleDutyShiftInput, required: true, description: "The shift." }) },
    resolve: async (_root, { input }, ctx) => {
      const org = await ctx.prisma.organization.findFirst({
        where: { AND: [{ code: input.organizationCode }, scoped(ctx.viewer, "Organization")] },
      });
      if (!org) throw new NotFoundError("office", input.organizationCode, "organizationCode");
      assertRegionWritable(ctx.viewer, org.regionCode, `schedule duty for ${org.name}`);
      if (!(DUTY_OFFICE_KINDS as readonly string[]).includes(org.kind)) {
        throw new RuleError("office", `${org.name} is not an office that keeps a duty roster`, "organizationCode");
      }
      const { leader, officers } = await rosterPeople(ctx, input.leaderCode, input.officerCodes);
      const candidate = {
        organizationId: org.id,
        kind: input.kind as DutyShift["kind"],
        leaderId: leader.id,
        officerIds: officers.map((o) => o.id),
        ...shiftWindow(input.date, input.kind as DutyShift["kind"]),
      };
      const personIds = [leader.id, ...candidate.officerIds];
      const dutyShift = await ctx.prisma.$transaction(async (tx) => {
        await lockOffice(tx, org.id);
        const overlapping = await tx.dutyShift.findMany({
          where: {
            startsAt: { lt: candidate.endsAt },
            endsAt: { gt: candidate.startsAt },
            OR: [
              { organizationId: org.id },
              { leaderId: { in: personIds } },
              { officers: { some: { personId: { in: personIds } } } },
            ],
          },
          select: {
            id: true,
            organizationId: true,
            kind: true,
            startsAt: true,
            endsAt: true,
            leaderId: true,
            officers: { select: { personId: true } },
          },
        });
        checkShift(
          candidate,
          leader,
          officers,
          overlapping.map((s) => ({ ...s, officerIds: s.officers.map((o) => o.personId) })),
        );
        const created = await tx.dutyShift.create({
          data: {
            organizationId: org.id,
            regionCode: org.regionCode,
            cityCode: org.cityCode,
            provinceCode: org.provinceCode,
            date: input.date,
            kind: candidate.kind,
            startsAt: candidate.startsAt,
            endsAt: candidate.endsAt,
            leaderId: leader.id,
            officers: { create: candidate.officerIds.map((personId) => ({ personId })) },
          },
        });
        await audit(tx, ctx, {
          operation: "scheduleDutyShift",
          model: "DutyShift",
          recordId: created.id,
          after: { ...created, officerIds: candidate.officerIds },
        });
        return created;
      });
      return { dutyShift };
    },
  }),
);
