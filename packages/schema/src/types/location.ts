// Points on the map (位置) in both datums Chinese coordinates come in: WGS-84 (the registry's,
// GPS, 天地图) and GCJ-02 (most Chinese map apps). The conversion is rules/geo.ts.
import { builder } from "../builder.ts";
import { type LatLng, wgs84ToGcj02 } from "../rules/geo.ts";

export const Datum = builder.enumType("Datum", {
  description: "The datum of a coordinate pair (坐标系).",
  values: {
    WGS84: { description: "WGS-84, as GPS and 天地图 give it (WGS-84 坐标)." },
    GCJ02: { description: "GCJ-02, as most Chinese map apps give it (国测局坐标/火星坐标)." },
  },
});

export const GeoPointRef = builder.objectRef<LatLng>("GeoPoint").implement({
  description: "A latitude and longitude in degrees (经纬度).",
  fields: (t) => ({
    latitude: t.exposeFloat("latitude", { description: "Latitude, degrees north (纬度)." }),
    longitude: t.exposeFloat("longitude", { description: "Longitude, degrees east (经度)." }),
  }),
});

export const LocationRef = builder.objectRef<LatLng>("Location").implement({
  description: "One place in both datums (位置: WGS-84 and GCJ-02).",
  fields: (t) => ({
    wgs84: t.field({
      type: GeoPointRef,
      description: "In WGS-84 (WGS-84 坐标).",
      resolve: (p) => ({ latitude: p.latitude, longitude: p.longitude }),
    }),
    gcj02: t.field({
      type: GeoPointRef,
      description: "In GCJ-02, for Chinese map apps (国测局坐标).",
      resolve: (p) => wgs84ToGcj02(p),
    }),
  }),
});

/** A row's WGS-84 columns as a Location, or null when it has none. */
export function locationOf(row: { latitude: number | null; longitude: number | null }): LatLng | null {
  return row.latitude == null || row.longitude == null ? null : { latitude: row.latitude, longitude: row.longitude };
}
