// Distances and datums (rules/geo.ts) against published reference points.
import { describe, expect, it } from "vitest";
import { boxAround, distanceMeters, gcj02ToWgs84, toWgs84, wgs84ToGcj02 } from "../src/rules/geo.ts";

describe("GCJ-02 ⇄ WGS-84", () => {
  // Reference pairs (WGS-84 → GCJ-02) published with the eviltransform library's test suite
  // (github.com/googollee/eviltransform, test file of its JavaScript/Go/PHP ports: Shanghai,
  // Shenzhen, Beijing), each to ~1e-9°.
  const eviltransform = [
    { wgs: [31.1774276, 121.5272106], gcj: [31.17530398364597, 121.531541859215] }, // 上海
    { wgs: [22.543847, 113.912316], gcj: [22.540796131694766, 113.9171764808363] }, // 深圳
    { wgs: [39.911954, 116.377817], gcj: [39.91334545536069, 116.38404722455657] }, // 北京
  ];

  it("WGS-84 → GCJ-02 reproduces eviltransform's reference points", () => {
    for (const { wgs, gcj } of eviltransform) {
      const g = wgs84ToGcj02({ latitude: wgs[0], longitude: wgs[1] });
      expect(g.latitude).toBeCloseTo(gcj[0], 8);
      expect(g.longitude).toBeCloseTo(gcj[1], 8);
    }
  });

  it("GCJ-02 → WGS-84 gets the WGS-84 point back to under a millimetre", () => {
    for (const { wgs, gcj } of eviltransform) {
      const w = gcj02ToWgs84({ latitude: gcj[0], longitude: gcj[1] });
      expect(distanceMeters(w, { latitude: wgs[0], longitude: wgs[1] })).toBeLessThan(0.001);
    }
  });

  it("GCJ-02 → WGS-84 of gcoord's reference point (github.com/hujiulong/gcoord, test/unit/crs/GCJ02.spec.js)", () => {
    // gcoord: GCJ02.to.WGS84([123, 45]) ≈ [122.99395597, 44.99804071] (longitude, latitude), 5 decimals.
    const w = gcj02ToWgs84({ latitude: 45, longitude: 123 });
    expect(w.longitude).toBeCloseTo(122.99395597, 5);
    expect(w.latitude).toBeCloseTo(44.99804071, 5);
  });

  it("is the identity outside China, and toWgs84 converts only GCJ-02", () => {
    const london = { latitude: 51.5007, longitude: -0.1246 };
    expect(wgs84ToGcj02(london)).toEqual(london);
    expect(gcj02ToWgs84(london)).toEqual(london);
    const nanchang = { latitude: 28.6829, longitude: 115.8579 };
    expect(toWgs84(nanchang, "WGS84")).toEqual(nanchang);
    const shifted = toWgs84(nanchang, "GCJ02");
    // In Nanchang GCJ-02 lies some hundreds of metres from WGS-84.
    expect(distanceMeters(shifted, nanchang)).toBeGreaterThan(300);
    expect(distanceMeters(shifted, nanchang)).toBeLessThan(700);
  });
});

describe("distanceMeters", () => {
  it("matches known great-circle distances", () => {
    // One degree of latitude on the mean sphere is 2πR/360 = 111,195.08 m.
    expect(distanceMeters({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111_195.08, 1);
    // Quarter of the equator.
    expect(distanceMeters({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 90 })).toBeCloseTo(
      (Math.PI / 2) * 6_371_008.8,
      3,
    );
    // Antipodes: half the circumference, no NaN from rounding (haversine is ill-conditioned
    // there: within a metre of 20,015 km).
    expect(distanceMeters({ latitude: 10, longitude: 20 }, { latitude: -10, longitude: -160 })).toBeCloseTo(
      Math.PI * 6_371_008.8,
      -1,
    );
    expect(distanceMeters({ latitude: 28.68, longitude: 115.86 }, { latitude: 28.68, longitude: 115.86 })).toBe(0);
  });
});

describe("boxAround", () => {
  it("holds every point within the radius", () => {
    const p = { latitude: 28.6829, longitude: 115.8579 };
    const box = boxAround(p, 5000);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const b = (bearing * Math.PI) / 180;
      // A point 4,999 m away on this bearing (spherical destination formula).
      const d = 4999 / 6_371_008.8;
      const lat1 = (p.latitude * Math.PI) / 180;
      const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
      const lng2 =
        (p.longitude * Math.PI) / 180 +
        Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
      const q = { latitude: (lat2 * 180) / Math.PI, longitude: (lng2 * 180) / Math.PI };
      expect(q.latitude).toBeGreaterThanOrEqual(box.south);
      expect(q.latitude).toBeLessThanOrEqual(box.north);
      expect(q.longitude).toBeGreaterThanOrEqual(box.west);
      expect(q.longitude).toBeLessThanOrEqual(box.east);
    }
  });

  it("widens to every longitude near a pole or across the antimeridian", () => {
    expect(boxAround({ latitude: 89.99, longitude: 10 }, 5000)).toMatchObject({ west: -180, east: 180 });
    expect(boxAround({ latitude: 0, longitude: 179.99 }, 5000)).toMatchObject({ west: -180, east: 180 });
  });
});
