import type { Lang } from "../i18n/index.js";

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, options);
    cache.set(key, f);
  }
  return f;
}

/**
 * A count for people: below 10,000 with digit grouping (9,876); from 10,000 on in 万 / 亿 for
 * Chinese (12.35万) and K / M for English (123.5K).
 */
export function formatCount(value: number | null | undefined, lang: Lang): string {
  if (value == null || Number.isNaN(value)) return "—";
  if (Math.abs(value) < 10000) return nf(lang, { maximumFractionDigits: 0 }).format(value);
  return nf(lang, { notation: "compact", maximumFractionDigits: 2 }).format(value);
}

/** An exact integer with grouping (for tables: 12,345). */
export function formatInteger(value: number | null | undefined, lang: Lang): string {
  if (value == null || Number.isNaN(value)) return "—";
  return nf(lang, { maximumFractionDigits: 0 }).format(value);
}

/** A ratio (0.853) as a percentage (85.3%). */
export function formatPercent(ratio: number | null | undefined, lang: Lang): string {
  if (ratio == null || Number.isNaN(ratio)) return "—";
  return nf(lang, { style: "percent", maximumFractionDigits: 1 }).format(ratio);
}

/** Clamps a ratio to [0, 1] for drawing (numbers shown stay unclamped). */
export function clampRatio(ratio: number | null | undefined): number {
  if (ratio == null || Number.isNaN(ratio)) return 0;
  return Math.min(1, Math.max(0, ratio));
}
