import type { ReactiveController, ReactiveControllerHost } from "lit";

export interface GridHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface GridNavigationOptions {
  /** Number of rows including the header row. */
  rows: () => number;
  /** Number of columns. */
  columns: () => number;
  /** Enter / Space on a cell (row 0 is the header row). */
  activate: (row: number, column: number) => void;
  /** PageDown (+1) / PageUp (−1): move the grid by one page; false when there is none. */
  page: (delta: 1 | -1) => boolean;
}

/**
 * Keyboard navigation of an ARIA grid with a roving tabindex (WAI-ARIA APG data grid): arrows
 * move between cells, Home / End to the row's ends, Ctrl+Home / Ctrl+End to the grid's corners,
 * PageUp / PageDown turn the page, Enter / Space activate. Cells carry `data-r` / `data-c`.
 */
export class GridNavigationController implements ReactiveController {
  row = 0;
  column = 0;

  constructor(
    private readonly host: GridHost,
    private readonly options: GridNavigationOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.row = Math.max(0, Math.min(this.row, this.options.rows() - 1));
    this.column = Math.max(0, Math.min(this.column, this.options.columns() - 1));
  }

  /** The tabindex of a cell: 0 for the one active cell, −1 for the rest. */
  tabIndex(row: number, column: number): number {
    return row === this.row && column === this.column ? 0 : -1;
  }

  /** Makes the clicked or focused cell the active one. */
  readonly onFocusIn = (event: FocusEvent): void => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>("[data-r]");
    if (cell) {
      this.row = Number(cell.dataset.r);
      this.column = Number(cell.dataset.c);
      this.host.requestUpdate();
    }
  };

  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (!(event.target as HTMLElement).matches("[data-r]")) return;
    const { rows, columns, activate, page } = this.options;
    const lastRow = rows() - 1;
    const lastColumn = columns() - 1;
    let { row, column } = this;
    switch (event.key) {
      case "ArrowRight":
        column = Math.min(lastColumn, column + 1);
        break;
      case "ArrowLeft":
        column = Math.max(0, column - 1);
        break;
      case "ArrowDown":
        row = Math.min(lastRow, row + 1);
        break;
      case "ArrowUp":
        row = Math.max(0, row - 1);
        break;
      case "Home":
        column = 0;
        if (event.ctrlKey) row = 0;
        break;
      case "End":
        column = lastColumn;
        if (event.ctrlKey) row = lastRow;
        break;
      case "PageDown":
      case "PageUp":
        if (!page(event.key === "PageDown" ? 1 : -1)) return;
        break;
      case "Enter":
      case " ":
        activate(row, column);
        break;
      default:
        return;
    }
    event.preventDefault();
    this.focus(row, column);
  };

  /** Moves the active cell and focuses it once rendered. */
  async focus(row: number, column: number): Promise<void> {
    this.row = row;
    this.column = column;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(`[data-r="${this.row}"][data-c="${this.column}"]`)?.focus();
  }
}
