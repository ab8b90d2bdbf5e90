import { css } from "lit";

/** What is particular to the shelter ledger (the shared ledger layout is in ledger.styles.ts). */
export const styles = css`
  :host {
    --_row-height: var(--rf-shelter-ledger-row-height, 40px);
    --_max-height: var(--rf-shelter-ledger-max-height, none);
  }
  .open {
    color: var(--_major);
    font-weight: 600;
  }
  tr[part~="suspended"] td:first-child {
    box-shadow: inset 3px 0 0 var(--_major);
  }
`;
