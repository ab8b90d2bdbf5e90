// The one scoping mechanism (SPEC §4). Every list, node lookup, statistic and write asks here
// which rows a viewer may see or change; no resolver decides that on its own.
// Rows carry their region denormalised (county / city / province code), so "a region and
// everything below it" is one equality on an indexed column.
import type { GraphQLObjectType } from "graphql";
import type { Condition } from "./conditions.ts";
import type { Viewer } from "./context.ts";
import { ForbiddenError } from "./errors.ts";

export type RegionLevel = "PROVINCE" | "CITY" | "COUNTY";

/** GB/T 2260: a province code ends in 0000, a city code in 00, anything else is county level. */
export function regionLevel(code: string): RegionLevel {
  if (code.endsWith("0000")) return "PROVINCE";
  if (code.endsWith("00")) return "CITY";
  return "COUNTY";
}

export function cityOf(code: string): string | null {
  return regionLevel(code) === "PROVINCE" ? null : `${code.slice(0, 4)}00`;
}

export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/** Is `code` the region `scope` or below it? */
export function within(code: string, scope: string): boolean {
  const level = regionLevel(scope);
  if (level === "PROVINCE") return provinceOf(code) === scope;
  if (level === "CITY") return cityOf(code) === scope;
  return code === scope;
}

/** The models that carry a region, and the column that holds their own (most local) region. */
const ownRegionColumn = {
  Shelter: "regionCode",
  Hazard: "countyCode",
  Patrol: "countyCode",
  Organization: "regionCode",
  DutyShift: "regionCode",
  IncidentReport: "regionCode",
  Measure: "regionCode",
  Drill: "regionCode",
  StageReport: null,
  // Rows found through another column or relation (see regionWhere).
  ResponsibilityLetter: null,
  Target: "regionCode",
  Campaign: "regionCode",
} as const;

export type ScopedModel = keyof typeof ownRegionColumn;
type Where = Record<string, unknown>;

/** Rows of `model` in region `code` and everything below it. */
export function regionWhere(model: ScopedModel, code: string): Where {
  // Targets and campaigns carry one region code and no city/province columns.
  if (model === "Target" || model === "Campaign") return regionCodeWhere(code);
  // A responsibility letter belongs to the region of the organization that signs it.
  if (model === "ResponsibilityLetter") return { organization: regionWhere("Organization", code) };
  const level = regionLevel(code);
  if (level === "PROVINCE") return { provinceCode: code };
  if (level === "CITY") return { cityCode: code };
  const column = ownRegionColumn[model];
  return column ? { [column]: code } : { organization: { regionCode: code } };
}

/** `regionCode` of region `code` or below: GB/T 2260 codes nest, so a subtree is a code prefix. */
function regionCodeWhere(code: string): Where {
  const level = regionLevel(code);
  if (level === "COUNTY") return { regionCode: code };
  return { regionCode: { startsWith: code.slice(0, level === "PROVINCE" ? 2 : 4) } };
}

/** The regions strictly above `code` (its province, its city). */
export function regionsAbove(code: string): string[] {
  return [provinceOf(code), cityOf(code)].filter((c): c is string => c != null && c !== code);
}

const nothing: Where = { id: -1 };

/** Shelters a unit builds, manages or uses (谁建设、谁管理、谁使用). */
function unitShelters(organizationId: number): Where {
  return { OR: [{ builderId: organizationId }, { managerId: organizationId }, { userId: organizationId }] };
}

/** The Prisma `where` of the rows of `model` that `viewer` may read. */
export function visibleWhere(viewer: Viewer, model: ScopedModel): Where {
  if (viewer.role === "PROVINCE_ADMIN") return {};
  // A campaign is a published plan: everyone in it sees it, so a token sees the campaigns of
  // the regions above its own (which it takes part in) as well as those of its region and below.
  if (model === "Campaign") {
    if (!viewer.regionCode) return {};
    return { OR: [{ regionCode: { in: regionsAbove(viewer.regionCode) } }, regionCodeWhere(viewer.regionCode)] };
  }
  if (viewer.role === "UNIT_USER") {
    const org = viewer.organizationId;
    if (org == null) return nothing;
    if (model === "Shelter") return unitShelters(org);
    if (model === "Hazard" || model === "Patrol") return { shelter: unitShelters(org) };
    if (model === "Organization") return { id: org };
    // A unit's own obligations and records: its stage reports, letters and drills.
    if (model === "StageReport" || model === "ResponsibilityLetter" || model === "Drill")
      return { organizationId: org };
    return nothing;
  }
  return viewer.regionCode ? regionWhere(model, viewer.regionCode) : {};
}

/** `where` AND the viewer's scope. */
export function scoped(viewer: Viewer, model: ScopedModel, where: Where = {}): Where {
  const scope = visibleWhere(viewer, model);
  if (Object.keys(scope).length === 0) return where;
  if (Object.keys(where).length === 0) return scope;
  return { AND: [scope, where] };
}

