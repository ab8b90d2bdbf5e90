import { html, type PropertyDeclarations } from "lit";
import { warnOnce } from "../../base/filters.js";
import { applyMeters, bar, figure, ring } from "../../base/meter.js";
import { RfElement } from "../../base/rf-element.js";
import { TARGET_METRICS } from "../../data/enums.js";
import { QueryController } from "../../data/query-controller.js";
import { formatCount, formatInteger, formatPercent } from "../../format/number.js";
import { enumLabel, format } from "../../i18n/index.js";
import { meterStyles } from "../../styles/meter.styles.js";
import { type ProgressEntry, targetProgressQuery } from "./target-progress.queries.js";
import { styles } from "./target-progress.styles.js";

/**
 * Target against actual for one metric, region and year (目标完成情况) — e.g. the province's new
 * parking spaces in civil air defense works — as a bar or a ring, with the expected-progress
 * marker (the share of the year elapsed) and the breakdown by city.
 *
 * @summary Target progress (目标完成情况) as bars or a ring, with expected progress and city breakdown.
 *
 * @fires rf-load - Data arrived; `detail: { data }`.
 * @fires rf-error - The query failed; `detail: { message }`.
 *
 * @csspart base - The card around the widget.
 * @csspart title - The heading.
 * @csspart status - The on-track / behind badge.
 * @csspart value - Each headline number.
 * @csspart bar - Each progress bar (`role="progressbar"`).
 * @csspart ring - The ring (`role="progressbar"`) of the ring variant.
 * @csspart indicator - The filled part of a bar or ring.
 * @csspart marker - The expected-progress marker.
 * @csspart breakdown - The list of cities.
 * @csspart label - A city name in the breakdown.
 * @csspart state - Loading / empty / error message.
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty --rf-target-progress-bar-height - Height of the main bar. Default 14px.
 * @cssproperty --rf-target-progress-ring-size - Diameter of the ring. Default 150px.
 * @cssproperty --rf-color-primary - Colour of progress on track.
 * @cssproperty --rf-color-warning - Colour of progress behind.
 * @cssproperty --rf-color-accent - Colour of the expected-progress marker.
 */
export class RfTargetProgress extends RfElement {
  static override styles = [...RfElement.styles, meterStyles, styles];

  static override properties: PropertyDeclarations = {
    ...RfElement.properties,
    metric: {},
    year: { type: Number },
    variant: {},
    asOf: { attribute: "as-of" },
    hideBreakdown: { type: Boolean, attribute: "hide-breakdown" },
  };

  /** `TargetMetric`: `NEW_PARKING_SPACES` (default), `CENSUS_COVERAGE`, `EARLY_WORK_SURVEY_COVERAGE`, `HAZARD_CLOSURE_RATE`. */
  metric = "NEW_PARKING_SPACES";

  /** The target year; the current year by default. */
  year = new Date().getFullYear();

  /** `bars` (default) or `ring`. */
  variant: "bars" | "ring" = "bars";

  /** Date (YYYY-MM-DD) at which progress and expected progress are measured; today by default. */
  asOf = "";

  /** Hide the breakdown by city. */
  hideBreakdown = false;

  private readonly data = new QueryController(this, {
    query: targetProgressQuery,
    variables: () => ({
      metric: this.metricValue,
      regionCode: this.region || "360000",
      year: Number(this.year) || new Date().getFullYear(),
      asOf: this.asOf || null,
    }),
    live: { pollSeconds: 300 },
  });

  private get metricValue(): string {
    const m = this.metric.toUpperCase();
    if ((TARGET_METRICS as readonly string[]).includes(m)) return m;
    warnOnce(`unknown metric "${this.metric}", showing NEW_PARKING_SPACES`);
    return "NEW_PARKING_SPACES";
  }

  /** Counts (parking spaces) are shown in 万; the coverage and closure metrics are ratios. */
  private value(v: number | null | undefined): string {
    if (this.metricValue !== "NEW_PARKING_SPACES") return formatPercent(v, this.locale);
    return `${formatCount(v, this.locale)} ${this.t.progress.unitSpaces}`;
  }

  protected override updated(): void {
    applyMeters(this.renderRoot);
  }

  private meter(e: ProgressEntry, label: string) {
    const t = this.t.progress;
    const valueText = format(t.valueText, {
      progress: formatPercent(e.progress, this.locale),
      expected: formatPercent(e.expectedProgress, this.locale),
    });
    return { ratio: e.progress, expected: e.expectedProgress, label, valueText, behind: !e.onTrack };
  }

  override render() {
    const t = this.t;
    return html`<div part="base" aria-busy=${this.data.status === "pending" ? "true" : "false"}>
      ${this.renderData(
        this.data,
        (d) => !d.targetProgress,
        (d) => {
          const p = d.targetProgress!;
          const title = `${enumLabel(t, "TargetMetric", p.metric)} · ${format(t.progress.year, { year: p.year })} · ${p.region?.name ?? ""}`;
          const meter = this.meter(p, title);
          const exact = (v: number | null) =>
            this.metricValue === "NEW_PARKING_SPACES" ? formatInteger(v, this.locale) : "";
          const pct = html`<span class="big">${formatPercent(p.progress, this.locale)}</span>`;
          return html`<div class="head">
              <h2 part="title">${title}</h2>
              <span part="badge status" class=${p.onTrack ? "b-ok" : "b-warn"}>${p.onTrack ? t.progress.onTrack : t.progress.behind}</span>
            </div>
            <div class="main ${this.variant === "ring" ? "ring-layout" : ""}">
              ${this.variant === "ring" ? ring(meter, html`${pct}<span class="sub">${t.progress.progress}</span>`) : ""}
              <div class="grow">
                <dl class="figures">
                  ${figure(t.progress.actual, this.value(p.actual), exact(p.actual))} ${figure(t.progress.target, this.value(p.target), exact(p.target))}
                  ${figure(t.progress.progress, formatPercent(p.progress, this.locale))}
                  ${figure(t.progress.expected, formatPercent(p.expectedProgress, this.locale))}
                </dl>
                ${this.variant === "ring" ? "" : bar(meter)}
              </div>
            </div>
            ${this.hideBreakdown || !p.breakdown?.length ? "" : this.renderBreakdown(p.breakdown)}`;
        },
      )}
    </div>`;
  }

  private renderBreakdown(rows: ProgressEntry[]) {
    return html`<h3>${this.t.progress.byCity}</h3>
      <ul part="breakdown" class="rows">
        ${rows.map(
          (e) =>
            html`<li>
              <span part="label">${e.region?.name}</span>${bar(this.meter(e, e.region?.name ?? ""))}<span class="v"
                >${this.value(e.actual)} / ${this.value(e.target)} · ${formatPercent(e.progress, this.locale)}</span
              >
            </li>`,
        )}
      </ul>`;
  }
}
