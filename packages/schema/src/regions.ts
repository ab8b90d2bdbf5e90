// Regions are reference data (~110 rows for a province): one query per request loads them
// all, and every `region` / `city` field of a page reads from that map (no per-row SQL).
import type { Context } from "./context.ts";
import type { Region } from "./generated/sqlite/client.js";
import { cityOf } from "./scope.ts";

const perRequest = new WeakMap<Context, Promise<Map<string, Region>>>();

export function regionDirectory(ctx: Context): Promise<Map<string, Region>> {
  let found = perRequest.get(ctx);
  if (!found) {
    found = ctx.prisma.region.findMany().then((rows) => new Map(rows.map((r) => [r.code, r])));
    perRequest.set(ctx, found);
  }
  return found;
}

export async function regionByCode(ctx: Context, code: string | null | undefined): Promise<Region | null> {
  if (!code) return null;
  return (await regionDirectory(ctx)).get(code) ?? null;
}

/** The city (设区市) a region code belongs to, or null for the province. */
export async function cityRegion(ctx: Context, code: string): Promise<Region | null> {
  return regionByCode(ctx, cityOf(code));
}
