import { RfRectificationProgress } from "./rectification-progress.component.js";

export * from "./rectification-progress.component.js";
export default RfRectificationProgress;

if (!customElements.get("rf-rectification-progress"))
  customElements.define("rf-rectification-progress", RfRectificationProgress);

declare global {
  interface HTMLElementTagNameMap {
    "rf-rectification-progress": RfRectificationProgress;
  }
}
