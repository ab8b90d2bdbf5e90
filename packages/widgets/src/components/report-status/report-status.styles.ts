import { css } from "lit";

/** Layout of the report status table. */
export const styles = css`
  .summary {
    margin: 0 0 8px;
    color: var(--_muted);
  }
  .scroll {
    overflow: auto;
    max-height: var(--rf-report-status-max-height, 360px);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: 6px 8px;
    border-bottom: 1px solid var(--_border);
    text-align: center;
    white-space: nowrap;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--_header);
    font-weight: 600;
    vertical-align: bottom;
  }
  .dl {
    display: block;
    max-width: 10em;
    overflow: hidden;
    text-overflow: ellipsis;
    color: var(--_muted);
    font-size: 0.8em;
    font-weight: normal;
  }
  tbody th {
    text-align: left;
    font-weight: normal;
  }
`;
