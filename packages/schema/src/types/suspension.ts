// 责令停业整顿 (SPEC §2 rule 3): suspendShelter / reopenShelter and the Suspension record.
// Offices only; the shelter's `version` guards against concurrent edits like updateShelter.
import { audit } from "../audit.ts";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { ConflictError, mutationErrors, NotFoundError, RuleError } from "../errors.ts";
import type { Shelter, Suspension } from "../generated/sqlite/client.js";
import { calendarDay } from "../rules/hazard.ts";
import { reopenRefusal, suspensionFields, suspensionRefusal } from "../rules/suspension.ts";
import { assertRegionWritable, scoped } from "../scope.ts";
import { SuspensionStatus } from "./enums.ts";
import { ShelterRef } from "./shelter.ts";

const hidden = { authScopes: { personalData: true }, unauthorizedResolver: () => null } as const;

export const SuspensionRef = builder.prismaObject("Suspension", {
  description: "An order to suspend a work's peacetime operation because of a major hazard (责令停业整顿).",
  fields: (t) => ({
    shelter: t.relation("shelter", { description: "The work (工程)." }),
    hazard: t.relation("hazard", { nullable: true, description: "The major hazard that caused it (重大隐患)." }),
    reason: t.exposeString("reason", { description: "Why (原因)." }),
    orderedOn: t.expose("orderedOn", { type: "Date", description: "Date ordered (责令日期)." }),
    orderedBy: t.exposeString("orderedBy", {
      nullable: true,
      ...hidden,
      description: "Who ordered it (下达人). Personal data.",
    }),
    status: t.expose("status", { type: SuspensionStatus, description: "In force or lifted (状态)." }),
    reopenedOn: t.expose("reopenedOn", {
      type: "Date",
      nullable: true,
      description: "Date the work reopened (恢复日期).",
    }),
    reopenedBy: t.exposeString("reopenedBy", {
      nullable: true,
      ...hidden,
      description: "Who reopened it (恢复人). Personal data.",
    }),
  }),
});

builder.prismaObjectField(ShelterRef, "suspensions", (t) =>
  t.relation("suspensions", {
    description: "Suspension orders, newest first (停业整顿记录).",
    query: { orderBy: { id: "desc" } },
  }),
);

const SuspensionPayload = builder
  .objectRef<{ shelter: Shelter; suspension: Suspension | null }>("SuspensionPayload")
  .implement({
    description: "The work and its suspension order after the change.",
    fields: (t) => ({
      shelter: t.field({ type: ShelterRef, description: "The work as it is now.", resolve: (p) => p.shelter }),
      suspension: t.field({
        type: SuspensionRef,
        nullable: true,
        description: "The suspension order as it is now (null only for a work suspended before orders were recorded).",
        resolve: (p) => p.suspension,
      }),
    }),
  });

const target = (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
  shelterCode: t.string({ required: true, description: "Code of the work (工程编号)." }),
  version: t.int({ required: true, description: "The work's version you read; a newer one means a conflict." }),
});

const SuspendInput = builder.inputType("SuspendShelterInput", {
  description: "Order a work with an open major hazard to suspend operation (责令停业整顿).",
  fields: (t) => ({
    ...target(t),
    hazardCode: t.string({ description: "The open MAJOR hazard behind the order; default its oldest one (隐患编号)." }),
    reason: t.string({ required: true, description: "Why (原因).", validate: suspensionFields.reason }),
  }),
});

const ReopenInput = builder.inputType("ReopenShelterInput", {
  description: "Let a suspended work reopen once all its major hazards are closed (恢复营业).",
  fields: (t) => ({ ...target(t) }),
});

