import { RfShelterLedger } from "./shelter-ledger.component.js";

export * from "./shelter-ledger.component.js";
export default RfShelterLedger;

if (!customElements.get("rf-shelter-ledger")) customElements.define("rf-shelter-ledger", RfShelterLedger);

declare global {
  interface HTMLElementTagNameMap {
    "rf-shelter-ledger": RfShelterLedger;
  }
}
