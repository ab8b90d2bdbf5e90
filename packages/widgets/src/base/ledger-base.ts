import type { DocumentInput } from "@urql/core";
import { html, nothing, type PropertyDeclarations, type PropertyValues } from "lit";
import { hazardChangedSubscription } from "../data/hazard-changed.queries.js";
import { QueryController } from "../data/query-controller.js";
import type { Connection, SortOrder } from "../data/types.js";
import type {} from "../events/rf-filter-change.js";
import type {} from "../events/rf-live-update.js";
import type {} from "../events/rf-page-change.js";
import type {} from "../events/rf-row-activate.js";
import type {} from "../events/rf-sort-change.js";
import { enumLabel, format, type Messages } from "../i18n/index.js";
import { ledgerStyles } from "../styles/ledger.styles.js";
import { parseSort } from "./filters.js";
import { GridNavigationController } from "./grid-navigation.js";
import { exportLedger } from "./ledger-export.js";
import { RfElement } from "./rf-element.js";

/** One column of a ledger. */
export interface LedgerColumn<Row> {
  key: string;
  /** The `orderBy` field when the column is sortable. */
  sort?: string;
  /** Right-aligned tabular number. */
  numeric?: boolean;
  /** The cell as plain text (CSV export, fallback render). */
  text(row: Row): string;
  /** The cell as rendered, when richer than its text. */
  cell?(row: Row): unknown;
}

/** A select filter of the toolbar, bound to a comma-list property of the element. */
export interface LedgerFilter {
  prop: string;
  label: string;
  /** Enum type in the translation table. */
  type: string;
  values: readonly string[];
}

export interface LedgerVariables {
  [key: string]: unknown;
  filter: Record<string, unknown>;
  orderBy: SortOrder[];
  first: number | null;
  after: string | null;
  last: number | null;
  before: string | null;
}

/** Texts a ledger takes from its translation table. */
export interface LedgerTexts {
  title: string;
  columns: Record<string, string>;
  fileName: string;
}

/**
 * The behaviour both ledgers share: cursor paging, sorting, filters and search, column choice,
 * export, ARIA grid with keyboard navigation, row activation and live updates. A ledger element
 * supplies its columns, filters, query and texts.
 */
export abstract class RfLedger<Row extends { id: string; code: string }> extends RfElement {
  static override styles = [...RfElement.styles, ledgerStyles];

  static override properties: PropertyDeclarations = {
    ...RfElement.properties,
    pageSize: { type: Number, attribute: "page-size" },
    sort: {},
    search: {},
    columns: {},
  };

  /** Rows per page (1–100). */
  pageSize = 20;

  /** Sort order `FIELD:ASC` or `FIELD:DESC` (an `orderBy` field of the API). */
  sort = "";

  /** Search text (code, name, shelter). */
  search = "";

  /** Comma-separated column keys to show, in order; empty for the default columns. */
  columns = "";

  /** The message after an export that fell back to the current page. */
  private notice = "";

  protected abstract readonly exportName: string;
  protected abstract readonly sortFields: readonly string[];
  protected abstract readonly defaultColumns: readonly string[];
  protected abstract texts(t: Messages): LedgerTexts;
  protected abstract columnDefs(): LedgerColumn<Row>[];
  protected abstract filterDefs(): LedgerFilter[];
  protected abstract filterVariable(): Record<string, unknown>;
  protected abstract connectionOf(data: unknown): Connection<Row> | undefined;
  protected abstract document(): DocumentInput<unknown, LedgerVariables>;

  /** Extra `part` names of a row (e.g. `overdue`, `major`). */
  protected rowParts(_row: Row): string {
    return "";
  }

  /** Toolbar controls beyond the select filters. */
  protected renderExtraFilters(): unknown {
    return nothing;
  }

  private cursor: { after?: string; before?: string; last?: number } = {};
  private page = 1;
  /** The page whose rows are on screen (the requested one may still be loading). */
  private shownPage = 1;
  private resetKey = "";
  private changed = new Set<string>();
  private searchTimer?: ReturnType<typeof setTimeout>;

  protected readonly data = new QueryController<unknown, LedgerVariables>(this, {
    query: this.document(),
    variables: () => this.variables(),
    live: {
      subscription: hazardChangedSubscription,
      variables: () => ({ regionCode: this.region }),
      onEvent: (d) => this.onLiveEvent(d),
    },
  });

  private readonly grid = new GridNavigationController(this, {
    rows: () => (this.connection?.edges.length ?? 0) + 1,
    columns: () => this.visibleColumns().length,
    activate: (r, c) => (r === 0 ? this.toggleSort(this.visibleColumns()[c]) : this.activateRow(r - 1)),
    page: (delta) => this.turnPage(delta),
  });

  protected get connection(): Connection<Row> | undefined {
    return this.data.data === undefined ? undefined : this.connectionOf(this.data.data);
  }

  private get size(): number {
    const n = Math.floor(Number(this.pageSize));
    return n >= 1 ? Math.min(n, 100) : 20;
  }

  private get pages(): number {
    return Math.max(1, Math.ceil((this.connection?.totalCount ?? 0) / this.size));
  }