/** The work, if visible and this office may act on it, at the version the caller read. */
async function office(ctx: Context, input: { shelterCode: string; version: number }) {
  const shelter = await ctx.prisma.shelter.findFirst({
    where: { AND: [{ code: input.shelterCode }, scoped(ctx.viewer, "Shelter")] },
  });
  if (!shelter) throw new NotFoundError("work", input.shelterCode, "shelterCode");
  assertRegionWritable(ctx.viewer, shelter.regionCode, `suspend or reopen work ${shelter.code}`);
  const stale = () =>
    new ConflictError(
      `work ${shelter.code} was changed by someone else (version ${shelter.version})`,
      "version",
      shelter.version,
    );
  if (shelter.version !== input.version) throw stale();
  return { shelter, stale };
}

const unclosedMajor = (shelterId: number) => ({
  shelterId,
  level: "MAJOR" as const,
  status: { not: "CLOSED" as const },
});

builder.mutationFields((t) => ({
  suspendShelter: t.field({
    type: SuspensionPayload,
    description: "Suspend a work's operation (责令停业整顿); only while it has an open MAJOR hazard.",
    authScopes: { officer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: SuspendInput, required: true, description: "The order." }) },
    resolve: async (_root, { input }, ctx) => {
      const { shelter, stale } = await office(ctx, input);
      const majors = await ctx.prisma.hazard.findMany({
        where: unclosedMajor(shelter.id),
        orderBy: { id: "asc" },
        select: { id: true, code: true },
      });
      const refusal = suspensionRefusal(shelter.status, majors.length);
      if (refusal) throw refusal;
      // A given code, even a blank one, must name the cause; only an omitted one means the oldest.
      const cause = input.hazardCode != null ? majors.find((h) => h.code === input.hazardCode) : majors[0];
      if (!cause)
        throw new RuleError(
          "majorHazard",
          `"${input.hazardCode}" is not an open MAJOR hazard of this work`,
          "hazardCode",
        );
      const result = await ctx.prisma.$transaction(async (tx) => {
        const { count } = await tx.shelter.updateMany({
          where: { id: shelter.id, version: input.version },
          data: { status: "SUSPENDED", version: { increment: 1 } },
        });
        if (count === 0) throw stale();
        const suspension = await tx.suspension.create({
          data: {
            shelterId: shelter.id,
            hazardId: cause.id,
            reason: input.reason,
            orderedOn: calendarDay(ctx.now),
            orderedBy: ctx.viewer.subject,
          },
        });
        const after = await tx.shelter.findUniqueOrThrow({ where: { id: shelter.id } });
        await audit(tx, ctx, {
          operation: "suspendShelter",
          model: "Shelter",
          recordId: shelter.id,
          before: shelter,
          after,
        });
        return { shelter: after, suspension };
      });
      return result;
    },
  }),
  reopenShelter: t.field({
    type: SuspensionPayload,
    description: "Lift a suspension (恢复营业); only when all the work's MAJOR hazards are closed.",
    authScopes: { officer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: ReopenInput, required: true, description: "The work." }) },
    resolve: async (_root, { input }, ctx) => {
      const { shelter, stale } = await office(ctx, input);
      const refusal = reopenRefusal(
        shelter.status,
        await ctx.prisma.hazard.count({ where: unclosedMajor(shelter.id) }),
      );
      if (refusal) throw refusal;
      return ctx.prisma.$transaction(async (tx) => {
        const { count } = await tx.shelter.updateMany({
          where: { id: shelter.id, version: input.version },
          data: { status: "IN_USE", version: { increment: 1 } },
        });
        if (count === 0) throw stale();
        const lifted = { status: "LIFTED" as const, reopenedOn: calendarDay(ctx.now), reopenedBy: ctx.viewer.subject };
        await tx.suspension.updateMany({ where: { shelterId: shelter.id, status: "ACTIVE" }, data: lifted });
        const suspension = await tx.suspension.findFirst({ where: { shelterId: shelter.id }, orderBy: { id: "desc" } });
        const after = await tx.shelter.findUniqueOrThrow({ where: { id: shelter.id } });
        await audit(tx, ctx, {
          operation: "reopenShelter",
          model: "Shelter",
          recordId: shelter.id,
          before: shelter,
          after,
        });
        return { shelter: after, suspension };
      });
    },
  }),
}));
