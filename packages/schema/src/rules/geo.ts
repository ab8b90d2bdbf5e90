// Points on the earth: great-circle distance, the box a radius covers, and the two datums Chinese
// coordinates come in. WGS-84 is the registry's datum (GPS, 天地图/CGCS2000 within centimetres);
// GCJ-02 (国测局坐标, "Mars coordinates") is what most Chinese map apps show and hand out: WGS-84
// shifted by a published, deliberately irregular offset of up to ~700 m inside China.

export interface LatLng {
  latitude: number;
  longitude: number;
}

export type Datum = "WGS84" | "GCJ02";

/** The IUGG mean earth radius in metres, the sphere great-circle distances are measured on. */
export const EARTH_RADIUS_M = 6_371_008.8;

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine formula on the mean-radius sphere). */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Box {
  south: number;
  north: number;
  west: number;
  east: number;
}

/**
 * The latitude/longitude box that holds every point within `meters` of `p` (a little more near
 * its corners). Near the poles or across the antimeridian it widens to all longitudes.
 */
export function boxAround(p: LatLng, meters: number): Box {
  const dLat = (meters / EARTH_RADIUS_M) * (180 / Math.PI);
  const south = Math.max(-90, p.latitude - dLat);
  const north = Math.min(90, p.latitude + dLat);
  // The widest parallel of the box is the one nearest a pole.
  const widest = Math.max(Math.abs(south), Math.abs(north));
  const dLng = widest >= 89.9 ? 180 : dLat / Math.cos(rad(widest));
  if (dLng >= 180 || p.longitude - dLng < -180 || p.longitude + dLng > 180) {
    return { south, north, west: -180, east: 180 };
  }
  return { south, north, west: p.longitude - dLng, east: p.longitude + dLng };
}

// GCJ-02 is defined by the offset below (Krasovsky 1940 ellipsoid, the published polynomial); it
// applies inside China only. Outside it GCJ-02 equals WGS-84.
const KRASOVSKY_A = 6_378_245;
const KRASOVSKY_EE = 0.006_693_421_622_965_943;

function outsideChina(p: LatLng): boolean {
  return p.longitude < 72.004 || p.longitude > 137.8347 || p.latitude < 0.8293 || p.latitude > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function offsetLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS-84 → GCJ-02 (exact: this is the datum's definition). */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (outsideChina(p)) return { ...p };
  const x = p.longitude - 105;
  const y = p.latitude - 35;
  const radLat = rad(p.latitude);
  const magic = 1 - KRASOVSKY_EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLat(x, y) * 180) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (offsetLng(x, y) * 180) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { latitude: p.latitude + dLat, longitude: p.longitude + dLng };
}

/**
 * GCJ-02 → WGS-84. The offset has no closed inverse; a few fixed-point steps (each correcting by
 * the forward offset's error) converge to well under a millimetre inside China.
 */
export function gcj02ToWgs84(p: LatLng): LatLng {
  if (outsideChina(p)) return { ...p };
  let w = { ...p };
  for (let i = 0; i < 10; i++) {
    const g = wgs84ToGcj02(w);
    const dLat = g.latitude - p.latitude;
    const dLng = g.longitude - p.longitude;
    w = { latitude: w.latitude - dLat, longitude: w.longitude - dLng };
    if (Math.abs(dLat) < 1e-10 && Math.abs(dLng) < 1e-10) break;
  }
  return w;
}

/** A point given in `datum`, as WGS-84. */
export function toWgs84(p: LatLng, datum: Datum): LatLng {
  return datum === "GCJ02" ? gcj02ToWgs84(p) : { latitude: p.latitude, longitude: p.longitude };
}
