import { css } from "lit";

/** Layout of the duty roster. */
export const styles = css`
  h3 {
    margin: 12px 0 6px;
    font-size: 1em;
    color: #34495e;
  }
  .now {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15em, 1fr));
    gap: 8px;
  }
  .shift {
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_primary);
    border-radius: var(--_radius);
    background: #f8fbff;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .leader {
    color: var(--_primary);
    font-weight: 600;
  }
  .week {
    width: 100%;
    border-collapse: collapse;
  }
  .week th,
  .week td {
    padding: 6px 8px;
    border-bottom: 1px solid var(--_border);
    text-align: left;
    vertical-align: top;
    font-weight: normal;
  }
  .week thead th {
    background: var(--_header);
    font-weight: 600;
  }
  .week tbody th {
    white-space: nowrap;
  }
  tr[part~="today"] {
    background: var(--rf-duty-roster-today-background, var(--_primary-soft));
  }
  tr[part~="today"] th {
    color: var(--_primary);
    font-weight: 600;
  }
`;
