// nearestShelters: order and distance against an independent haversine, the datums, the purposes,
// what is never offered, the spatial index kept in step by triggers and used (query plans), and
// on PostgreSQL both ways: with PostGIS and with the fallback index when PostGIS is absent.
import { openDatabase } from "@renfang/schema";
import { wgs84ToGcj02 } from "@renfang/schema/rules/geo";
import { roundSql, spatialIndex } from "@renfang/schema/shelter-finder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, type TestDb, testApi, testDatabase } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

const pg = () => t.url.startsWith("postgres");
/** 八一广场, Nanchang (WGS-84). */
const NANCHANG = { latitude: 28.6746, longitude: 115.9087 };

const query = `query ($lat: Float!, $lng: Float!, $first: Int, $min: Int, $purpose: ShelterPurpose, $datum: Datum) {
  nearestShelters(latitude: $lat, longitude: $lng, first: $first, minCapacity: $min, purpose: $purpose, datum: $datum) {
    code name address status distanceMeters capacity region { code name }
    entrance { wgs84 { latitude longitude } gcj02 { latitude longitude } }
  }
}`;
interface Near {
  code: string;
  status: string;
  distanceMeters: number;
  capacity: number;
  entrance: { wgs84: { latitude: number; longitude: number }; gcj02: { latitude: number; longitude: number } };
}
async function nearest(vars: Record<string, unknown>, token?: Record<string, unknown>): Promise<Near[]> {
  const r = await t.gql<{ nearestShelters: Near[] }>(
    query,
    { lat: NANCHANG.latitude, lng: NANCHANG.longitude, ...vars },
    token,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.nearestShelters;
}

/** Haversine written apart from rules/geo.ts (atan2 form, same mean radius), for checking it. */
function haversine(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const toRad = Math.PI / 180;
  const φ1 = a.latitude * toRad;
  const φ2 = b.latitude * toRad;
  const Δφ = φ2 - φ1;
  const Δλ = (b.longitude - a.longitude) * toRad;
  const h = Math.sin(Δφ / 2) ** 2 + Math.cos(φ1) * Math.cos(φ2) * Math.sin(Δλ / 2) ** 2;
  return 6_371_008.8 * 2 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

/** Every open public work, by a where written here from the rule, measured and sorted. */
async function expected(point: typeof NANCHANG, purpose: "WARTIME" | "DISASTER", min: number, first: number) {
  const works = await t.database.prisma.shelter.findMany({
    where:
      purpose === "WARTIME"
        ? { wartimeFunction: "PERSONNEL_SHELTER", status: { in: ["IN_USE", "IDLE"] }, wartimeCapacity: { gte: min } }
        : {
            wartimeFunction: "PERSONNEL_SHELTER",
            status: "IN_USE",
            disasterShelter: true,
            disasterCapacity: { gte: min },
            latitude: { not: null },
          },
  });
  return works
    .filter((w) => w.latitude != null && w.longitude != null)
    .map((w) => ({ code: w.code, d: haversine(point, { latitude: w.latitude!, longitude: w.longitude! }), w }))
    .sort((a, b) => a.d - b.d || a.w.id - b.w.id)
    .slice(0, first);
}

describe("nearestShelters", () => {
  it("lists the nearest open personnel shelters in order of great-circle distance, as an independent haversine does", async () => {
    for (const first of [1, 10, 50]) {
      const got = await nearest({ first });
      const want = await expected(NANCHANG, "WARTIME", 0, first);
      expect(got.map((g) => g.code)).toEqual(want.map((w) => w.code));
      got.forEach((g, i) => {
        expect(g.distanceMeters).toBeCloseTo(want[i].d, 0);
        expect(g.capacity).toBe(want[i].w.wartimeCapacity);
        expect(["IN_USE", "IDLE"]).toContain(g.status);
        if (i) expect(g.distanceMeters).toBeGreaterThanOrEqual(got[i - 1].distanceMeters);
      });
    }
  });

  it("takes minCapacity and the DISASTER purpose (disaster shelters in use, disaster capacity)", async () => {
    const got = await nearest({ first: 15, min: 2000 });
    expect(got.map((g) => g.code)).toEqual((await expected(NANCHANG, "WARTIME", 2000, 15)).map((w) => w.code));
    for (const g of got) expect(g.capacity).toBeGreaterThanOrEqual(2000);

    const disaster = await nearest({ first: 12, purpose: "DISASTER", min: 500 });
    const want = await expected(NANCHANG, "DISASTER", 500, 12);
    expect(want.length).toBe(12);
    expect(disaster.map((g) => g.code)).toEqual(want.map((w) => w.code));
    disaster.forEach((g, i) => {
      expect(g.status).toBe("IN_USE");
      expect(g.capacity).toBe(want[i].w.disasterCapacity);
    });
  });

  it("searches far afield when nothing is near (a point in the sea finds Jiangxi's works)", async () => {
    const got = await nearest({ lat: 20, lng: 130, first: 3 });
    const want = await expected({ latitude: 20, longitude: 130 }, "WARTIME", 0, 3);
    expect(got.map((g) => g.code)).toEqual(want.map((w) => w.code));
    expect(got[0].distanceMeters).toBeGreaterThan(1_000_000);
  });

  it("takes a GCJ-02 point and gives each entrance in both datums", async () => {
    const wgs = await nearest({ first: 5 });
    const gcj = wgs84ToGcj02(NANCHANG);
    const fromGcj = await nearest({ first: 5, lat: gcj.latitude, lng: gcj.longitude, datum: "GCJ02" });
    expect(fromGcj.map((g) => g.code)).toEqual(wgs.map((g) => g.code));
    for (const [i, g] of fromGcj.entries()) expect(g.distanceMeters).toBeCloseTo(wgs[i].distanceMeters, 0);
    for (const g of wgs) {
      const shifted = wgs84ToGcj02(g.entrance.wgs84);
      expect(g.entrance.gcj02.latitude).toBeCloseTo(shifted.latitude, 9);
      expect(g.entrance.gcj02.longitude).toBeCloseTo(shifted.longitude, 9);
      // GCJ-02 lies a few hundred metres off in Nanchang.
      expect(haversine(g.entrance.wgs84, g.entrance.gcj02)).toBeGreaterThan(200);
    }
  });

  it("never offers a command, medical, team or supply work, nor a suspended, unfinished or decommissioned one, even at the very point", async () => {
    const prisma = t.database.prisma;
    const template = await prisma.shelter.findFirstOrThrow({ where: { regionCode: "360102" } });
    const { id: _id, code: _code, ...base } = template;
    const planted = [
      { wartimeFunction: "COMMAND", status: "IN_USE" },
      { wartimeFunction: "MEDICAL_AID", status: "IN_USE" },
      { wartimeFunction: "PROFESSIONAL_TEAM", status: "IN_USE" },
      { wartimeFunction: "SUPPORT", status: "IN_USE" },
      { wartimeFunction: "MATERIAL_STORAGE", status: "IDLE" },
      { wartimeFunction: "PERSONNEL_SHELTER", status: "SUSPENDED" },
      { wartimeFunction: "PERSONNEL_SHELTER", status: "DECOMMISSIONED" },
      { wartimeFunction: "PERSONNEL_SHELTER", status: "UNDER_CONSTRUCTION" },
    ] as const;
    const codes = planted.map((_, i) => `RF-TEST-NEVER-${i}`);
    await prisma.shelter.createMany({
      data: planted.map((p, i) => ({
        ...base,
        ...p,
        code: codes[i],
        disasterShelter: true,
        disasterCapacity: 5000,
        wartimeCapacity: 5000,
        latitude: NANCHANG.latitude,
        longitude: NANCHANG.longitude,
      })),
    });
    try {
      for (const purpose of ["WARTIME", "DISASTER"]) {
        for (const token of [undefined, { role: "PROVINCE_ADMIN" }]) {
          const got = await nearest({ first: 20, purpose }, token);
          expect(got.length).toBe(20);
          expect(got.map((g) => g.code).filter((c) => codes.includes(c))).toEqual([]);
        }
      }
    } finally {
      await prisma.shelter.deleteMany({ where: { code: { in: codes } } });
    }
  });

  it("follows the registry: a work added, moved and deleted is found, found at its new place, gone (index kept by triggers)", async () => {
    const prisma = t.database.prisma;
    const template = await prisma.shelter.findFirstOrThrow({
      where: { wartimeFunction: "PERSONNEL_SHELTER", status: "IN_USE", regionCode: "360102" },
    });
    const { id: _id, ...base } = template;
    const here = { latitude: 28.7, longitude: 115.85 };
    const there = { latitude: 28.6, longitude: 115.95 };
    const work = await prisma.shelter.create({ data: { ...base, code: "RF-TEST-MOVING", ...here } });
    const first = async (p: typeof here) => (await nearest({ lat: p.latitude, lng: p.longitude, first: 1 }))[0];
    expect(await first(here)).toMatchObject({ code: "RF-TEST-MOVING", distanceMeters: 0 });
    await prisma.shelter.update({ where: { id: work.id }, data: there });
    expect((await first(here)).code).not.toBe("RF-TEST-MOVING");
    expect(await first(there)).toMatchObject({ code: "RF-TEST-MOVING", distanceMeters: 0 });
    await prisma.shelter.update({ where: { id: work.id }, data: { latitude: null, longitude: null } });
    expect((await first(there)).code).not.toBe("RF-TEST-MOVING");
    await prisma.shelter.update({ where: { id: work.id }, data: there });
    await prisma.shelter.delete({ where: { id: work.id } });
    expect((await first(there)).code).not.toBe("RF-TEST-MOVING");
  });

  it("refuses a point off the globe, a page out of range and a negative capacity, naming the argument", async () => {
    for (const [vars, field] of [
      [{ lat: 91 }, "latitude"],
      [{ lng: -181 }, "longitude"],
      [{ first: 0 }, "first"],
      [{ first: 51 }, "first"],
      [{ min: -1 }, "minCapacity"],
    ] as const) {
      const r = await t.gql(query, { ...{ lat: NANCHANG.latitude, lng: NANCHANG.longitude }, ...vars });
      expect(r.data?.nearestShelters ?? null).toBeNull();
      expect(r.errors?.[0].extensions?.code).toBe("VALIDATION");
      expect(r.errors?.[0].message).toContain(field);
    }
  });

  it("costs a few statements: the spatial rounds and one read of the works", async () => {
    await nearest({ first: 10 });
    t.queries.reset();
    await nearest({ first: 10 });
    const spatial = t.queries.log.filter((q) => /ShelterLocation|ST_DWithin|<@ box/.test(q)).length;
    expect(spatial).toBeGreaterThanOrEqual(1);
    expect(spatial).toBeLessThanOrEqual(4);
    expect(t.queries.count).toBeLessThanOrEqual(spatial + 2);
  });
});

describe("the spatial index is used (query plans)", () => {
  const conditions = [{ column: "status", in: ["IN_USE"] }] as const;

  it("SQLite reads the R*Tree; PostgreSQL the PostGIS geography index", async () => {
    const index = await spatialIndex(t.database.prisma, t.database.provider);
    expect(index).toBe(pg() ? "POSTGIS" : "RTREE");
    expect(await plan(t, index, 3000)).toMatch(
      pg()
        ? /Index Scan on "Shelter_location_geography_idx"|Index Scan using "?Shelter_location_geography_idx/
        : /VIRTUAL TABLE INDEX \d+:/,
    );
  });

  it.runIf(process.env.TEST_DATABASE_URL?.startsWith("postgres"))(
    "PostgreSQL without PostGIS: the point GiST index, the same answers",
    async () => {
      const withPostgis = await nearest({ first: 20 });
      const db = await testDatabase();
      try {
        await db.database.prisma.$executeRawUnsafe("DROP EXTENSION postgis CASCADE");
        // A new client asks afresh which index there is.
        const bare = openDatabase({ url: db.url });
        try {
          expect(await spatialIndex(bare.prisma, "postgresql")).toBe("POINT_GIST");
          expect(await plan({ database: bare } as TestDb, "POINT_GIST", 3000)).toMatch(/Shelter_location_point_idx/);
          const api = await import("../src/yoga.ts");
          const fallback = api.createApi({ database: bare, tokenSecret: "x".repeat(40), rateLimit: false });
          const res = await fallback.fetch("http://yoga/graphql", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query, variables: { lat: NANCHANG.latitude, lng: NANCHANG.longitude, first: 20 } }),
          });
          const body = (await res.json()) as { data: { nearestShelters: Near[] } };
          expect(body.data.nearestShelters).toEqual(withPostgis);
        } finally {
          await bare.close();
        }
      } finally {
        await db.drop();
      }
    },
  );

  async function plan(db: Pick<TestDb, "database">, index: Awaited<ReturnType<typeof spatialIndex>>, meters: number) {
    const { sql, params } = roundSql(index, NANCHANG, meters, conditions);
    const prisma = db.database.prisma;
    if (index === "RTREE") {
      const rows = await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
      return rows.map((r) => r.detail).join("\n");
    }
    const rows = await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`, ...params);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  }
});
