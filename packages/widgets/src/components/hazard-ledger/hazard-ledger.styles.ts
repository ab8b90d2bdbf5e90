import { css } from "lit";

/** What is particular to the hazard ledger (the shared ledger layout is in ledger.styles.ts). */
export const styles = css`
  :host {
    --_row-height: var(--rf-hazard-ledger-row-height, 40px);
    --_max-height: var(--rf-hazard-ledger-max-height, none);
  }
  .check {
    cursor: pointer;
  }
  [part~="badge"].b-solid-bad {
    font-weight: 600;
  }
`;
