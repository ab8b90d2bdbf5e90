// Shared by the hazard test files: the workflow mutations as one call each, returning the union
// member with its typename, and the tokens of the people who take part in the closed loop.
import type { TestApi } from "./helpers.ts";

export const DONGHU = "360102";
export const county = {
  role: "COUNTY_OFFICER" as const,
  regionCode: DONGHU,
  subject: "P-test-county",
  name: "县办经办人",
};
export const city = { role: "CITY_OFFICER" as const, regionCode: "360100", subject: "P-test-city", name: "市办验收人" };
export const otherCity = { role: "CITY_OFFICER" as const, regionCode: "360700", subject: "P-test-gz" };
export const admin = { role: "PROVINCE_ADMIN" as const, regionCode: null, subject: "P-test-admin" };
export const analyst = { role: "ANALYST" as const, regionCode: null, subject: "P-test-analyst" };

const inputTypes = {
  reportHazard: "ReportHazardInput",
  assignRectification: "AssignRectificationInput",
  submitRectification: "SubmitRectificationInput",
  acceptRectification: "AcceptRectificationInput",
  rejectRectification: "RejectRectificationInput",
} as const;

export type Step = keyof typeof inputTypes;

export interface StepResult {
  __typename: string;
  hazard?: {
    code: string;
    status: string;
    version: number;
    deadline: string | null;
    rectifiedOn: string | null;
    closedOn: string | null;
  };
  code?: string;
  message?: string;
  rule?: string;
  field?: string;
  currentVersion?: number;
  issues?: { field: string; rule: string }[];
}

/** Runs one workflow mutation as `token` and returns its result (payload or typed error). */
export async function run(
  t: TestApi,
  name: Step,
  input: Record<string, unknown>,
  token: object | null,
): Promise<StepResult> {
  const query = `mutation ($input: ${inputTypes[name]}!) {
    ${name}(input: $input) {
      __typename
      ... on HazardPayload { hazard { code status version deadline rectifiedOn closedOn } }
      ... on Error { code message }
      ... on ValidationError { field rule issues { field rule } }
      ... on RuleError { rule field }
      ... on ConflictError { field currentVersion }
      ... on NotFoundError { field }
    }
  }`;
  return resultOf(await t.gql<Record<string, StepResult>>(query, { input }, token), name);
}

/**
 * A mutation's result: its payload or typed error, or ForbiddenError when the API refused the
 * root field's auth scope before execution (a top-level FORBIDDEN error, nothing run).
 */
export function resultOf<T extends object>(
  r: { data?: Record<string, T> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] },
  field: string,
): T | { __typename: "ForbiddenError"; code: "FORBIDDEN"; message: string } {
  const refused = r.errors?.find((e) => e.extensions?.code === "FORBIDDEN");
  if (refused && !r.data?.[field]) return { __typename: "ForbiddenError", code: "FORBIDDEN", message: refused.message };
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data![field];
}

/** A work of the county with a manager unit, and a UNIT_USER token for that unit. */
export async function workOf(t: TestApi, countyCode = DONGHU, where: Record<string, unknown> = {}) {
  const shelter = await t.database.prisma.shelter.findFirstOrThrow({
    where: { regionCode: countyCode, managerId: { not: null }, status: { in: ["IN_USE", "IDLE"] }, ...where },
    orderBy: { id: "asc" },
  });
  const unit = {
    role: "UNIT_USER" as const,
    organizationId: shelter.managerId!,
    subject: `P-test-unit-${shelter.managerId}`,
    name: "单位安全员",
  };
  const responsible = await t.database.prisma.organization.findUniqueOrThrow({ where: { id: shelter.managerId! } });
  return { shelter, unit, responsibleUnitCode: responsible.code };
}

/** What a step must not leave behind when refused: the hazard row, its history and the audit trail. */
export async function footprint(t: TestApi, code: string) {
  const p = t.database.prisma;
  const h = await p.hazard.findUniqueOrThrow({
    where: { code },
    include: { shelter: { select: { openHazardCount: true } } },
  });
  return {
    version: h.version,
    status: h.status,
    events: await p.hazardEvent.count({ where: { hazardId: h.id } }),
    audits: await p.auditLog.count(),
    open: h.shelter.openHazardCount,
  };
}

export const plan = (
  code: string,
  version: number,
  responsibleUnitCode: string,
  extra: Record<string, unknown> = {},
) => ({
  code,
  version,
  responsibleUnitCode,
  responsiblePerson: "王建国",
  responsiblePhone: "13800000000",
  measures: "更换灭火器并委托检测",
  deadline: "2022-07-15",
  ...extra,
});

/**
 * HazardTally (kept by triggers) against a count of the hazards themselves: one row per county,
 * status, level, category, source and year found, with the same count (rows counted down to 0
 * are no row).
 */
export async function tallyAndCount(t: TestApi) {
  const p = t.database.prisma;
  const key = (
    r: { countyCode: string; status: string; level: string; category: string; source: string },
    year: number,
  ) => [r.countyCode, r.status, r.level, r.category, r.source, year].join("/");
  const tally = await p.hazardTally.findMany({ where: { count: { gt: 0 } } });
  const counted: Record<string, number> = {};
  const hazards = await p.hazard.findMany({
    select: { countyCode: true, status: true, level: true, category: true, source: true, discoveredOn: true },
  });
  for (const h of hazards) {
    const k = key(h, h.discoveredOn.getUTCFullYear());
    counted[k] = (counted[k] ?? 0) + 1;
  }
  return { tally: Object.fromEntries(tally.map((r) => [key(r, r.discoveredYear), r.count])), counted };
}
