// The census import (普查导入), shared by the `importShelters` mutation and `renfang import
// shelters`: read the sheet, check every row (shelter-rows.ts), then the rules that need the
// database — the region exists, is a county and is writable by this token, organizations exist,
// a code that exists belongs to a work the token may change, SUSPENDED only through
// suspendShelter — and write all rows in ONE transaction, or none. Rows equal to the registry
// are left alone, so importing the same file twice changes nothing (upsert by code).
import { audit } from "../audit.ts";
import type { Context } from "../context.ts";
import { ConflictError, DomainError, type FieldIssue, ValidationError } from "../errors.ts";
import type { Prisma, Shelter } from "../generated/sqlite/client.js";
import { regionDirectory } from "../regions.ts";
import { assertCanWrite, assertRegionWritable, provinceOf, regionLevel } from "../scope.ts";
import type { EnumLabels } from "../sheets/labels.ts";
import type { Sheet } from "../sheets/read.ts";
import { type FieldValue, type RowIssue, readShelterRows, type ShelterRecord } from "./shelter-rows.ts";

export interface ImportOutcome {
  /** Data rows read (the template's example row not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Example rows skipped. */
  skipped: number;
  /** Checked only, nothing written. */
  dryRun: boolean;
}

/**
 * A row issue as a ValidationError issue: field `rows.<row>.<field>` and a message naming the row
 * and column; `row`, `column` and `problem` (the bare message) stay for reports.
 */
export type ImportIssue = FieldIssue & RowIssue & { problem: string };

export function toFieldIssue(i: RowIssue): ImportIssue {
  return {
    ...i,
    problem: i.message,
    field: `rows.${i.row}.${i.field}`,
    message: `row ${i.row}, column ${i.column}: ${i.rule}: ${i.message}`,
  };
}

const defaults: Record<string, FieldValue> = {
  parkingSpaces: 0,
  isEarlyWork: false,
  status: "IN_USE",
  disasterShelter: false,
  censusStatus: "NOT_SURVEYED",
};
const organizationFields = { builderCode: "builderId", managerCode: "managerId", userCode: "userId" } as const;
const CHUNK = 500;

async function chunked<T>(keys: string[], load: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) out.push(...(await load(keys.slice(i, i + CHUNK))));
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null);
}

/** The Prisma columns a record sets; empty cells of columns with a default keep the work's value. */
function columnsOf(
  record: ShelterRecord,
  orgIds: Map<string, number>,
  existing: Shelter | undefined,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record.values)) {
    if (field in organizationFields) {
      data[organizationFields[field as keyof typeof organizationFields]] =
        value == null ? null : orgIds.get(value as string);
    } else if (value === null && field in defaults) {
      if (!existing) data[field] = defaults[field];
    } else data[field] = value;
  }
  if ("parkingOpenedOn" in data)
    data.parkingOpenedYear = (data.parkingOpenedOn as Date | null)?.getUTCFullYear() ?? null;
  return data;
}

