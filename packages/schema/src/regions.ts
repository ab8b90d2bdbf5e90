// Regions are reference data (~110 rows for a province) that only a seed or a restore changes,
// never an API call: one query loads them all and the map is kept per database for a minute, so
// the `region` / `city` fields of a page cost no SQL at all (issue 9), while a re-seeded database
// is seen again within that minute.
import type { Context } from "./context.ts";
import type { Db } from "./db.ts";
import type { Region } from "./generated/sqlite/client.js";
import { cityOf } from "./scope.ts";

const maxAgeMs = 60_000;
const loaded = new WeakMap<Db, { at: number; regions: Promise<Map<string, Region>> }>();

export function regionDirectory(ctx: Context): Promise<Map<string, Region>> {
  const cached = loaded.get(ctx.prisma);
  if (cached && Date.now() - cached.at < maxAgeMs) return cached.regions;
  const regions = ctx.prisma.region.findMany().then((rows) => new Map(rows.map((r) => [r.code, r])));
  // A failed load (database down) is not kept: the next request tries again.
  regions.catch(() => {
    if (loaded.get(ctx.prisma)?.regions === regions) loaded.delete(ctx.prisma);
  });
  loaded.set(ctx.prisma, { at: Date.now(), regions });
  return regions;
}

export async function regionByCode(ctx: Context, code: string | null | undefined): Promise<Region | null> {
  if (!code) return null;
  return (await regionDirectory(ctx)).get(code) ?? null;
}

/** The city (设区市) a region code belongs to, or null for the province. */
export async function cityRegion(ctx: Context, code: string): Promise<Region | null> {
  return regionByCode(ctx, cityOf(code));
}
