import { RfTargetProgress } from "./target-progress.component.js";

export * from "./target-progress.component.js";
export default RfTargetProgress;

if (!customElements.get("rf-target-progress")) customElements.define("rf-target-progress", RfTargetProgress);

declare global {
  interface HTMLElementTagNameMap {
    "rf-target-progress": RfTargetProgress;
  }
}
