// The nearest public works to a point (nearestShelters, the open data's neighbours): a search in
// growing circles over the database's spatial index, measured by great-circle distance.
//
// Each round asks the index for the works in the box around a circle of radius r that pass the
// conditions, measures them (rules/geo.ts) and keeps those within r. Once k are within r they are
// the k nearest: anything outside the circle is farther. Otherwise r grows and the round repeats,
// up to the whole earth. Which index answers depends on the database (see spatialIndex).
import { type Condition, conditionsSql } from "./conditions.ts";
import type { Db, Provider } from "./db.ts";
import { boxAround, distanceMeters, EARTH_RADIUS_M, type LatLng } from "./rules/geo.ts";

/**
 * The index a database offers: SQLite's R*Tree (`ShelterLocation`, kept by triggers); on
 * PostgreSQL the PostGIS geography index when the extension and the index are there, else the
 * GiST index on the built-in point type (a bounding-box search, no extension needed).
 */
export type SpatialIndex = "RTREE" | "POSTGIS" | "POINT_GIST";

const detected = new WeakMap<Db, Promise<SpatialIndex>>();

/** Which spatial index serves this database (asked once per client). */
export function spatialIndex(prisma: Db, provider: Provider): Promise<SpatialIndex> {
  if (provider === "sqlite") return Promise.resolve("RTREE");
  let index = detected.get(prisma);
  if (!index) {
    index = prisma
      .$queryRawUnsafe<{ postgis: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis')
           AND to_regclass('"Shelter_location_geography_idx"') IS NOT NULL AS postgis`,
      )
      .then((rows) => (rows[0]?.postgis ? "POSTGIS" : "POINT_GIST"));
    // A failed probe (database down) is asked again next time.
    index.catch(() => detected.delete(prisma));
    detected.set(prisma, index);
  }
  return index;
}

/** The SQL of one round: works near `p` within `meters` (or a little more) passing `where`. */
export function roundSql(
  index: SpatialIndex,
  p: LatLng,
  meters: number,
  conditions: readonly Condition[],
): { sql: string; params: unknown[] } {
  const box = boxAround(p, meters);
  if (index === "RTREE") {
    const params: unknown[] = [box.south, box.north, box.west, box.east];
    const where = conditionsSql(conditions, "sqlite", params, "s");
    return {
      sql: `SELECT s."id", s."latitude", s."longitude" FROM "ShelterLocation" l JOIN "Shelter" s ON s."id" = l."id"
        WHERE l."maxLat" >= ? AND l."minLat" <= ? AND l."maxLng" >= ? AND l."minLng" <= ? AND ${where}`,
      params,
    };
  }
  if (index === "POSTGIS") {
    // On the sphere, as rules/geo.ts measures; 1 m more so that rounding never drops a work at the rim.
    const params: unknown[] = [p.longitude, p.latitude, meters + 1];
    const where = conditionsSql(conditions, "postgresql", params);
    return {
      sql: `SELECT "id", "latitude", "longitude" FROM "Shelter"
        WHERE ST_DWithin(ST_SetSRID(ST_MakePoint("longitude", "latitude"), 4326)::geography,
          ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography, $3::float8, false) AND ${where}`,
      params,
    };
  }
  const params: unknown[] = [box.west, box.south, box.east, box.north];
  const where = conditionsSql(conditions, "postgresql", params);
  return {
    sql: `SELECT "id", "latitude", "longitude" FROM "Shelter"
      WHERE point("longitude", "latitude") <@ box(point($1::float8, $2::float8), point($3::float8, $4::float8)) AND ${where}`,
    params,
  };
}

export interface Nearby {
  id: number;
  distanceMeters: number;
}

/** The first radius tried: a city block's walk. Rounds grow it until k works are inside. */
const FIRST_RADIUS_M = 1500;
/** Half the earth's circumference: every point is within it. */
const WHOLE_EARTH_M = Math.PI * EARTH_RADIUS_M;

/** The ids of the `k` works nearest `p` that pass `conditions`, nearest first (ties by id). */
export async function nearestWorks(
  prisma: Db,
  provider: Provider,
  p: LatLng,
  k: number,
  conditions: readonly Condition[],
): Promise<Nearby[]> {
  const index = await spatialIndex(prisma, provider);
  let radius = FIRST_RADIUS_M;
  for (;;) {
    const { sql, params } = roundSql(index, p, radius, conditions);
    const rows = await prisma.$queryRawUnsafe<{ id: number; latitude: number; longitude: number }[]>(sql, ...params);
    const inside = rows
      .map((r) => ({ id: Number(r.id), distanceMeters: distanceMeters(p, r) }))
      .filter((r) => r.distanceMeters <= radius)
      .sort((a, b) => a.distanceMeters - b.distanceMeters || a.id - b.id);
    if (inside.length >= k || radius >= WHOLE_EARTH_M) return inside.slice(0, k);
    // Works are spread over an area: k of them need about k/found times the area, so the radius
    // grows by the square root of that (with room to spare), at least doubling and at most ×8.
    const growth = inside.length ? Math.sqrt(k / inside.length) * 1.3 : 8;
    radius = Math.min(WHOLE_EARTH_M, radius * Math.min(8, Math.max(2, growth)));
  }
}
