import { html, nothing, svg } from "lit";
import { clampRatio } from "../format/number.js";

export interface MeterOptions {
  /** The value drawn, as a ratio (1 = 100 %). */
  ratio: number | null | undefined;
  /** Where the expected-progress marker goes, as a ratio; none when undefined. */
  expected?: number | null;
  /** Accessible name. */
  label: string;
  /** Spoken value, e.g. "完成 85.2%，应完成 70%". */
  valueText: string;
  /** Colours the indicator as behind (red) instead of on track. */
  behind?: boolean;
}

/** `aria-valuenow` of a ratio: a percentage with one decimal; the maximum grows past 100 %. */
function aria(ratio: number | null | undefined) {
  const now = Math.round((ratio ?? 0) * 1000) / 10;
  return { now, max: Math.max(100, now) };
}

/**
 * A horizontal progress bar (`role="progressbar"`). Widths are not in the markup (a strict CSP
 * blocks style attributes): `data-ratio` is turned into a width by `applyMeters()` after render.
 */
export function bar(o: MeterOptions) {
  const a = aria(o.ratio);
  return html`<div
    part="bar"
    class="bar ${o.behind ? "behind" : ""}"
    role="progressbar"
    aria-label=${o.label}
    aria-valuemin="0"
    aria-valuemax=${a.max}
    aria-valuenow=${a.now}
    aria-valuetext=${o.valueText}
  >
    <div part="indicator" class="fill" data-ratio=${clampRatio(o.ratio)}></div>
    ${o.expected == null ? nothing : html`<div part="marker" class="marker" data-left=${clampRatio(o.expected)}></div>`}
  </div>`;
}

const R = 42;
const C = 2 * Math.PI * R;

/** A ring (SVG, attributes only — CSP-safe) with the value in its centre and the expected marker. */
export function ring(o: MeterOptions, centre: unknown) {
  const a = aria(o.ratio);
  const done = clampRatio(o.ratio) * C;
  return html`<div
    part="ring"
    class="ring ${o.behind ? "behind" : ""}"
    role="progressbar"
    aria-label=${o.label}
    aria-valuemin="0"
    aria-valuemax=${a.max}
    aria-valuenow=${a.now}
    aria-valuetext=${o.valueText}
  >
    <svg viewBox="0 0 100 100" aria-hidden="true">
      <circle class="track" cx="50" cy="50" r=${R}></circle>
      <circle part="indicator" class="fill" cx="50" cy="50" r=${R} stroke-dasharray="${done} ${C}" transform="rotate(-90 50 50)"></circle>
      ${
        o.expected == null
          ? nothing
          : svg`<line part="marker" class="marker" x1="50" y1="2" x2="50" y2="14" transform="rotate(${clampRatio(o.expected) * 360} 50 50)"></line>`
      }
    </svg>
    <div class="centre">${centre}</div>
  </div>`;
}

/** A headline number: `<dt>` label and `<dd part="value">`, with the exact value as its tooltip. */
export function figure(label: string, value: string, exact = "", cls = "") {
  return html`<div class="figure ${cls}">
    <dt>${label}</dt>
    <dd part="value" title=${exact || nothing}>${value}</dd>
  </div>`;
}

/** Sets bar widths and marker positions through CSSOM (allowed under `style-src 'self'`). */
export function applyMeters(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>("[data-ratio]"))
    el.style.width = `${Number(el.dataset.ratio) * 100}%`;
  for (const el of root.querySelectorAll<HTMLElement>("[data-left]"))
    el.style.left = `${Number(el.dataset.left) * 100}%`;
}
