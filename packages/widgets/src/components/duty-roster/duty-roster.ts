import { RfDutyRoster } from "./duty-roster.component.js";

export * from "./duty-roster.component.js";
export default RfDutyRoster;

if (!customElements.get("rf-duty-roster")) customElements.define("rf-duty-roster", RfDutyRoster);

declare global {
  interface HTMLElementTagNameMap {
    "rf-duty-roster": RfDutyRoster;
  }
}
