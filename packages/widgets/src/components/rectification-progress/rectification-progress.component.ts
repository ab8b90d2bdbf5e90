import { html, type PropertyDeclarations } from "lit";
import { warnOnce } from "../../base/filters.js";
import { applyMeters, bar, figure, ring } from "../../base/meter.js";
import { RfElement } from "../../base/rf-element.js";
import { STATS_GROUPS } from "../../data/enums.js";
import { hazardChangedSubscription } from "../../data/hazard-changed.queries.js";
import { QueryController } from "../../data/query-controller.js";
import { formatCount, formatInteger, formatPercent } from "../../format/number.js";
import { enumLabel, format } from "../../i18n/index.js";
import { meterStyles } from "../../styles/meter.styles.js";
import { rectificationQuery, type StatsGroup } from "./rectification-progress.queries.js";
import { styles } from "./rectification-progress.styles.js";

const queries = new Map<string, ReturnType<typeof rectificationQuery>>();

/**
 * How many hazards are rectified and closed (销号), overall and by city, county, level or
 * category, as bars or a ring, with an optional required-rate marker.
 *
 * @summary Hazard closure rate (隐患整改销号率) by region or level, as bars or a ring.
 *
 * @fires rf-load - Data arrived; `detail: { data }`.
 * @fires rf-error - The query failed; `detail: { message }`.
 *
 * @csspart base - The card around the widget.
 * @csspart title - The heading.
 * @csspart value - Each headline number.
 * @csspart bar - Each progress bar (`role="progressbar"`).
 * @csspart ring - The ring (`role="progressbar"`) of the ring variant.
 * @csspart indicator - The filled part of a bar or ring.
 * @csspart marker - The required-rate marker (with `target-rate`).
 * @csspart breakdown - The list of groups.
 * @csspart label - A group name.
 * @csspart state - Loading / empty / error message.
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty --rf-rectification-progress-bar-height - Height of the bars. Default 10px.
 * @cssproperty --rf-rectification-progress-ring-size - Diameter of the ring. Default 140px.
 * @cssproperty --rf-color-primary - Colour of the closure bars.
 * @cssproperty --rf-color-overdue - Colour of overdue counts.
 */
export class RfRectificationProgress extends RfElement {
  static override styles = [...RfElement.styles, meterStyles, styles];

  static override properties: PropertyDeclarations = {
    ...RfElement.properties,
    groupBy: { attribute: "group-by" },
    variant: {},
    asOf: { attribute: "as-of" },
    targetRate: { type: Number, attribute: "target-rate" },
  };

  /** Grouping: `CITY` (default), `COUNTY`, `LEVEL` or `CATEGORY`. */
  groupBy = "CITY";

  /** `bars` (default) or `ring`. */
  variant: "bars" | "ring" = "bars";

  /** Date (YYYY-MM-DD) at which overdue is judged; today by default. */
  asOf = "";

  /** Required closure rate (0–1) drawn as a marker on every bar; none by default. */
  targetRate?: number;

  private readonly data = new QueryController(this, {
    query: () => {
      const g = this.group;
      if (!queries.has(g)) queries.set(g, rectificationQuery(g));
      return queries.get(g)!;
    },
    variables: () => ({ filter: { regionCode: this.region || undefined }, asOf: this.asOf || null }),
    live: { subscription: hazardChangedSubscription, variables: () => ({ regionCode: this.region }) },
  });

  private get group(): string {
    const g = this.groupBy.toUpperCase();
    if ((STATS_GROUPS as readonly string[]).includes(g)) return g;
    warnOnce(`unknown group-by "${this.groupBy}", grouping by CITY`);
    return "CITY";
  }

  protected override updated(): void {
    applyMeters(this.renderRoot);
  }

  private label(g: StatsGroup): string {
    if (this.group === "LEVEL") return enumLabel(this.t, "HazardLevel", g.key);
    if (this.group === "CATEGORY") return enumLabel(this.t, "HazardCategory", g.key);
    return g.label ?? g.key ?? "";
  }

  private meter(g: StatsGroup, label: string) {
    const rate = formatPercent(g.closureRate, this.locale);
    const target = this.targetRate;
    return {
      ratio: g.closureRate,
      expected: target,
      label,
      valueText: format(this.t.rectification.valueText, { rate }),
      behind: target != null && (g.closureRate ?? 0) < target,
    };
  }

  override render() {
    const t = this.t.rectification;
    return html`<div part="base" aria-busy=${this.data.status === "pending" ? "true" : "false"}>
      <div class="head">
        <h2 part="title">${t.title}</h2>
        <span class="sub">${t.groups[this.group]}</span>
      </div>
      ${this.renderData(
        this.data,
        (d) => !d.overall[0]?.total,
        (d) => {
          const all = d.overall[0];
          const meter = this.meter(all, t.closureRate);
          const n = (v: number) => formatCount(v, this.locale);
          return html`<div class="main">
              ${
                this.variant === "ring"
                  ? ring(
                      meter,
                      html`<span class="big">${formatPercent(all.closureRate, this.locale)}</span><span class="sub">${t.closureRate}</span>`,
                    )
                  : ""
              }
              <div class="grow">
                <dl class="figures">
                  ${figure(t.total, n(all.total), formatInteger(all.total, this.locale))} ${figure(t.closed, n(all.closed), formatInteger(all.closed, this.locale))} ${figure(t.open, n(all.open), formatInteger(all.open, this.locale))}
                  ${figure(t.overdue, n(all.overdue), formatInteger(all.overdue, this.locale), "overdue")}
                  ${this.variant === "ring" ? "" : figure(t.closureRate, formatPercent(all.closureRate, this.locale))}
                </dl>
                ${this.variant === "ring" ? "" : bar(meter)}
              </div>
            </div>
            <ul part="breakdown" class="rows">
              ${d.groups.map((g) => {
                const label = this.label(g);
                return html`<li>
                  <span part="label">${label}</span>${bar(this.meter(g, label))}<span class="v"
                    >${n(g.closed)} / ${n(g.total)} · ${formatPercent(g.closureRate, this.locale)}${
                      g.overdue ? html` · <span class="overdue">${t.overdue} ${n(g.overdue)}</span>` : ""
                    }</span
                  >
                </li>`;
              })}
            </ul>`;
        },
      )}
    </div>`;
  }
}
