// Live updates (SPEC §3): `hazardChanged(regionCode)` over SSE. Workflow mutations publish to
// ctx.pubsub after they commit; with REDIS_URL the API backs it with a Redis event target, so a
// change on one instance reaches subscribers on every instance. Each subscriber sees only the
// changes of its region that its token may read.
import { filter, pipe } from "@graphql-yoga/subscription";
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import { ValidationError } from "../errors.ts";
import type { HazardAction as Action } from "../generated/sqlite/enums.js";
import type { HazardChangedEvent } from "../pubsub.ts";
import { regionByCode } from "../regions.ts";
import { canRead, scoped, within } from "../scope.ts";
import { HazardAction } from "./enums.ts";
import { RegionRef } from "./region.ts";

builder.subscriptionType({
  description: "Live changes, served as Server-Sent Events (`Accept: text/event-stream`) (实时推送).",
});

const HazardChangeRef = builder.objectRef<HazardChangedEvent>("HazardChange").implement({
  description: "A hazard was registered or moved a step (隐患变更).",
  fields: (t) => ({
    code: t.exposeString("code", { description: "The hazard's code (隐患编号)." }),
    action: t.field({ type: HazardAction, description: "The step taken (动作).", resolve: (e) => e.action as Action }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      description: "The hazard's county-level region (所在县区).",
      resolve: (e, _a, ctx) => regionByCode(ctx, e.countyCode),
    }),
    hazard: t.prismaField({
      type: "Hazard",
      nullable: true,
      description: "The hazard as it is now (当前隐患).",
      resolve: (query, e, _a, ctx) =>
        ctx.prisma.hazard.findFirst({ ...query, where: { AND: [{ id: e.hazardId }, scoped(ctx.viewer, "Hazard")] } }),
    }),
  }),
});

/** Would this token see the hazard? Regional roles decide from the event; a unit asks scope.ts. */
async function visible(ctx: Context, e: HazardChangedEvent): Promise<boolean> {
  if (ctx.viewer.role !== "UNIT_USER") return canRead(ctx.viewer, { region: e.countyCode });
  return (await ctx.prisma.hazard.count({ where: { AND: [{ id: e.hazardId }, scoped(ctx.viewer, "Hazard")] } })) > 0;
}

builder.subscriptionField("hazardChanged", (t) =>
  t.field({
    type: HazardChangeRef,
    description: "Every hazard change in a region and below it, as it happens (隐患实时变更).",
    args: {
      regionCode: t.arg.string({ required: true, description: "Six-digit region code, e.g. 360100 (区划代码)." }),
    },
    subscribe: (_root, args, ctx) => {
      if (!/^\d{6}$/.test(args.regionCode)) {
        throw ValidationError.of("regionCode", "format", "format: a six-digit GB/T 2260 region code");
      }
      return pipe(
        ctx.pubsub.subscribe("hazardChanged"),
        filter((e: HazardChangedEvent) => within(e.countyCode, args.regionCode) && visible(ctx, e)),
      );
    },
    resolve: (e) => e,
  }),
);
