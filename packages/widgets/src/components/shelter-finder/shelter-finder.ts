import { RfShelterFinder } from "./shelter-finder.component.js";

export * from "./shelter-finder.component.js";
export default RfShelterFinder;

if (!customElements.get("rf-shelter-finder")) customElements.define("rf-shelter-finder", RfShelterFinder);

declare global {
  interface HTMLElementTagNameMap {
    "rf-shelter-finder": RfShelterFinder;
  }
}
