import { css } from "lit";

/** Bars and rings of the progress widgets. */
export const meterStyles = css`
  .bar {
    position: relative;
    height: var(--_bar-height, 12px);
    background: #e9eef5;
    border-radius: 999px;
  }
  .bar .fill {
    width: 0;
    height: 100%;
    border-radius: inherit;
    background: linear-gradient(90deg, var(--_primary), #3d85d8);
    transition: width 0.6s ease;
  }
  .bar.behind .fill {
    background: linear-gradient(90deg, var(--_warn), #e8a33d);
  }
  .bar .marker {
    position: absolute;
    top: -4px;
    bottom: -4px;
    width: 2px;
    margin-left: -1px;
    background: var(--_accent);
  }
  .ring {
    position: relative;
    width: var(--_ring-size, 140px);
    height: var(--_ring-size, 140px);
    flex: none;
  }
  .ring svg {
    width: 100%;
    height: 100%;
  }
  .ring circle {
    fill: none;
    stroke-width: 10;
  }
  .ring .track {
    stroke: #e9eef5;
  }
  .ring .fill {
    stroke: var(--_primary);
    stroke-linecap: round;
    transition: stroke-dasharray 0.6s ease;
  }
  .ring.behind .fill {
    stroke: var(--_warn);
  }
  .ring .marker {
    stroke: var(--_accent);
    stroke-width: 3;
  }
  .centre {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    text-align: center;
    line-height: 1.2;
  }
  .big {
    font-size: 1.6em;
    font-weight: 700;
    color: var(--_primary);
    font-variant-numeric: tabular-nums;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 24px;
    margin: 8px 0 12px;
  }
  .figure dt {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .figure dd {
    margin: 0;
    font-size: 1.25em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .rows {
    display: grid;
    grid-template-columns: minmax(5em, max-content) 1fr max-content;
    align-items: center;
    gap: 8px 12px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .rows li {
    display: contents;
  }
  .rows .bar {
    --_bar-height: 8px;
  }
  .rows .v {
    text-align: right;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
    font-size: 0.9em;
  }
  h3 {
    margin: 16px 0 8px;
    font-size: 1em;
    font-weight: 600;
    color: #34495e;
  }
`;
