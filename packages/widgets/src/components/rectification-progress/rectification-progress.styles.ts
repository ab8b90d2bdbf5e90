import { css } from "lit";

/** What is particular to the closure-rate widget (bars and rings are in meter.styles.ts). */
export const styles = css`
  :host {
    --_bar-height: var(--rf-rectification-progress-bar-height, 10px);
    --_ring-size: var(--rf-rectification-progress-ring-size, 140px);
  }
  .main {
    display: flex;
    align-items: center;
    gap: 24px;
    margin-bottom: 12px;
  }
  .grow {
    flex: 1;
    min-width: 0;
  }
  .overdue,
  .figure.overdue dd {
    color: var(--_overdue);
  }
`;
