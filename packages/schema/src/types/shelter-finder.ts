// nearestShelters (就近查找人防工程): the open public works nearest a point, for citizens. It
// answers from the public registry (scope.ts: what PUBLIC may read), whoever asks, and shows only
// the public fields of a work; the spatial search is shelter-finder.ts.
import { z } from "zod";
import { builder } from "../builder.ts";
import type { Condition } from "../conditions.ts";
import { conditionsWhere } from "../conditions.ts";
import { anonymous } from "../context.ts";
import type { Shelter } from "../generated/sqlite/client.js";
import { regionByCode } from "../regions.ts";
import { type LatLng, toWgs84 } from "../rules/geo.ts";
import { publicShelterConditions, scoped } from "../scope.ts";
import { nearestWorks } from "../shelter-finder.ts";
import { ShelterStatus } from "./enums.ts";
import { Datum, LocationRef, locationOf } from "./location.ts";
import { RegionRef } from "./region.ts";

export type ShelterPurpose = "WARTIME" | "DISASTER";

export const ShelterPurposeEnum = builder.enumType("ShelterPurpose", {
  description: "What the shelter is sought for (用途).",
  values: {
    WARTIME: { description: "Air defense: personnel shelters by wartime capacity, in use or idle (战时掩蔽)." },
    DISASTER: { description: "A disaster: dual-use disaster shelters in use, by disaster capacity (防灾避难)." },
  },
});

/** What makes a public work open for a purpose, with room for at least `minCapacity` people. */
export function purposeConditions(purpose: ShelterPurpose, minCapacity: number): Condition[] {
  if (purpose === "DISASTER") {
    return [
      { column: "disasterShelter", equals: true },
      { column: "status", in: ["IN_USE"] },
      { column: "disasterCapacity", gte: minCapacity },
    ];
  }
  return [
    { column: "status", in: ["IN_USE", "IDLE"] },
    { column: "wartimeCapacity", gte: minCapacity },
  ];
}

/** The columns of a work the public may read (the finder's and the open data's). */
export const publicShelterSelect = {
  id: true,
  code: true,
  name: true,
  regionCode: true,
  address: true,
  latitude: true,
  longitude: true,
  status: true,
  wartimeCapacity: true,
  disasterShelter: true,
  disasterCapacity: true,
} as const;

export type PublicShelter = Pick<Shelter, keyof typeof publicShelterSelect>;
type NearbyShelter = PublicShelter & { distanceMeters: number; capacity: number };

const NearbyShelterRef = builder.objectRef<NearbyShelter>("NearbyShelter").implement({
  description: "An open public work near a point (附近的人防工程), with its distance and room.",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Work code (工程编号)." }),
    name: t.exposeString("name", { description: "Name (工程名称)." }),
    address: t.exposeString("address", { description: "Street address (地址)." }),
    region: t.field({
      type: RegionRef,
      description: "County-level region (所在县区).",
      resolve: async (s, _a, ctx) => (await regionByCode(ctx, s.regionCode))!,
    }),
    status: t.expose("status", { type: ShelterStatus, description: "Operating status (工程状态): in use or idle." }),
    distanceMeters: t.exposeFloat("distanceMeters", {
      description: "Great-circle distance from the point asked about, metres (直线距离).",
    }),
    capacity: t.exposeInt("capacity", {
      description: "People it holds for the purpose asked: wartime or disaster capacity (可容纳人数).",
    }),
    entrance: t.field({
      type: LocationRef,
      description: "The entrance (出入口位置) in WGS-84 and GCJ-02.",
      resolve: (s) => locationOf(s)!,
    }),
  }),
});

const coordinate = (max: number, what: string) =>
  z.number().min(-max, `range: ${what} -${max}..${max}`).max(max, `range: ${what} -${max}..${max}`);

/** The most works one request lists. */
export const MAX_NEAREST = 50;

builder.queryField("nearestShelters", (t) =>
  t.field({
    type: [NearbyShelterRef],
    description:
      "The open public works nearest a point, nearest first by great-circle distance (就近查找人防工程): " +
      "personnel shelters in use or idle (WARTIME) or dual-use disaster shelters in use (DISASTER) with room " +
      "for `minCapacity` people. Suspended, decommissioned and unfinished works are never offered. Answers " +
      "from what PUBLIC may read, whoever asks.",
    args: {
      latitude: t.arg.float({
        required: true,
        description: "Latitude of the point (纬度).",
        validate: coordinate(90, "latitude"),
      }),
      longitude: t.arg.float({
        required: true,
        description: "Longitude of the point (经度).",
        validate: coordinate(180, "longitude"),
      }),
      datum: t.arg({
        type: Datum,
        defaultValue: "WGS84",
        description: "The datum of latitude/longitude: WGS84 (GPS, 天地图) or GCJ02 (Chinese map apps).",
      }),
      first: t.arg.int({
        defaultValue: 10,
        description: `How many works, 1–${MAX_NEAREST} (数量).`,
        validate: z
          .number()
          .int()
          .min(1, `range: first 1..${MAX_NEAREST}`)
          .max(MAX_NEAREST, `range: first 1..${MAX_NEAREST}`),
      }),
      minCapacity: t.arg.int({
        defaultValue: 0,
        description: "Only works holding at least this many people (最少容纳人数).",
        validate: z.number().int().min(0, "range: minCapacity ≥ 0"),
      }),
      purpose: t.arg({ type: ShelterPurposeEnum, defaultValue: "WARTIME", description: "Wartime or disaster (用途)." }),
    },
    resolve: async (_root, args, ctx) => {
      const point: LatLng = toWgs84({ latitude: args.latitude, longitude: args.longitude }, args.datum ?? "WGS84");
      const purpose = (args.purpose ?? "WARTIME") as ShelterPurpose;
      const conditions = [...publicShelterConditions, ...purposeConditions(purpose, args.minCapacity ?? 0)];
      const nearby = await nearestWorks(ctx.prisma, ctx.provider, point, args.first ?? 10, conditions);
      if (!nearby.length) return [];
      // The works themselves through the one scope mechanism, as PUBLIC sees them.
      const rows = await ctx.prisma.shelter.findMany({
        where: {
          AND: [{ id: { in: nearby.map((n) => n.id) } }, scoped(anonymous, "Shelter", conditionsWhere(conditions))],
        },
        select: publicShelterSelect,
      });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return nearby.flatMap((n) => {
        const s = byId.get(n.id);
        if (!s) return [];
        const capacity = purpose === "DISASTER" ? (s.disasterCapacity ?? 0) : s.wartimeCapacity;
        return [{ ...s, capacity, distanceMeters: Math.round(n.distanceMeters * 10) / 10 }];
      });
    },
  }),
);