  protected orderBy(): SortOrder[] {
    const order = parseSort(this.sort, this.sortFields);
    return order ? [order] : [];
  }

  private variables(): LedgerVariables {
    const c = this.cursor;
    return {
      filter: this.filterVariable(),
      orderBy: this.orderBy(),
      first: c.last ? null : this.size,
      after: c.after ?? null,
      last: c.last ?? null,
      before: c.before ?? null,
    };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const key = JSON.stringify([this.filterVariable(), this.orderBy(), this.size]);
    if (key !== this.resetKey) {
      this.resetKey = key;
      this.cursor = {};
      this.page = 1;
    }
  }

  /** Column definitions shown, in order. */
  protected visibleColumns(): LedgerColumn<Row>[] {
    const all = this.columnDefs();
    const keys = this.columns
      .split(",")
      .map((s) => s.trim())
      .filter((k) => all.some((c) => c.key === k));
    const chosen = keys.length ? keys : this.defaultColumns;
    return chosen.map((k) => all.find((c) => c.key === k)!).filter(Boolean);
  }

  private toggleColumn(key: string, on: boolean): void {
    const keys = this.visibleColumns().map((c) => c.key);
    const next = on
      ? this.columnDefs().filter((c) => c.key === key || keys.includes(c.key))
      : this.visibleColumns().filter((c) => c.key !== key);
    if (next.length) this.columns = next.map((c) => c.key).join(",");
  }

  private toggleSort(column: LedgerColumn<Row> | undefined): void {
    if (!column?.sort) return;
    const current = this.orderBy()[0];
    const direction = current?.field === column.sort && current.direction === "ASC" ? "DESC" : "ASC";
    this.sort = `${column.sort}:${direction}`;
    this.emit("rf-sort-change", { field: column.sort, direction });
  }

  private turnPage(delta: 1 | -1 | "first" | "last"): boolean {
    const conn = this.connection;
    if (!conn) return false;
    const target = delta === "first" ? 1 : delta === "last" ? this.pages : this.page + delta;
    if (target < 1 || target > this.pages || target === this.page) return false;
    if (target === 1) this.cursor = {};
    else if (target === this.pages) this.cursor = { last: conn.totalCount % this.size || this.size };
    else if (delta === 1) this.cursor = { after: conn.pageInfo.endCursor ?? undefined };
    else this.cursor = { last: this.size, before: conn.pageInfo.startCursor ?? undefined };
    this.page = target;
    this.requestUpdate();
    this.emit("rf-page-change", { page: target, pageSize: this.size });
    return true;
  }

  private activateRow(index: number): void {
    const edge = this.connection?.edges[index];
    if (edge) this.emit("rf-row-activate", { id: edge.node.id, code: edge.node.code, row: edge.node });
  }

  private onLiveEvent(data: { hazardChanged?: { hazard?: { id: string; code: string; status: string } } }): void {
    const hazard = data.hazardChanged?.hazard;
    if (!hazard) return;
    this.emit("rf-live-update", hazard);
    this.changed.add(hazard.id);
    setTimeout(() => {
      this.changed.delete(hazard.id);
      this.requestUpdate();
    }, 4000);
  }

  /** Sets a filter property from the toolbar and tells the page. */
  protected setFilter(prop: string, value: unknown): void {
    (this as unknown as Record<string, unknown>)[prop] = value;
    this.emit("rf-filter-change", { filter: this.filterVariable() });
  }

