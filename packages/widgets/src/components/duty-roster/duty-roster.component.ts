import { html, nothing, type PropertyDeclarations } from "lit";
import { badge } from "../../base/badges.js";
import { RfElement } from "../../base/rf-element.js";
import { QueryController } from "../../data/query-controller.js";
import { formatTime, isoDay, parseDay } from "../../format/date.js";
import { dutyRosterQuery, type Shift } from "./duty-roster.queries.js";
import { styles } from "./duty-roster.styles.js";

/**
 * Who is on duty at the region's civil air defense offices (值班) and which leader leads the
 * shift (领导带班): now, and every day of this week.
 *
 * @summary Duty roster (值班安排): on duty now and this week, with the leading official.
 *
 * @fires rf-load - Data arrived; `detail: { data }`.
 * @fires rf-error - The query failed; `detail: { message }`.
 *
 * @csspart base - The card around the widget.
 * @csspart title - The heading.
 * @csspart now - The "on duty now" cards.
 * @csspart shift - One shift card.
 * @csspart badge - The shift kind badge.
 * @csspart week - The week's table.
 * @csspart today - Today's row in the week's table.
 * @csspart state - Loading / empty / error message.
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty --rf-duty-roster-today-background - Background of today's row. Default a light blue.
 * @cssproperty --rf-color-primary - Colour of headings and the leading official.
 */
export class RfDutyRoster extends RfElement {
  static override styles = [...RfElement.styles, styles];

  static override properties: PropertyDeclarations = {
    ...RfElement.properties,
    date: {},
  };

  /** The day taken as today (YYYY-MM-DD); the real date by default. Its week (Monday–Sunday) is shown. */
  date = "";

  private readonly data = new QueryController(this, {
    query: dutyRosterQuery,
    variables: () => {
      const day = this.day;
      const monday = new Date(day.getFullYear(), day.getMonth(), day.getDate() - ((day.getDay() + 6) % 7));
      const sunday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 6);
      return {
        regionCode: this.region || "360000",
        at: this.at().toISOString(),
        from: isoDay(monday),
        to: isoDay(sunday),
      };
    },
    live: { pollSeconds: 300 },
  });

  private get day(): Date {
    return parseDay(this.date) ?? new Date();
  }

  /** The moment asked about: now (to the 10 minutes, so renders do not re-query), or 10:00 of `date`. */
  private at(): Date {
    const given = parseDay(this.date);
    if (given) return new Date(given.getFullYear(), given.getMonth(), given.getDate(), 10);
    const now = Date.now();
    return new Date(now - (now % 600000));
  }

  override render() {
    const t = this.t.duty;
    return html`<div part="base" aria-busy=${this.data.status === "pending" ? "true" : "false"}>
      <div class="head"><h2 part="title">${t.title}</h2></div>
      ${this.renderData(
        this.data,
        () => false,
        (d) => {
          const now = Array.isArray(d.onDuty) ? d.onDuty : d.onDuty ? [d.onDuty] : [];
          return html`<h3>${t.now}</h3>
            <div part="now" class="now">${now.length ? now.map((s) => this.renderShift(s)) : html`<p class="sub">${t.nobody}</p>`}</div>
            ${this.renderWeek(d.dutyShifts.edges.map((e) => e.node))}`;
        },
      )}
    </div>`;
  }

  private names(people: ({ name: string | null } | null)[]): string {
    const names = people.map((p) => p?.name).filter(Boolean);
    return names.length ? names.join("、") : this.t.duty.hidden;
  }

  private renderShift(s: Shift) {
    const t = this.t.duty;
    return html`<div part="shift" class="shift">
      <div class="row">
        <strong>${s.organization?.name ?? ""}</strong>${badge(this.t, "ShiftKind", s.kind)}
        <span class="sub num">${formatTime(s.startsAt)}–${formatTime(s.endsAt)}</span>
      </div>
      <div class="row"><span class="sub">${t.leader}</span><span class="leader">${this.names([s.leader])}</span></div>
      <div class="row"><span class="sub">${t.officers}</span><span>${this.names(s.officers ?? [])}</span></div>
    </div>`;
  }

  private renderWeek(shifts: Shift[]) {
    const t = this.t.duty;
    const day = this.day;
    const monday = new Date(day.getFullYear(), day.getMonth(), day.getDate() - ((day.getDay() + 6) % 7));
    const days = Array.from(
      { length: 7 },
      (_, i) => new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i),
    );
    const today = isoDay(day);
    return html`<h3>${t.week}</h3>
      <table part="week" class="week">
        <thead>
          <tr>
            <th scope="col">${t.date}</th>
            <th scope="col">${t.leader}</th>
            <th scope="col">${t.officers}</th>
          </tr>
        </thead>
        <tbody>
          ${days.map((d) => {
            const iso = isoDay(d);
            const list = shifts.filter((s) => s.date?.slice(0, 10) === iso);
            return html`<tr part=${iso === today ? "today" : nothing} aria-current=${iso === today ? "date" : nothing}>
              <th scope="row" class="num">${t.weekdays[d.getDay()]} ${iso.slice(5)}</th>
              <td>${list.map((s) => html`<div>${badge(this.t, "ShiftKind", s.kind)} <span class="leader">${this.names([s.leader])}</span></div>`)}</td>
              <td>${list.map((s) => html`<div>${this.names(s.officers ?? [])}</div>`)}</td>
            </tr>`;
          })}
        </tbody>
      </table>`;
  }
}
