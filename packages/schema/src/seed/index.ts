// The demo dataset (SPEC §7) and the real Jiangxi regions it is built on.
export { formatSummary, type SeedOptions, type SeedSummary, seedDemo } from "./demo.ts";
export { jiangxiRegions, PROVINCE_CODE, type RegionRow } from "./regions.ts";
