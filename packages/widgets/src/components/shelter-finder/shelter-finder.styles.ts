import { css } from "lit";

/** Layout of the shelter finder: phone first (one column), the form wrapping on wider screens. */
export const styles = css`
  .form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 8px 12px;
    margin-bottom: 8px;
  }
  .form label {
    display: flex;
    flex-direction: column;
    flex: 1 1 8em;
    gap: 2px;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .form input,
  .form select {
    min-height: 40px;
    padding: 6px 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
  }
  .locate,
  .find {
    min-height: 40px;
    padding: 6px 14px;
    border-radius: var(--_radius);
    font: inherit;
    cursor: pointer;
  }
  .locate {
    flex: 1 1 100%;
    font-weight: 600;
  }
  .find {
    border: 1px solid var(--_primary);
    background: var(--_surface);
    color: var(--_primary);
  }
  .locate:focus-visible,
  .find:focus-visible,
  .directions:focus-visible,
  .form input:focus-visible,
  .form select:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .message {
    margin: 8px 0;
    color: var(--_muted);
  }
  .message[role="alert"] {
    color: var(--_major);
  }
  .summary {
    margin: 8px 0;
    font-weight: 600;
  }
  .map {
    display: block;
    width: 100%;
    height: auto;
    margin-bottom: 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--rf-shelter-finder-map-background, #eef1f4);
  }
  .marker circle {
    fill: var(--rf-shelter-finder-marker-color, var(--_primary));
    stroke: #fff;
    stroke-width: 2;
  }
  .marker text {
    fill: #fff;
    font-size: 14px;
    font-weight: 700;
    text-anchor: middle;
  }
  .origin circle {
    fill: var(--rf-shelter-finder-origin-color, var(--_accent));
    fill-opacity: 0.25;
    stroke: var(--rf-shelter-finder-origin-color, var(--_accent));
    stroke-width: 2;
  }
  .origin .dot {
    fill-opacity: 1;
  }
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: center;
    gap: 4px 10px;
    padding: 10px 0;
    border-bottom: 1px solid var(--_border);
  }
  .index {
    display: inline-grid;
    place-items: center;
    width: 26px;
    height: 26px;
    border-radius: 50%;
    background: var(--rf-shelter-finder-marker-color, var(--_primary));
    color: #fff;
    font-weight: 700;
    font-size: 0.9em;
  }
  .name {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
    margin-top: 2px;
  }
  .distance {
    color: var(--_primary);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .directions {
    display: inline-grid;
    place-items: center;
    min-width: 44px;
    min-height: 44px;
    padding: 0 10px;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    color: var(--_primary);
    text-decoration: none;
    white-space: nowrap;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (min-width: 640px) {
    .locate {
      flex: 0 0 auto;
    }
  }
  /* Wide screens: the map beside the list, staying in view while the list scrolls. */
  @media (min-width: 900px) {
    .with-map {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
      gap: 16px;
    }
    .with-map .map {
      position: sticky;
      top: 8px;
    }
  }
`;
