import { css } from "lit";

/** What is particular to the target progress widget (bars and rings are in meter.styles.ts). */
export const styles = css`
  :host {
    --_bar-height: var(--rf-target-progress-bar-height, 14px);
    --_ring-size: var(--rf-target-progress-ring-size, 150px);
  }
  .main {
    display: flex;
    align-items: center;
    gap: 24px;
  }
  .grow {
    flex: 1;
    min-width: 0;
  }
  .ring-layout .figures {
    display: grid;
    grid-template-columns: repeat(2, max-content);
  }
`;
