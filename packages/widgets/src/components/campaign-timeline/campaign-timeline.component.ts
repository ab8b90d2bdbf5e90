import { html, nothing, type PropertyDeclarations } from "lit";
import { applyMeters } from "../../base/meter.js";
import { RfElement } from "../../base/rf-element.js";
import { QueryController } from "../../data/query-controller.js";
import { daysBetween, formatDate, parseDay } from "../../format/date.js";
import { format } from "../../i18n/index.js";
import { type CampaignData, campaignQuery, campaignsQuery, type Deadline } from "./campaign-timeline.queries.js";
import { styles } from "./campaign-timeline.styles.js";

/**
 * A campaign (专项整治行动) as a timeline: its phases, where today is, and the next reporting
 * deadline (报送节点) with the days left.
 *
 * @summary Campaign timeline (专项行动进度): phases, today's position, next reporting deadline.
 *
 * @fires rf-load - Data arrived; `detail: { data }`.
 * @fires rf-error - The query failed; `detail: { message }`.
 *
 * @csspart base - The card around the widget.
 * @csspart title - The heading.
 * @csspart campaign-select - The campaign chooser (when there are several).
 * @csspart track - The timeline track.
 * @csspart segment - A phase on the track (plus `current` for today's phase).
 * @csspart today - Today's marker on the track.
 * @csspart phases - The list of phases.
 * @csspart phase - One phase (plus `current`).
 * @csspart next-deadline - The next reporting deadline.
 * @csspart deadlines - The list of reporting deadlines.
 * @csspart state - Loading / empty / error message.
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty --rf-campaign-timeline-track-height - Height of the track. Default 28px.
 * @cssproperty --rf-campaign-timeline-description-lines - Lines of a phase description shown. Default 2.
 * @cssproperty --rf-color-primary - Colour of the phases.
 * @cssproperty --rf-color-accent - Colour of today's marker and the next deadline.
 */
export class RfCampaignTimeline extends RfElement {
  static override styles = [...RfElement.styles, styles];

  static override properties: PropertyDeclarations = {
    ...RfElement.properties,
    campaign: {},
    today: {},
  };

  /** Campaign code; the first campaign of the API by default. */
  campaign = "";

  /** The date taken as today (YYYY-MM-DD); the real date by default. */
  today = "";

  private readonly list = new QueryController(this, {
    query: campaignsQuery,
    variables: () => (this.campaign ? null : {}),
  });

  private readonly data = new QueryController(this, {
    query: campaignQuery,
    variables: () => {
      const code = this.campaign || this.list.data?.campaigns.edges[0]?.node.code;
      return code ? { code } : null;
    },
    live: { pollSeconds: 3600 },
  });

  private get now(): Date {
    return parseDay(this.today) ?? new Date();
  }

  protected override updated(): void {
    applyMeters(this.renderRoot);
  }

  override render() {
    const listEmpty = !this.campaign && this.list.status === "complete" && !this.list.data?.campaigns.edges.length;
    const source = !this.campaign && (this.list.status !== "complete" || listEmpty) ? this.list : this.data;
    return html`<div part="base" aria-busy=${source.status === "pending" ? "true" : "false"}>
      ${this.renderData(
        source as QueryController<unknown>,
        () => listEmpty,
        () =>
          this.renderData(
            this.data,
            (d) => !d.campaign,
            (d) => this.renderCampaign(d.campaign!),
          ),
      )}
    </div>`;
  }

  private renderCampaign(c: NonNullable<CampaignData["campaign"]>) {
    const t = this.t.timeline;
    const start = parseDay(c.startsOn)!;
    const span = Math.max(1, daysBetween(start, parseDay(c.endsOn)!));
    const at = (d: string) => Math.min(1, Math.max(0, daysBetween(start, parseDay(d)!) / span));
    const now = this.now;
    const today = daysBetween(start, now) / span;
    const isCurrent = (p: { startsOn: string; endsOn: string }) =>
      parseDay(p.startsOn)! <= now && now <= parseDay(p.endsOn)!;
    const phases = c.phases ?? [];
    const deadlines = [...(c.deadlines ?? [])].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    const next = deadlines.find((d) => daysBetween(now, parseDay(d.dueOn)!) >= 0);
    const campaigns = this.list.data?.campaigns.edges.map((e) => e.node) ?? [];
    return html`<div class="head">
        <h2 part="title">${c.name}</h2>
        <span class="sub num"
          >${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}
          ${today > 1 ? html`<span part="badge" class="b-ok">${t.completed}</span>` : nothing}</span
        >
        ${
          campaigns.length > 1
            ? html`<label class="sub"
                ><span>${t.campaign}</span>
                <select part="campaign-select" @change=${(e: Event) => (this.campaign = (e.target as HTMLSelectElement).value)}>
                  ${campaigns.map((x) => html`<option value=${x.code} ?selected=${x.code === c.code}>${x.name}</option>`)}
                </select></label
              >`
            : nothing
        }
      </div>
      <div part="track" class="track" aria-hidden="true">
        ${phases.map(
          (p, i) =>
            html`<div
              part="segment ${isCurrent(p) ? "current" : ""}"
              class="segment s${i % 4}"
              data-left=${at(p.startsOn)}
              data-ratio=${Math.max(0, at(p.endsOn) - at(p.startsOn))}
            >
              <span>${p.name}</span>
            </div>`,
        )}
        ${today >= 0 && today <= 1 ? html`<div part="today" class="today" data-left=${today}><span>${t.today}</span></div>` : nothing}
      </div>
      <div class="cols">
        <ol part="phases" class="phases" aria-label=${t.phases}>
          ${phases.map(
            (p) =>
              html`<li part="phase ${isCurrent(p) ? "current" : ""}" aria-current=${isCurrent(p) ? "step" : nothing}>
                <strong>${p.name}</strong>${isCurrent(p) ? html` <span part="badge" class="b-info">${t.current}</span>` : nothing}
                <span class="sub num">${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}</span>
                ${p.description ? html`<span class="desc" title=${p.description}>${p.description}</span>` : nothing}
              </li>`,
          )}
        </ol>
        <div>
          ${this.renderNext(next)}
          <h3>${t.deadlines}</h3>
          <ul part="deadlines" class="deadlines">
            ${deadlines.map(
              (d) =>
                html`<li class=${d === next ? "next" : daysBetween(now, parseDay(d.dueOn)!) < 0 ? "past" : ""}>
                  <span class="num">${formatDate(d.dueOn)}</span> ${d.title}
                </li>`,
            )}
          </ul>
        </div>
      </div>`;
  }

  private renderNext(next: Deadline | undefined) {
    const t = this.t.timeline;
    if (!next) return html`<div part="next-deadline" class="next-deadline">${t.noDeadline}</div>`;
    const days = daysBetween(this.now, parseDay(next.dueOn)!);
    return html`<div part="next-deadline" class="next-deadline" role="status">
      <span class="sub">${t.nextDeadline}</span>
      <strong>${next.title}</strong>
      <span class="num">${formatDate(next.dueOn)} · ${days === 0 ? t.dueToday : format(t.daysLeft, { days })}</span>
      ${next.recipient ? html`<span class="sub">${format(t.recipient, { recipient: next.recipient })}</span>` : nothing}
    </div>`;
  }
}
