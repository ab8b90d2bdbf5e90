import { html, type PropertyDeclarations } from "lit";
import { badge } from "../../base/badges.js";
import { enumList } from "../../base/filters.js";
import { type LedgerColumn, type LedgerFilter, RfLedger } from "../../base/ledger-base.js";
import { HAZARD_CATEGORIES, HAZARD_LEVELS, HAZARD_ORDER_FIELDS, HAZARD_STATUSES } from "../../data/enums.js";
import { formatDate } from "../../format/date.js";
import { enumLabel, format, type Messages } from "../../i18n/index.js";
import { type HazardRow, type HazardsData, hazardsQuery } from "./hazard-ledger.queries.js";
import { styles } from "./hazard-ledger.styles.js";

/**
 * The hazard and rectification ledger (问题隐患及整改台账): a paged, sortable, filterable grid of
 * hazards with status badges, major-level and overdue highlighting, column choice and export.
 *
 * @summary Hazard ledger (隐患台账) with server-side paging, sorting, filters and export.
 *
 * @fires rf-row-activate - A row was clicked or activated with Enter / Space; `detail: { id, code, row }`.
 * @fires rf-sort-change - The sort order changed from a column header; `detail: { field, direction }`.
 * @fires rf-page-change - Another page is shown; `detail: { page, pageSize }`.
 * @fires rf-filter-change - A filter or the search changed from the toolbar; `detail: { filter }`.
 * @fires rf-export - An export was saved; `detail: { format, source: "server" | "page", url }`.
 * @fires rf-live-update - A `hazardChanged` event arrived (with `live`); `detail: { id, code, status }`.
 * @fires rf-load - Data arrived; `detail: { data }`.
 * @fires rf-error - The query failed; `detail: { message }`.
 *
 * @csspart base - The card around the widget.
 * @csspart title - The heading.
 * @csspart toolbar - The search and filter bar.
 * @csspart search - The search input.
 * @csspart filter - Each filter select.
 * @csspart column-chooser - The column choice menu.
 * @csspart export-button - The export buttons.
 * @csspart table - The grid (`role="grid"`).
 * @csspart header-cell - Each column header.
 * @csspart row - Each data row; also `major`, `overdue`, `changed` on rows that are.
 * @csspart cell - Each data cell.
 * @csspart badge - Status and level badges (plus the enum value in lower case, e.g. `major`).
 * @csspart footer - The paging bar.
 * @csspart pager - The paging buttons.
 * @csspart state - Loading / empty / error message (plus `loading`, `empty` or `error`).
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty --rf-hazard-ledger-row-height - Height of a row. Default 40px.
 * @cssproperty --rf-hazard-ledger-max-height - Height after which the grid scrolls. Default none.
 * @cssproperty --rf-color-primary - Government blue of headings, buttons and focus.
 * @cssproperty --rf-color-accent - Red of the title bar.
 * @cssproperty --rf-color-major - Colour of major hazards.
 * @cssproperty --rf-color-overdue - Colour of overdue markers.
 * @cssproperty --rf-font-family - Font of the widget.
 */
export class RfHazardLedger extends RfLedger<HazardRow> {
  static override styles = [...RfLedger.styles, styles];

  static override properties: PropertyDeclarations = {
    ...RfLedger.properties,
    status: {},
    level: {},
    category: {},
    overdue: { type: Boolean },
  };

  /** Status filter, comma-separated `HazardStatus` values (e.g. `REPORTED,RECTIFYING`). */
  status = "";

  /** Level filter: `GENERAL`, `MAJOR` or both. */
  level = "";

  /** Category filter, comma-separated `HazardCategory` values. */
  category = "";

  /** Show only overdue hazards. */
  overdue = false;

  override sort = "DISCOVERED_ON:DESC";

  protected readonly exportName = "hazards";
  protected readonly sortFields = HAZARD_ORDER_FIELDS;
  protected readonly defaultColumns = [
    "code",
    "title",
    "shelter",
    "region",
    "category",
    "level",
    "status",
    "discoveredOn",
    "deadline",
    "responsibleUnit",
  ];

  protected document() {
    return hazardsQuery;
  }

  protected texts(t: Messages) {
    return t.hazardLedger;
  }

  protected connectionOf(data: unknown) {
    return (data as HazardsData).hazards;
  }

  protected filterVariable(): Record<string, unknown> {
    return {
      regionCode: this.region || undefined,
      status: enumList(this.status, HAZARD_STATUSES, "status"),
      level: enumList(this.level, HAZARD_LEVELS, "level"),
      category: enumList(this.category, HAZARD_CATEGORIES, "category"),
      overdue: this.overdue || undefined,
      search: this.search || undefined,
    };
  }

  protected filterDefs(): LedgerFilter[] {
    const t = this.t.hazardLedger;
    return [
      { prop: "status", label: t.status, type: "HazardStatus", values: HAZARD_STATUSES },
      { prop: "level", label: t.level, type: "HazardLevel", values: HAZARD_LEVELS },
      { prop: "category", label: t.category, type: "HazardCategory", values: HAZARD_CATEGORIES },
    ];
  }

  protected override renderExtraFilters() {
    return html`<label class="check"
      ><input
        type="checkbox"
        .checked=${this.overdue}
        @change=${(e: Event) => this.setFilter("overdue", (e.target as HTMLInputElement).checked)}
      />${this.t.ledger.overdueOnly}</label
    >`;
  }

  protected override rowParts(row: HazardRow): string {
    return `${row.level === "MAJOR" ? "major" : ""} ${row.isOverdue ? "overdue" : ""}`;
  }

  protected columnDefs(): LedgerColumn<HazardRow>[] {
    const t = this.t;
    const label = (type: string, v: string) => enumLabel(t, type, v);
    const overdue = (r: HazardRow) => (r.isOverdue ? format(t.ledger.overdueDays, { days: r.overdueDays ?? 0 }) : "");
    return [
      { key: "code", sort: "CODE", text: (r) => r.code },
      { key: "title", text: (r) => r.title },
      { key: "shelter", text: (r) => r.shelter?.name ?? "" },
      { key: "region", text: (r) => r.shelter?.region?.name ?? "" },
      { key: "category", text: (r) => label("HazardCategory", r.category) },
      {
        key: "level",
        sort: "LEVEL",
        text: (r) => label("HazardLevel", r.level),
        cell: (r) => badge(t, "HazardLevel", r.level),
      },
      { key: "source", text: (r) => label("HazardSource", r.source) },
      {
        key: "status",
        sort: "STATUS",
        text: (r) => label("HazardStatus", r.status),
        cell: (r) => badge(t, "HazardStatus", r.status),
      },
      { key: "discoveredOn", sort: "DISCOVERED_ON", text: (r) => formatDate(r.discoveredOn) },
      {
        key: "deadline",
        sort: "DEADLINE",
        text: (r) => `${formatDate(r.deadline)} ${overdue(r)}`.trim(),
        cell: (r) =>
          html`${formatDate(r.deadline)}${r.isOverdue ? html`<span class="overdue">${overdue(r)}</span>` : ""}`,
      },
      { key: "responsibleUnit", text: (r) => r.responsibleUnit?.name ?? "" },
    ];
  }
}
