// scheduleDutyShift (排班): puts a shift on an office's roster under the roster rules of
// rules/duty.ts — a leader leads it, the office has no overlapping shift of that kind, nobody on
// it is on another shift at the same time.
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import type { Tx } from "../db.ts";
import { mutationErrors, NotFoundError, RuleError } from "../errors.ts";
import type { DutyShift } from "../generated/sqlite/client.js";
import {
  checkShift,
  checkShiftDate,
  DUTY_OFFICE_KINDS,
  dutyFields,
  type RosterPerson,
  shiftWindow,
} from "../rules/duty.ts";
import { calendarDay } from "../rules/hazard.ts";
import { assertRegionWritable, scoped } from "../scope.ts";
import { payloadType } from "./common.ts";
import { DutyShiftRef } from "./duty.ts";
import { ShiftKind } from "./enums.ts";

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
    authScopes: { officer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: ScheduleDutyShiftInput, required: true, description: "The shift." }) },
    resolve: async (_root, { input }, ctx) => {
      checkShiftDate(input.date, calendarDay(ctx.now));
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
