import { css } from "lit";

/**
 * Theme tokens and the pieces every widget shares: card frame, title, states, badges, buttons.
 * Pages theme widgets with the `--rf-*` custom properties below and `::part()`.
 */
export const sharedStyles = css`
  :host {
    --_primary: var(--rf-color-primary, #1a5dab);
    --_primary-soft: var(--rf-color-primary-soft, #e8f0fa);
    --_accent: var(--rf-color-accent, #c8161d);
    --_major: var(--rf-color-major, #c8161d);
    --_overdue: var(--rf-color-overdue, #d4380d);
    --_ok: var(--rf-color-ok, #1f8a4c);
    --_warn: var(--rf-color-warning, #c77800);
    --_text: var(--rf-color-text, #1f2d3d);
    --_muted: var(--rf-color-muted, #66768a);
    --_border: var(--rf-color-border, #dfe5ee);
    --_surface: var(--rf-color-surface, #fff);
    --_header: var(--rf-color-header, #f2f6fb);
    --_radius: var(--rf-radius, 4px);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--rf-font-family, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif);
    font-size: var(--rf-font-size, 14px);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [part~="base"] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-top: 3px solid var(--_primary);
    border-radius: var(--_radius);
    padding: 12px 16px 16px;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
    margin-bottom: 12px;
  }
  [part~="title"] {
    margin: 0;
    padding-left: 10px;
    border-left: 4px solid var(--_accent);
    font-size: 1.1em;
    font-weight: 600;
    line-height: 1.3;
  }
  .sub {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .num,
  [part~="value"] {
    font-variant-numeric: tabular-nums;
  }
  [part~="state"] {
    padding: 32px 16px;
    text-align: center;
    color: var(--_muted);
  }
  [part~="state"].error {
    color: var(--_accent);
  }
  .detail {
    display: block;
    margin: 4px 0 8px;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .loading::before {
    content: "";
    display: inline-block;
    width: 14px;
    height: 14px;
    margin-right: 8px;
    vertical-align: -2px;
    border: 2px solid var(--_primary-soft);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: rf-spin 0.8s linear infinite;
  }
  @keyframes rf-spin {
    to {
      transform: rotate(360deg);
    }
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    padding: 4px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  button:hover:not(:disabled) {
    border-color: var(--_primary);
    color: var(--_primary);
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: #fff;
  }
  button.primary:hover:not(:disabled) {
    color: #fff;
    filter: brightness(1.1);
  }
  :focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 1px;
  }
  [part~="badge"] {
    display: inline-block;
    padding: 0 8px;
    border-radius: 10px;
    font-size: 0.85em;
    line-height: 20px;
    white-space: nowrap;
    background: #eef1f5;
    color: #4a5868;
  }
  .b-warn {
    background: #fff4e0;
    color: #9a5b00;
  }
  .b-info {
    background: var(--_primary-soft);
    color: var(--_primary);
  }
  .b-ok {
    background: #e6f5ec;
    color: var(--_ok);
  }
  .b-bad {
    background: #fdecec;
    color: var(--_major);
  }
  .b-solid-bad {
    background: var(--_major);
    color: #fff;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
