/** Enum values of the GraphQL contract (SPEC §3) that widgets filter or sort by. */
export const HAZARD_STATUSES = ["REPORTED", "RECTIFYING", "PENDING_ACCEPTANCE", "CLOSED"] as const;
export const HAZARD_LEVELS = ["GENERAL", "MAJOR"] as const;
export const HAZARD_CATEGORIES = [
  "FIRE",
  "STRUCTURE",
  "WATER",
  "ELECTRICAL",
  "VENTILATION",
  "EVACUATION_ROUTE",
  "PROTECTIVE_EQUIPMENT",
  "ILLEGAL_OCCUPANCY",
  "MANAGEMENT",
  "OTHER",
] as const;
export const HAZARD_ORDER_FIELDS = ["DISCOVERED_ON", "DEADLINE", "LEVEL", "STATUS", "CODE"] as const;
export const SHELTER_STATUSES = ["IN_USE", "IDLE", "SUSPENDED", "UNDER_CONSTRUCTION", "DECOMMISSIONED"] as const;
export const SHELTER_ORDER_FIELDS = ["CODE", "NAME", "PARKING_SPACES", "OPEN_HAZARD_COUNT"] as const;
export const TARGET_METRICS = [
  "NEW_PARKING_SPACES",
  "CENSUS_COVERAGE",
  "EARLY_WORK_SURVEY_COVERAGE",
  "HAZARD_CLOSURE_RATE",
] as const;
/** Groupings `rf-rectification-progress` offers (`hazardStats(groupBy: …)`). */
export const STATS_GROUPS = ["CITY", "COUNTY", "LEVEL", "CATEGORY"] as const;
