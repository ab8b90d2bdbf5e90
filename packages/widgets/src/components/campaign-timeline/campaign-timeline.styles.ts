import { css } from "lit";

/** Layout of the campaign timeline. */
export const styles = css`
  .track {
    position: relative;
    height: var(--rf-campaign-timeline-track-height, 28px);
    margin: 8px 0 28px;
    background: #eef2f7;
    border-radius: var(--_radius);
  }
  .segment {
    position: absolute;
    top: 0;
    bottom: 0;
    overflow: hidden;
    padding: 0 6px;
    border-right: 2px solid var(--_surface);
    color: #fff;
    font-size: 0.85em;
    line-height: var(--rf-campaign-timeline-track-height, 28px);
    white-space: nowrap;
    text-overflow: ellipsis;
    background: var(--_primary);
    opacity: 0.55;
  }
  .s1 {
    background: #2f7bc9;
  }
  .s2 {
    background: #0f4c8a;
  }
  .s3 {
    background: #4a90d9;
  }
  .segment[part~="current"] {
    opacity: 1;
  }
  .today {
    position: absolute;
    top: -4px;
    bottom: -4px;
    width: 2px;
    background: var(--_accent);
  }
  .today span {
    position: absolute;
    top: 100%;
    left: -2em;
    width: 4em;
    text-align: center;
    color: var(--_accent);
    font-size: 0.8em;
    font-weight: 600;
  }
  .cols {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16em, 1fr));
    gap: 16px;
  }
  .phases {
    margin: 0;
    padding-left: 1.4em;
  }
  .phases li {
    margin-bottom: 8px;
  }
  .phases li > span {
    display: block;
  }
  [part~="phase"][part~="current"] strong {
    color: var(--_primary);
  }
  .phases .desc {
    display: -webkit-box;
    overflow: hidden;
    -webkit-line-clamp: var(--rf-campaign-timeline-description-lines, 2);
    -webkit-box-orient: vertical;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .next-deadline {
    display: grid;
    gap: 2px;
    padding: 10px 12px;
    border-left: 4px solid var(--_accent);
    background: #fdf3f3;
    border-radius: var(--_radius);
  }
  h3 {
    margin: 12px 0 4px;
    font-size: 1em;
  }
  .deadlines {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .deadlines li {
    padding: 2px 0;
  }
  .deadlines .past {
    color: var(--_muted);
    text-decoration: line-through;
  }
  .deadlines .next {
    color: var(--_accent);
    font-weight: 600;
  }
`;
