import { html, type PropertyDeclarations } from "lit";
import { badge } from "../../base/badges.js";
import { enumList } from "../../base/filters.js";
import { type LedgerColumn, type LedgerFilter, RfLedger } from "../../base/ledger-base.js";
import { SHELTER_ORDER_FIELDS, SHELTER_STATUSES } from "../../data/enums.js";
import { formatInteger } from "../../format/number.js";
import { enumLabel, type Messages } from "../../i18n/index.js";
import { type ShelterRow, type SheltersData, sheltersQuery } from "./shelter-ledger.queries.js";
import { styles } from "./shelter-ledger.styles.js";

/**
 * The registry of civil air defense works (人防工程台账) with their status, peacetime use,
 * parking spaces and open-hazard counts.
 *
 * @summary Shelter ledger (人防工程台账) with server-side paging, sorting, filters and export.
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
 * @csspart row - Each data row; also `suspended` and `open-hazards` on rows that are.
 * @csspart cell - Each data cell.
 * @csspart badge - Status badges (plus the status in lower case, e.g. `suspended`).
 * @csspart footer - The paging bar.
 * @csspart pager - The paging buttons.
 * @csspart state - Loading / empty / error message (plus `loading`, `empty` or `error`).
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty --rf-shelter-ledger-row-height - Height of a row. Default 40px.
 * @cssproperty --rf-shelter-ledger-max-height - Height after which the grid scrolls. Default none.
 * @cssproperty --rf-color-primary - Government blue of headings, buttons and focus.
 * @cssproperty --rf-color-major - Colour of open-hazard counts and suspended works.
 */
export class RfShelterLedger extends RfLedger<ShelterRow> {
  static override styles = [...RfLedger.styles, styles];

  static override properties: PropertyDeclarations = {
    ...RfLedger.properties,
    status: {},
  };

  /** Status filter, comma-separated `ShelterStatus` values (e.g. `IN_USE,SUSPENDED`). */
  status = "";

  override sort = "CODE:ASC";

  protected readonly exportName = "shelters";
  protected readonly sortFields = SHELTER_ORDER_FIELDS;
  protected readonly defaultColumns = [
    "code",
    "name",
    "region",
    "status",
    "peacetimeUse",
    "parkingSpaces",
    "openHazardCount",
  ];

  protected document() {
    return sheltersQuery;
  }

  protected texts(t: Messages) {
    return t.shelterLedger;
  }

  protected connectionOf(data: unknown) {
    return (data as SheltersData).shelters;
  }

  protected filterVariable(): Record<string, unknown> {
    return {
      regionCode: this.region || undefined,
      status: enumList(this.status, SHELTER_STATUSES, "status"),
      search: this.search || undefined,
    };
  }

  protected filterDefs(): LedgerFilter[] {
    return [{ prop: "status", label: this.t.shelterLedger.status, type: "ShelterStatus", values: SHELTER_STATUSES }];
  }

  protected override rowParts(row: ShelterRow): string {
    return `${row.status === "SUSPENDED" ? "suspended" : ""} ${row.openHazardCount > 0 ? "open-hazards" : ""}`;
  }

  protected columnDefs(): LedgerColumn<ShelterRow>[] {
    const t = this.t;
    const count = (n: number | null) => formatInteger(n, this.locale);
    return [
      { key: "code", sort: "CODE", text: (r) => r.code },
      { key: "name", sort: "NAME", text: (r) => r.name },
      { key: "region", text: (r) => r.region?.name ?? "" },
      {
        key: "status",
        text: (r) => enumLabel(t, "ShelterStatus", r.status),
        cell: (r) => badge(t, "ShelterStatus", r.status),
      },
      { key: "peacetimeUse", text: (r) => enumLabel(t, "PeacetimeUse", r.peacetimeUse) },
      { key: "parkingSpaces", sort: "PARKING_SPACES", numeric: true, text: (r) => count(r.parkingSpaces) },
      {
        key: "openHazardCount",
        sort: "OPEN_HAZARD_COUNT",
        numeric: true,
        text: (r) => count(r.openHazardCount),
        cell: (r) => html`<span class=${r.openHazardCount > 0 ? "open" : ""}>${count(r.openHazardCount)}</span>`,
      },
    ];
  }
}
