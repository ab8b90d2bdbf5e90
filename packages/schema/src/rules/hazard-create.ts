// Registering a hazard (登记), the first step of the closed loop, in one place: reportHazard calls
// it for a hazard reported directly, recordPatrol for every failed checklist item and
// registerDrillFinding for a drill's finding.
// It runs inside the caller's transaction, so a hazard exists only if everything the caller
// writes with it (the patrol, its items) does too.
import { audit } from "../audit.ts";
import { nextCode } from "../codes.ts";
import type { Context } from "../context.ts";
import type { Tx } from "../db.ts";
import type { Hazard, HazardCategory, HazardLevel, HazardSource, Shelter } from "../generated/sqlite/client.js";
import { reportedStatus } from "./hazard.ts";
import { recordStep } from "./hazard-history.ts";
import { insertWithCode } from "./unique-code.ts";

export interface ReportedHazardData {
  shelter: Pick<Shelter, "id" | "regionCode" | "cityCode" | "provinceCode">;
  title: string;
  description?: string;
  category: HazardCategory;
  level: HazardLevel;
  source: HazardSource;
  /** The date found (date-only: UTC midnight of the Beijing date); its year goes into the code. */
  discoveredOn: Date;
  /** Who found it, as written in the ledger (a name, or e.g. 群众举报). */
  discoveredBy?: string | null;
  patrolId?: number | null;
  drillId?: number | null;
  /** Fixed on the spot (立查立改): registered straight for acceptance, which someone else must give. */
  fixedOnSite?: boolean;
  /** Comment of the REPORT event; defaults to the ledger's wording, as in the demo data. */
  comment?: string | null;
  /** Evidence links of the REPORT event (photos). */
  evidence?: string[] | null;
  /** When it was registered; defaults to the request's clock. */
  at?: Date;
  /** The mutation that registers it, for the audit trail. */
  operation: string;
}

/**
 * Creates a REPORTED hazard (PENDING_ACCEPTANCE when fixed on the spot) with its code
 * (YH-<year>-<county>-NNNN), its REPORT event, the shelter's open-hazard count and an audit row.
 * Publish the change (publishChange) after the commit.
 */
export async function createReportedHazard(tx: Tx, ctx: Context, data: ReportedHazardData): Promise<Hazard> {
  const { shelter } = data;
  const fixedOnSite = data.fixedOnSite ?? false;
  const status = reportedStatus(fixedOnSite);
  const code = await nextCode(tx, `YH-${data.discoveredOn.getUTCFullYear()}-${shelter.regionCode}`);
  const hazard = await insertWithCode("hazard", code, () =>
    tx.hazard.create({
      data: {
        code,
        title: data.title,
        description: data.description ?? "",
        shelterId: shelter.id,
        countyCode: shelter.regionCode,
        cityCode: shelter.cityCode,
        provinceCode: shelter.provinceCode,
        category: data.category,
        level: data.level,
        source: data.source,
        discoveredOn: data.discoveredOn,
        discoveredBy: data.discoveredBy ?? null,
        status,
        fixedOnSite,
        // Fixed on the spot: the reporter did the rectification, so someone else must accept it.
        ...(fixedOnSite ? { rectifiedOn: data.discoveredOn, submittedBy: ctx.viewer.subject } : {}),
        patrolId: data.patrolId ?? null,
        drillId: data.drillId ?? null,
      },
    }),
  );
  // The REPORT event and the open count (not a registry edit: the shelter's version stays, so
  // nobody editing the work gets a conflict).
  await recordStep(tx, ctx, hazard, "REPORT", null, status, {
    comment: data.comment ?? (fixedOnSite ? `${data.title}，已立查立改，现场整改完毕` : `发现隐患：${data.title}`),
    evidence: data.evidence,
    at: data.at,
  });
  await audit(tx, ctx, { operation: data.operation, model: "Hazard", recordId: hazard.id, after: hazard });
  return hazard;
}