/** Checks a sheet against the rules and the registry; writes it whole unless `dryRun`. Throws ValidationError listing every bad row. */
export async function importShelters(
  ctx: Context,
  sheet: Sheet,
  options: { labels: EnumLabels; dryRun?: boolean },
): Promise<ImportOutcome> {
  const { records, issues, skipped, columnOf } = readShelterRows(sheet, options.labels, ctx.now);
  const regions = await regionDirectory(ctx);
  const orgCodes = [
    ...new Set(
      records.flatMap((r) =>
        Object.keys(organizationFields)
          .map((f) => r.values[f])
          .filter((c): c is string => typeof c === "string"),
      ),
    ),
  ];
  const orgs = await chunked(orgCodes, (part) =>
    ctx.prisma.organization.findMany({ where: { code: { in: part } }, select: { id: true, code: true } }),
  );
  const orgIds = new Map(orgs.map((o) => [o.code, o.id]));
  const existing = new Map(
    (
      await chunked(
        records.map((r) => r.code),
        (part) => ctx.prisma.shelter.findMany({ where: { code: { in: part } } }),
      )
    ).map((s) => [s.code, s]),
  );
  const issue = (r: ShelterRecord, field: string, rule: string, message: string) =>
    issues.push({ row: r.row, column: columnOf(field), field, rule, message });
  const refuse = (r: ShelterRecord, field: string, check: () => void) => {
    try {
      check();
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      issue(r, field, "scope", err.message);
    }
  };
  for (const r of records) {
    const code = r.values.regionCode as string;
    const region = regions.get(code);
    if (!region) issue(r, "regionCode", "exists", `region ${code} does not exist`);
    else if (region.level !== "COUNTY" || regionLevel(code) !== "COUNTY")
      issue(r, "regionCode", "county", `${region.name} (${code}) is not a county-level division`);
    else refuse(r, "regionCode", () => assertRegionWritable(ctx.viewer, code, `register works in ${region.name}`));
    for (const field of Object.keys(organizationFields)) {
      const org = r.values[field];
      if (typeof org === "string" && !orgIds.has(org)) issue(r, field, "exists", `organization ${org} does not exist`);
    }
    const before = existing.get(r.code);
    if (before) {
      refuse(r, "code", () =>
        assertCanWrite(
          ctx.viewer,
          { region: before.regionCode, organizations: [before.builderId, before.managerId, before.userId] },
          `work ${r.code}`,
        ),
      );
    }
    const status = r.values.status;
    if ((status === "SUSPENDED") !== (before?.status === "SUSPENDED") && status != null) {
      issue(
        r,
        "status",
        "workflow",
        before?.status === "SUSPENDED"
          ? "a suspended work reopens only through reopenShelter"
          : "SUSPENDED is set only by suspendShelter",
      );
    }
  }
  if (issues.length) throw new ValidationError(issues.sort((a, b) => a.row - b.row).map(toFieldIssue));

  // What changes: new works, and existing ones whose given columns differ.
  const creates: Prisma.ShelterUncheckedCreateInput[] = [];
  const updates: { before: Shelter; data: Record<string, unknown> }[] = [];
  for (const r of records) {
    const before = existing.get(r.code);
    const data = columnsOf(r, orgIds, before);
    const regionCode = r.values.regionCode as string;
    data.cityCode = regions.get(regionCode)?.parentCode ?? regionCode;
    data.provinceCode = provinceOf(regionCode);
    if (!before) creates.push({ ...defaults, ...data } as Prisma.ShelterUncheckedCreateInput);
    else if (Object.entries(data).some(([k, v]) => !same(v, before[k as keyof Shelter])))
      updates.push({ before, data });
  }
  const outcome = {
    rows: records.length,
    created: creates.length,
    updated: updates.length,
    unchanged: records.length - creates.length - updates.length,
    skipped,
    dryRun: !!options.dryRun,
  };
  if (options.dryRun || (!creates.length && !updates.length)) return outcome;

  await ctx.prisma.$transaction(
    async (tx) => {
      // New works in bulk: a census file of thousands of works must not hold the database's
      // write lock for minutes. Their audit rows are the ones audit() would write, in bulk too.
      for (let i = 0; i < creates.length; i += CHUNK) {
        const created = await tx.shelter.createManyAndReturn({ data: creates.slice(i, i + CHUNK) });
        await tx.auditLog.createMany({
          data: created.map((after) => ({
            actor: ctx.viewer.subject,
            role: ctx.viewer.role,
            ip: ctx.ip,
            operation: "importShelters",
            model: "Shelter",
            recordId: String(after.id),
            after: JSON.stringify(after),
          })),
        });
      }
      for (const { before, data } of updates) {
        // The version the check saw: a change made meanwhile refuses the whole import.
        const { count } = await tx.shelter.updateMany({
          where: { id: before.id, version: before.version },
          data: { ...data, version: { increment: 1 } },
        });
        if (count === 0)
          throw new ConflictError(`work ${before.code} was changed while importing; import again`, "file");
        await audit(tx, ctx, {
          operation: "importShelters",
          model: "Shelter",
          recordId: before.id,
          before,
          after: { ...before, ...data, version: before.version + 1 },
        });
      }
    },
    { timeout: 10 * 60_000, maxWait: 10_000 },
  );
  return outcome;
}
