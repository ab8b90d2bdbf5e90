import { css } from "lit";

/** Layout of the ledgers (toolbar, grid, pager); both ledgers share it. */
export const ledgerStyles = css`
  .actions,
  .toolbar,
  .footer,
  nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .toolbar {
    margin-bottom: 10px;
    padding: 8px;
    background: var(--_header);
    border-radius: var(--_radius);
  }
  .toolbar label {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    color: var(--_muted);
  }
  input[type="search"],
  select {
    height: 30px;
    padding: 0 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input[type="search"] {
    width: 14em;
  }
  .chooser {
    position: relative;
  }
  .chooser summary {
    cursor: pointer;
    padding: 4px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    list-style: none;
  }
  .chooser summary::after {
    content: " ▾";
  }
  .menu {
    position: absolute;
    right: 0;
    z-index: 2;
    display: grid;
    gap: 4px;
    min-width: 10em;
    padding: 8px 12px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.12);
    white-space: nowrap;
  }
  .scroll {
    overflow: auto;
    max-height: var(--_max-height, none);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0 10px;
    height: var(--_row-height, 40px);
    border-bottom: 1px solid var(--_border);
    text-align: left;
    white-space: nowrap;
  }
  td:nth-child(2) {
    white-space: normal;
    min-width: 12em;
  }
  th {
    position: sticky;
    top: 0;
    background: var(--_header);
    color: #34495e;
    font-weight: 600;
    user-select: none;
  }
  th.sortable {
    cursor: pointer;
  }
  .n {
    text-align: right;
  }
  .arrow::after {
    content: "⇅";
    margin-left: 4px;
    color: #b3bfcc;
  }
  .arrow.ASC::after {
    content: "↑";
    color: var(--_primary);
  }
  .arrow.DESC::after {
    content: "↓";
    color: var(--_primary);
  }
  tbody tr {
    cursor: pointer;
  }
  tbody tr:nth-child(even) {
    background: #fafbfd;
  }
  tbody tr:hover {
    background: var(--_primary-soft);
  }
  tr[part~="major"] td:first-child {
    box-shadow: inset 3px 0 0 var(--_major);
  }
  tr[part~="overdue"] {
    background: #fff6f4;
  }
  tr[part~="changed"] {
    animation: rf-flash 2s ease-out;
  }
  @keyframes rf-flash {
    from {
      background: #fff3c4;
    }
  }
  td:focus-visible,
  th:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: -2px;
  }
  [aria-busy="true"] tbody {
    opacity: 0.55;
  }
  .overdue {
    margin-left: 6px;
    color: var(--_overdue);
    font-size: 0.85em;
    font-weight: 600;
  }
  .footer {
    justify-content: space-between;
    margin-top: 10px;
  }
  .notice:not(:empty) {
    margin-top: 8px;
    color: var(--_warn);
    font-size: 0.9em;
  }
`;
