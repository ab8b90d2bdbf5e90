// Registering a hazard (登记), the first step of the closed loop, in one place: recordPatrol calls
// it for every failed checklist item and reportHazard can call it for a hazard reported directly.
// It runs inside the caller's transaction, so a hazard exists only if everything the caller
// writes with it (the patrol, its items) does too.
import { audit } from "../audit.ts";
import { nextCode } from "../codes.ts";
import type { Context } from "../context.ts";
import type { Tx } from "../db.ts";
import type { Hazard, HazardCategory, HazardLevel, HazardSource, Shelter } from "../generated/sqlite/client.js";
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
  /** Comment of the REPORT event; defaults to "发现隐患：<title>" like the demo data. */
  comment?: string | null;
  /** Evidence links of the REPORT event (photos). */
  evidence?: string[];
  /** When it was registered; defaults to the request's clock. */
  at?: Date;
  /** The mutation that registers it, for the audit trail. */
  operation: string;
}

/**
 * Creates a REPORTED hazard with its code (YH-<year>-<county>-NNNN), its REPORT event, the
 * shelter's open-hazard count and an audit row. Call hazardReportedEvent(…) after the commit.
 */
export async function createReportedHazard(tx: Tx, ctx: Context, data: ReportedHazardData): Promise<Hazard> {
  const { shelter } = data;
  const code = await nextCode(tx, `YH-${data.discoveredOn.getUTCFullYear()}-${shelter.regionCode}`);
  const at = data.at ?? ctx.now;
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
        status: "REPORTED",
        patrolId: data.patrolId ?? null,
        drillId: data.drillId ?? null,
        events: {
          create: {
            action: "REPORT",
            fromStatus: null,
            toStatus: "REPORTED",
            actor: ctx.viewer.subject,
            actorName: ctx.viewer.name,
            at,
            comment: data.comment ?? `发现隐患：${data.title}`,
            evidence: JSON.stringify(data.evidence ?? []),
          },
        },
      },
    }),
  );
  // Not a registry edit: the shelter's version stays, so nobody editing it gets a conflict.
  await tx.shelter.update({ where: { id: shelter.id }, data: { openHazardCount: { increment: 1 } } });
  await audit(tx, ctx, { operation: data.operation, model: "Hazard", recordId: hazard.id, after: hazard });
  return hazard;
}

/** The hazardChanged event of a newly registered hazard, to publish once the transaction has committed. */
export function hazardReportedEvent(hazard: Hazard) {
  return {
    hazardId: hazard.id,
    code: hazard.code,
    countyCode: hazard.countyCode,
    cityCode: hazard.cityCode,
    provinceCode: hazard.provinceCode,
    action: "REPORT",
  };
}
