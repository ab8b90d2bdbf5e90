// A map drawn from the portal's own tiles (a `{z}/{x}/{y}` URL template, e.g. the office's 天地图
// server on the intranet) in one SVG: the tiles as <image>s, the points as numbered markers. No
// script or tile from anywhere else, no style attribute (CSP): positions are SVG attributes.
import { html, svg } from "lit";

export interface MapPoint {
  latitude: number;
  longitude: number;
  /** Text in the marker (the list's number), empty for the origin. */
  label: string;
  /** Tooltip / accessible name of the marker. */
  title: string;
  kind: "origin" | "work";
}

const TILE = 256;
const PAD = 28;

/** Web Mercator pixel coordinates of a point at zoom z. */
function project(p: MapPoint, z: number): [number, number] {
  const size = TILE * 2 ** z;
  const s = Math.sin((Math.max(-85, Math.min(85, p.latitude)) * Math.PI) / 180);
  return [((p.longitude + 180) / 360) * size, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size];
}

/** The deepest zoom (≤ 18) at which every point fits the view with a margin. */
function fittingZoom(points: MapPoint[], width: number, height: number): number {
  for (let z = 18; z > 1; z--) {
    const xy = points.map((p) => project(p, z));
    const xs = xy.map((c) => c[0]);
    const ys = xy.map((c) => c[1]);
    if (Math.max(...xs) - Math.min(...xs) <= width - 2 * PAD && Math.max(...ys) - Math.min(...ys) <= height - 2 * PAD)
      return z;
  }
  return 1;
}

/** The map of `points` on the tiles of `template`, `width`×`height` user units (it scales to its box). */
export function tileMap(template: string, points: MapPoint[], label: string, width = 480, height = 300) {
  if (!points.length) return html``;
  const z = fittingZoom(points, width, height);
  const xy = points.map((p) => project(p, z));
  const xs = xy.map((c) => c[0]);
  const ys = xy.map((c) => c[1]);
  const left = (Math.min(...xs) + Math.max(...xs)) / 2 - width / 2;
  const top = (Math.min(...ys) + Math.max(...ys)) / 2 - height / 2;
  const count = 2 ** z;
  const tiles = [];
  for (let ty = Math.floor(top / TILE); ty <= Math.floor((top + height) / TILE); ty++) {
    if (ty < 0 || ty >= count) continue;
    for (let tx = Math.floor(left / TILE); tx <= Math.floor((left + width) / TILE); tx++) {
      const wrapped = ((tx % count) + count) % count;
      const href = template.replace("{z}", String(z)).replace("{x}", String(wrapped)).replace("{y}", String(ty));
      tiles.push(
        svg`<image part="tile" href=${href} x=${tx * TILE - left} y=${ty * TILE - top} width=${TILE} height=${TILE}></image>`,
      );
    }
  }
  // The origin first, then the works from farthest to nearest: the nearest is drawn on top.
  const order = points.map((p, i) => ({ p, x: xy[i][0] - left, y: xy[i][1] - top })).reverse();
  order.sort((a, b) => (b.p.kind === "origin" ? 1 : 0) - (a.p.kind === "origin" ? 1 : 0));
  return html`<svg part="map" class="map" viewBox="0 0 ${width} ${height}" role="img" aria-label=${label}>
    ${tiles}
    ${order.map(({ p, x, y }) =>
      p.kind === "origin"
        ? svg`<g part="origin" class="origin"><title>${p.title}</title><circle cx=${x} cy=${y} r="9"></circle><circle cx=${x} cy=${y} r="3.5" class="dot"></circle></g>`
        : svg`<g part="marker" class="marker"><title>${p.title}</title><circle cx=${x} cy=${y} r="13"></circle><text x=${x} y=${y} dy="0.35em">${p.label}</text></g>`,
    )}
  </svg>`;
}
