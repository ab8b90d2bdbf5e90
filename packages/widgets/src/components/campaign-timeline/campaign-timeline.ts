import { RfCampaignTimeline } from "./campaign-timeline.component.js";

export * from "./campaign-timeline.component.js";
export default RfCampaignTimeline;

if (!customElements.get("rf-campaign-timeline")) customElements.define("rf-campaign-timeline", RfCampaignTimeline);

declare global {
  interface HTMLElementTagNameMap {
    "rf-campaign-timeline": RfCampaignTimeline;
  }
}
