import { html, type PropertyDeclarations } from "lit";
import { badge } from "../../base/badges.js";
import { RfElement } from "../../base/rf-element.js";
import { QueryController } from "../../data/query-controller.js";
import { formatDate } from "../../format/date.js";
import { format } from "../../i18n/index.js";
import { reportStatusQuery, type StageReport } from "./report-status.queries.js";

/** A report with its organization and deadline (the API may leave them out of scope). */
type Req = StageReport & { organization: { name: string }; deadline: { title: string; dueOn: string } };

import { styles } from "./report-status.styles.js";

/**
 * Whether each unit submitted its stage reports (阶段整治情况报告) on time, late (迟报) or not at
 * all (漏报): a unit × deadline table with a summary.
 *
 * @summary Stage report status (报送情况): on time / late / missing per unit and deadline.
 *
 * @fires rf-load - Data arrived; `detail: { data }`.
 * @fires rf-error - The query failed; `detail: { message }`.
 *
 * @csspart base - The card around the widget.
 * @csspart title - The heading.
 * @csspart summary - The counts of on-time, late and missing reports.
 * @csspart table - The unit × deadline table.
 * @csspart badge - Each timeliness badge (plus `on_time`, `late`, `missing` or `pending`).
 * @csspart state - Loading / empty / error message.
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty --rf-report-status-max-height - Height after which the table scrolls. Default 360px.
 * @cssproperty --rf-color-ok - Colour of on-time reports.
 * @cssproperty --rf-color-warning - Colour of late reports.
 * @cssproperty --rf-color-major - Colour of missing reports.
 */
export class RfReportStatus extends RfElement {
  static override styles = [...RfElement.styles, styles];

  static override properties: PropertyDeclarations = {
    ...RfElement.properties,
    campaign: {},
  };

  /** Campaign code; all campaigns by default. */
  campaign = "";

  private readonly data = new QueryController(this, {
    query: reportStatusQuery,
    variables: () => ({ regionCode: this.region || "360000", campaignCode: this.campaign || null }),
    live: { pollSeconds: 600 },
  });

  override render() {
    const t = this.t.reports;
    return html`<div part="base" aria-busy=${this.data.status === "pending" ? "true" : "false"}>
      <div class="head"><h2 part="title">${t.title}</h2></div>
      ${this.renderData(
        this.data,
        (d) => !d.stageReports.edges.length,
        (d) => this.renderTable(d.stageReports.edges.map((e) => e.node)),
      )}
    </div>`;
  }

  private renderTable(all: StageReport[]) {
    const t = this.t.reports;
    const reports = all.filter((r): r is Req => Boolean(r.organization && r.deadline));
    const deadlines = [
      ...new Map(reports.map((r) => [`${r.deadline.dueOn} ${r.deadline.title}`, r.deadline])).entries(),
    ].sort((a, b) => a[0].localeCompare(b[0]));
    const units = [...new Set(reports.map((r) => r.organization.name))].sort((a, b) => a.localeCompare(b, "zh-CN"));
    const cell = new Map(reports.map((r) => [`${r.organization.name}\n${r.deadline.dueOn} ${r.deadline.title}`, r]));
    const counts: Record<string, number> = { ON_TIME: 0, LATE: 0, MISSING: 0 };
    for (const r of reports) if (r.timeliness) counts[r.timeliness] = (counts[r.timeliness] ?? 0) + 1;
    return html`<p part="summary" class="summary num">${format(t.summary, counts)}</p>
      <div class="scroll">
        <table part="table">
          <thead>
            <tr>
              <th scope="col">${t.unit}</th>
              ${deadlines.map(([, d]) => html`<th scope="col"><span class="num">${formatDate(d.dueOn)}</span><span class="dl">${d.title}</span></th>`)}
            </tr>
          </thead>
          <tbody>
            ${units.map(
              (u) =>
                html`<tr>
                  <th scope="row">${u}</th>
                  ${deadlines.map(([key]) => {
                    const r = cell.get(`${u}\n${key}`);
                    if (!r) return html`<td></td>`;
                    const at = r.submittedAt
                      ? format(t.submittedAt, { at: formatDate(r.submittedAt) })
                      : t.notSubmitted;
                    return html`<td title=${at}>${badge(this.t, "Timeliness", r.timeliness ?? "PENDING")}</td>`;
                  })}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }
}
