// 责令停业整顿 (SPEC §2 rule 3): a work may be suspended only while it has an open MAJOR hazard,
// and reopened only when all its MAJOR hazards are closed.
import { z } from "zod";
import { RuleError } from "../errors.ts";
import type { ShelterStatus } from "../generated/sqlite/enums.js";

/** Input fields of suspendShelter ("rule: message"): an order states its reason. */
export const suspensionFields = {
  reason: z.string().trim().min(2, "required: at least 2 characters").max(2000, "length: at most 2000 characters"),
};

/** Why a work cannot be suspended now, or null when it can. */
export function suspensionRefusal(status: ShelterStatus, openMajorHazards: number): RuleError | null {
  if (status === "SUSPENDED")
    return new RuleError("suspended", "the work is already suspended (已责令停业整顿)", "shelterCode");
  if (status === "DECOMMISSIONED")
    return new RuleError("decommissioned", "a decommissioned work has no operation to suspend", "shelterCode");
  if (openMajorHazards === 0) {
    return new RuleError(
      "majorHazard",
      "a work may be suspended only while it has an open MAJOR hazard (存在重大隐患)",
      "shelterCode",
    );
  }
  return null;
}

/** Why a work cannot reopen now, or null when it can. */
export function reopenRefusal(status: ShelterStatus, unclosedMajorHazards: number): RuleError | null {
  if (status !== "SUSPENDED") return new RuleError("notSuspended", "the work is not suspended", "shelterCode");
  if (unclosedMajorHazards > 0) {
    return new RuleError(
      "majorHazard",
      `the work reopens only when all its MAJOR hazards are closed (${unclosedMajorHazards} not yet closed)`,
      "shelterCode",
    );
  }
  return null;
}