/** A row's own region and the organizations it belongs to, enough to decide visibility. */
export interface ScopedRow {
  region: string | null;
  organizations?: (number | null)[];
}

/** May `viewer` read a row? (The row-level twin of visibleWhere, for loaded objects.) */
export function canRead(viewer: Viewer, row: ScopedRow): boolean {
  if (viewer.role === "PROVINCE_ADMIN") return true;
  if (viewer.role === "UNIT_USER") {
    return viewer.organizationId != null && (row.organizations ?? []).includes(viewer.organizationId);
  }
  if (!viewer.regionCode || !row.region) return !viewer.regionCode;
  return within(row.region, viewer.regionCode);
}

/** Roles that change records at all; ANALYST and PUBLIC only read. */
export function isWriter(viewer: Viewer): boolean {
  return ["PROVINCE_ADMIN", "CITY_OFFICER", "COUNTY_OFFICER", "UNIT_USER"].includes(viewer.role);
}

/** Roles that see people's names and phone numbers. */
export function seesPersonalData(viewer: Viewer): boolean {
  return viewer.role !== "PUBLIC";
}

/** Throws ForbiddenError unless `viewer` may change a row in `region` (owned by `organizations`). */
export function assertCanWrite(viewer: Viewer, row: ScopedRow, what = "this record"): void {
  if (!isWriter(viewer) || !canRead(viewer, row)) {
    throw new ForbiddenError(`${viewer.role} ${viewer.regionCode ?? ""} may not change ${what}`.replace("  ", " "));
  }
}

/**
 * Throws ForbiddenError unless the viewer may hand a target down to region `code`: targets come
 * from the office above (目标由上级下达), so an officer sets those of the regions below its own.
 */
export function assertCanAssignTo(viewer: Viewer, code: string, what: string): void {
  assertRegionWritable(viewer, code, what);
  if (viewer.role !== "PROVINCE_ADMIN" && viewer.regionCode === code) {
    throw new ForbiddenError(`${viewer.role} ${code} may not ${what}: the office above sets it`);
  }
}

/** Throws ForbiddenError unless the viewer may act in region `code` (e.g. create a shelter there). */
export function assertRegionWritable(viewer: Viewer, code: string, what: string): void {
  if (viewer.role === "UNIT_USER") throw new ForbiddenError(`UNIT_USER may not ${what}`);
  assertCanWrite(viewer, { region: code }, what);
}

/** The audit trail (issue 6) is the province administrator's alone: for anyone else it has no rows. */
export function auditWhere(viewer: Viewer): Where {
  return viewer.role === "PROVINCE_ADMIN" ? {} : nothing;
}

/** The auth scopes a viewer holds; fields declare which they need (`authScopes: { officer: true }`). */
export function grantedScopes(viewer: Viewer) {
  return {
    writer: isWriter(viewer),
    officer: ["PROVINCE_ADMIN", "CITY_OFFICER", "COUNTY_OFFICER"].includes(viewer.role),
    admin: viewer.role === "PROVINCE_ADMIN",
    personalData: seesPersonalData(viewer),
    staff: viewer.role !== "PUBLIC",
  };
}

/**
 * Root fields of an operation whose static `authScopes` refuse the viewer. The API checks them
 * before execution, so a refused caller hears FORBIDDEN before anything about its input.
 */
export function refusedRootFields(
  rootType: GraphQLObjectType | null | undefined,
  fieldNames: string[],
  viewer: Viewer,
): string[] {
  if (!rootType) return [];
  const granted: Record<string, boolean> = grantedScopes(viewer);
  return fieldNames.filter((name) => {
    const scopes = (
      (rootType.getFields()[name]?.extensions as { pothosOptions?: unknown } | undefined)?.pothosOptions as
        | { authScopes?: unknown }
        | undefined
    )?.authScopes;
    if (!scopes || typeof scopes !== "object") return false;
    return !Object.entries(scopes).some(([scope, wanted]) => wanted === true && granted[scope]);
  });
}

// ───────────── the public view (issue 22) ─────────────

/**
 * The works meant for the public (面向公众公开的工程): personnel shelters (人员掩蔽) — the dual-use
 * disaster shelters among them included — that exist, in use, idle or suspended. Never command
 * (指挥), specialist-team (专业队), medical (医疗救护), support or supply (配套/物资库) works, nor works
 * unfinished or decommissioned. Written as data so that the Prisma scope and the finder's SQL
 * (shelter-finder.ts) read the one rule.
 */
export const publicShelterConditions: readonly Condition[] = [
  { column: "wartimeFunction", in: ["PERSONNEL_SHELTER"] },
  { column: "status", in: ["IN_USE", "IDLE", "SUSPENDED"] },
];