  private onSearchInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.setFilter("search", value.trim()), 300);
  }

  private async export(kind: "xlsx" | "csv"): Promise<void> {
    const conn = this.connection;
    const cols = this.visibleColumns();
    const texts = this.texts(this.t);
    const result = await exportLedger({
      format: kind,
      endpoint: this.endpoint,
      token: this.token,
      path: `/export/${this.exportName}.${kind}`,
      filter: this.filterVariable(),
      orderBy: this.orderBy(),
      lang: this.locale,
      columns: cols.map((c) => c.key),
      fileName: texts.fileName,
      header: cols.map((c) => texts.columns[c.key]),
      rows: (conn?.edges ?? []).map((e) => cols.map((c) => c.text(e.node))),
    });
    this.notice = result.source === "page" ? this.t.ledger.exportPageNote : "";
    this.requestUpdate();
    this.emit("rf-export", result);
  }

  override render() {
    if (this.data.status !== "pending") this.shownPage = this.page;
    const t = this.t;
    const texts = this.texts(t);
    return html`<div part="base" aria-busy=${this.data.status === "pending" ? "true" : "false"}>
      <div class="head">
        <h2 part="title" id="title">${texts.title}</h2>
        <div class="actions">
          ${this.renderColumnChooser(texts)}
          <button part="export-button" class="primary" @click=${() => this.export("xlsx")}>${t.ledger.exportXlsx}</button>
          <button part="export-button" @click=${() => this.export("csv")}>${t.ledger.exportCsv}</button>
        </div>
      </div>
      ${this.renderToolbar(t)} ${this.renderGrid(texts)} ${this.renderFooter(t)}
      <div class="notice" role="status">${this.notice}</div>
    </div>`;
  }

  private renderToolbar(t: Messages) {
    return html`<div part="toolbar" class="toolbar">
      <label class="search"
        ><span class="sr-only">${t.ledger.search}</span
        ><input
          part="search"
          type="search"
          .value=${this.search}
          placeholder=${t.ledger.searchPlaceholder}
          @input=${this.onSearchInput}
          @keydown=${(e: KeyboardEvent) => e.key === "Enter" && this.setFilter("search", (e.target as HTMLInputElement).value.trim())}
      /></label>
      ${this.filterDefs().map((f) => {
        const current = String((this as unknown as Record<string, unknown>)[f.prop] ?? "");
        return html`<label class="filter"
          ><span>${f.label}</span
          ><select part="filter" @change=${(e: Event) => this.setFilter(f.prop, (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!current}>${t.ledger.allOption}</option>
            ${f.values.map((v) => html`<option value=${v} ?selected=${current === v}>${enumLabel(t, f.type, v)}</option>`)}
          </select></label
        >`;
      })}
      ${this.renderExtraFilters()}
    </div>`;
  }

  private renderColumnChooser(texts: LedgerTexts) {
    const shown = this.visibleColumns().map((c) => c.key);
    return html`<details part="column-chooser" class="chooser">
      <summary>${this.t.ledger.columns}</summary>
      <div class="menu">
        ${this.columnDefs().map(
          (c) =>
            html`<label
              ><input
                type="checkbox"
                .checked=${shown.includes(c.key)}
                @change=${(e: Event) => this.toggleColumn(c.key, (e.target as HTMLInputElement).checked)}
              />${texts.columns[c.key]}</label
            >`,
        )}
      </div>
    </details>`;
  }

  private renderGrid(texts: LedgerTexts) {
    const conn = this.connection;
    const cols = this.visibleColumns();
    const order = this.orderBy()[0];
    const offset = (this.shownPage - 1) * this.size;
    const edges = (this.data.status !== "error" && conn?.edges) || [];
    return html`<div class="scroll" part="scroll">
        <table
          part="table"
          role="grid"
          aria-labelledby="title"
          aria-rowcount=${(conn?.totalCount ?? 0) + 1}
          aria-colcount=${cols.length}
          @keydown=${this.grid.onKeyDown}
          @focusin=${this.grid.onFocusIn}
        >
          <thead>
            <tr role="row" aria-rowindex="1">
              ${cols.map((c, i) => {
                const sorted = c.sort && order?.field === c.sort ? order.direction : undefined;
                return html`<th
                  role="columnheader"
                  part="header-cell"
                  class=${[c.numeric ? "n" : "", c.sort ? "sortable" : ""].join(" ")}
                  aria-colindex=${i + 1}
                  aria-sort=${sorted === "ASC" ? "ascending" : sorted === "DESC" ? "descending" : nothing}
                  tabindex=${this.grid.tabIndex(0, i)}
                  data-r="0"
                  data-c=${i}
                  @click=${() => this.toggleSort(c)}
                >
                  ${texts.columns[c.key]}${c.sort ? html`<span class="arrow ${sorted ?? ""}" aria-hidden="true"></span>` : nothing}
                </th>`;
              })}
            </tr>
          </thead>
          <tbody>
            ${edges.map(
              (e, r) =>
                html`<tr
                  role="row"
                  part="row ${this.rowParts(e.node)} ${this.changed.has(e.node.id) ? "changed" : ""}"
                  aria-rowindex=${offset + r + 2}
                  @click=${() => this.activateRow(r)}
                >
                  ${cols.map(
                    (c, i) =>
                      html`<td
                        role="gridcell"
                        part="cell"
                        class=${c.numeric ? "n" : ""}
                        aria-colindex=${i + 1}
                        tabindex=${this.grid.tabIndex(r + 1, i)}
                        data-r=${r + 1}
                        data-c=${i}
                      >
                        ${c.cell ? c.cell(e.node) : c.text(e.node)}
                      </td>`,
                  )}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        edges.length
          ? nothing
          : this.renderData(
              this.data,
              () => true,
              () => nothing,
            )
      }`;
  }

  private renderFooter(t: Messages) {
    const conn = this.connection;
    if (!conn?.totalCount || this.data.status === "error") return nothing;
    const total = conn.totalCount;
    const status = format(t.ledger.pageStatus, { page: this.shownPage, pages: this.pages, total });
    return html`<div part="footer" class="footer">
      <span class="sub num" aria-live="polite">${status}</span>
      <nav part="pager" aria-label=${status}>
        <button ?disabled=${this.page <= 1} @click=${() => this.turnPage("first")}>${t.ledger.first}</button>
        <button ?disabled=${this.page <= 1} @click=${() => this.turnPage(-1)}>${t.ledger.previous}</button>
        <button ?disabled=${this.page >= this.pages} @click=${() => this.turnPage(1)}>${t.ledger.next}</button>
        <button ?disabled=${this.page >= this.pages} @click=${() => this.turnPage("last")}>${t.ledger.last}</button>
      </nav>
    </div>`;
  }
}
