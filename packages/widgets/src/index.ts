/**
 * @renfang/widgets — importing this module registers all eight `rf-*` elements.
 * Import one component (`@renfang/widgets/components/hazard-ledger/hazard-ledger.js`) to
 * register only that one.
 */
export { RfCampaignTimeline } from "./components/campaign-timeline/campaign-timeline.js";
export { RfDutyRoster } from "./components/duty-roster/duty-roster.js";
export { RfHazardLedger } from "./components/hazard-ledger/hazard-ledger.js";
export { RfRectificationProgress } from "./components/rectification-progress/rectification-progress.js";
export { RfReportStatus } from "./components/report-status/report-status.js";
export { RfShelterFinder } from "./components/shelter-finder/shelter-finder.js";
export { RfShelterLedger } from "./components/shelter-ledger/shelter-ledger.js";
export { RfTargetProgress } from "./components/target-progress/target-progress.js";
export type { RfErrorEvent } from "./events/rf-error.js";
export type { RfExportEvent } from "./events/rf-export.js";
export type { RfFilterChangeEvent } from "./events/rf-filter-change.js";
export type { RfLiveUpdateEvent } from "./events/rf-live-update.js";
export type { RfLoadEvent } from "./events/rf-load.js";
export type { RfLocateEvent } from "./events/rf-locate.js";
export type { RfPageChangeEvent } from "./events/rf-page-change.js";
export type { RfRowActivateEvent } from "./events/rf-row-activate.js";
export type { RfSortChangeEvent } from "./events/rf-sort-change.js";
export type { Lang, Messages } from "./i18n/index.js";
