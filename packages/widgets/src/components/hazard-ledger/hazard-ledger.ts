import { RfHazardLedger } from "./hazard-ledger.component.js";

export * from "./hazard-ledger.component.js";
export default RfHazardLedger;

if (!customElements.get("rf-hazard-ledger")) customElements.define("rf-hazard-ledger", RfHazardLedger);

declare global {
  interface HTMLElementTagNameMap {
    "rf-hazard-ledger": RfHazardLedger;
  }
}
