import { RfReportStatus } from "./report-status.component.js";

export * from "./report-status.component.js";
export default RfReportStatus;

if (!customElements.get("rf-report-status")) customElements.define("rf-report-status", RfReportStatus);

declare global {
  interface HTMLElementTagNameMap {
    "rf-report-status": RfReportStatus;
  }
}
