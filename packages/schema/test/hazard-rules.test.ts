// The closed loop's rules, called directly: every allowed and every refused transition, who may
// take a step, five in place, overdue at a date, escalation, suspension and the measure list.
import { describe, expect, it } from "vitest";
import type { Viewer } from "../src/context.ts";
import { ForbiddenError, RuleError } from "../src/errors.ts";
import type { HazardStatus } from "../src/generated/sqlite/enums.js";
import {
  assertMayAccept,
  assertMayTake,
  calendarDay,
  dueForEscalation,
  escalationOffice,
  fiveInPlaceIssues,
  isOverdue,
  nextStatus,
  openCountDelta,
  overdueDays,
  reportedStatus,
  type WorkflowStep,
} from "../src/rules/hazard.ts";
import { measureOverdueDays, measureTransitionRefusal } from "../src/rules/measure.ts";
import { reopenRefusal, suspensionRefusal } from "../src/rules/suspension.ts";

const statuses: HazardStatus[] = ["REPORTED", "RECTIFYING", "PENDING_ACCEPTANCE", "CLOSED"];
const steps: WorkflowStep[] = ["ASSIGN", "SUBMIT", "ACCEPT", "REJECT"];
const allowed: Record<string, HazardStatus> = {
  "REPORTED ASSIGN": "RECTIFYING",
  "RECTIFYING SUBMIT": "PENDING_ACCEPTANCE",
  "PENDING_ACCEPTANCE ACCEPT": "CLOSED",
  "PENDING_ACCEPTANCE REJECT": "RECTIFYING",
};

const ruleOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof RuleError ? e.rule : e instanceof ForbiddenError ? "FORBIDDEN" : String(e);
  }
  return null;
};

describe("transitions", () => {
  for (const from of statuses) {
    for (const step of steps) {
      const to = allowed[`${from} ${step}`];
      it(`${from} --${step}--> ${to ?? "refused"}`, () => {
        if (to) expect(nextStatus(from, step)).toBe(to);
        else expect(ruleOf(() => nextStatus(from, step))).toBe(from === "CLOSED" ? "closed" : "transition");
      });
    }
  }

  it("registers as REPORTED, or PENDING_ACCEPTANCE when fixed on the spot", () => {
    expect(reportedStatus(false)).toBe("REPORTED");
    expect(reportedStatus(true)).toBe("PENDING_ACCEPTANCE");
  });

  it("counts a hazard open from registration until it is closed", () => {
    expect(openCountDelta(null, "REPORTED")).toBe(1);
    expect(openCountDelta(null, "PENDING_ACCEPTANCE")).toBe(1);
    expect(openCountDelta("REPORTED", "RECTIFYING")).toBe(0);
    expect(openCountDelta("PENDING_ACCEPTANCE", "RECTIFYING")).toBe(0);
    expect(openCountDelta("PENDING_ACCEPTANCE", "CLOSED")).toBe(-1);
  });
});

const viewer = (v: Partial<Viewer>): Viewer => ({
  subject: "P-1",
  name: null,
  role: "CITY_OFFICER",
  regionCode: "360100",
  organizationId: null,
  ...v,
});
const unit = viewer({ role: "UNIT_USER", regionCode: null, organizationId: 7 });

describe("who may take a step", () => {
  it("lets a unit report only self-check findings and submit, nothing else", () => {
    expect(ruleOf(() => assertMayTake(unit, "REPORT", "SELF_CHECK"))).toBeNull();
    expect(ruleOf(() => assertMayTake(unit, "REPORT", "INSPECTION"))).toBe("selfCheck");
    expect(ruleOf(() => assertMayTake(unit, "SUBMIT"))).toBeNull();
    expect(ruleOf(() => assertMayTake(unit, "ASSIGN"))).toBe("FORBIDDEN");
    expect(ruleOf(() => assertMayTake(unit, "ESCALATE"))).toBe("FORBIDDEN");
    expect(ruleOf(() => assertMayTake(unit, "ACCEPT"))).toBe("acceptor");
    expect(ruleOf(() => assertMayTake(unit, "REJECT"))).toBe("acceptor");
    for (const step of [...steps, "REPORT", "ESCALATE"] as const)
      expect(ruleOf(() => assertMayTake(viewer({}), step, "PATROL"))).toBeNull();
  });

  it("accepts only by a supervising office over the county, never by the submitter", () => {
    const hazard = { countyCode: "360102", submittedBy: "P-9" };
    expect(ruleOf(() => assertMayAccept(viewer({}), hazard))).toBeNull();
    expect(ruleOf(() => assertMayAccept(viewer({ role: "COUNTY_OFFICER", regionCode: "360102" }), hazard))).toBeNull();
    expect(ruleOf(() => assertMayAccept(viewer({ role: "PROVINCE_ADMIN", regionCode: null }), hazard))).toBeNull();
    expect(ruleOf(() => assertMayAccept(viewer({ subject: "P-9" }), hazard))).toBe("acceptor");
    expect(ruleOf(() => assertMayAccept(unit, hazard))).toBe("acceptor");
    expect(ruleOf(() => assertMayAccept(viewer({ role: "ANALYST", regionCode: null }), hazard))).toBe("acceptor");
    expect(ruleOf(() => assertMayAccept(viewer({ role: "COUNTY_OFFICER", regionCode: "360103" }), hazard))).toBe(
      "acceptor",
    );
    expect(ruleOf(() => assertMayAccept(viewer({ regionCode: "360700" }), hazard))).toBe("acceptor");
  });
});

describe("five in place (五落实)", () => {
  const full = {
    responsibleUnitCode: "U",
    responsiblePerson: "张三",
    measures: "修复",
    deadline: new Date("2022-07-01"),
    funds: 1000,
    contingencyPlan: "预案",
  };

  it("needs unit, person, measures and deadline; funds and plan only for MAJOR", () => {
    expect(fiveInPlaceIssues("GENERAL", full)).toEqual([]);
    expect(fiveInPlaceIssues("MAJOR", full)).toEqual([]);
    expect(fiveInPlaceIssues("GENERAL", { ...full, funds: null, contingencyPlan: null })).toEqual([]);
    const major = fiveInPlaceIssues("MAJOR", { ...full, funds: null, contingencyPlan: "  " });
    expect(major.map((i) => [i.field, i.rule])).toEqual([
      ["funds", "fiveInPlace"],
      ["contingencyPlan", "fiveInPlace"],
    ]);
    expect(fiveInPlaceIssues("GENERAL", {}).map((i) => i.field)).toEqual([
      "responsibleUnitCode",
      "responsiblePerson",
      "measures",
      "deadline",
    ]);
    expect(fiveInPlaceIssues("MAJOR", { ...full, funds: 0 })).toEqual([]);
  });
});

describe("overdue", () => {
  const due = new Date("2022-06-10T00:00:00Z");
  const h = (status: HazardStatus, deadline: Date | null = due) => ({ status, deadline });

  it("counts whole days past the deadline while not handed in", () => {
    expect(overdueDays(h("RECTIFYING"), new Date("2022-06-10T15:00:00Z"))).toBe(0); // 23:00 in China, still the 10th
    expect(overdueDays(h("RECTIFYING"), new Date("2022-06-10T16:00:00Z"))).toBe(1); // midnight in China
    expect(overdueDays(h("REPORTED"), new Date("2022-06-15"))).toBe(5);
    expect(isOverdue(h("RECTIFYING"), new Date("2022-06-11"))).toBe(true);
    expect(isOverdue(h("RECTIFYING"), new Date("2022-06-10"))).toBe(false);
  });

  it("never counts a hazard handed in, closed or without a deadline", () => {
    for (const s of ["PENDING_ACCEPTANCE", "CLOSED"] as const)
      expect(overdueDays(h(s), new Date("2023-01-01"))).toBe(0);
    expect(isOverdue(h("RECTIFYING", null), new Date("2023-01-01"))).toBe(false);
  });

  it("takes China's calendar date of an instant", () => {
    expect(calendarDay(new Date("2022-06-14T20:00:00Z")).toISOString()).toBe("2022-06-15T00:00:00.000Z");
    expect(calendarDay(new Date("2022-06-15T00:00:00Z")).toISOString()).toBe("2022-06-15T00:00:00.000Z");
  });
});

describe("escalation (督办)", () => {
  const asOf = new Date("2022-06-15");
  const base = {
    status: "RECTIFYING" as const,
    deadline: new Date("2022-06-01"),
    level: "MAJOR" as const,
    escalatedAt: null,
  };

  it("escalates overdue MAJOR hazards once, to the city above the county", () => {
    expect(dueForEscalation(base, asOf)).toBe(true);
    expect(dueForEscalation({ ...base, level: "GENERAL" }, asOf)).toBe(false);
    expect(dueForEscalation({ ...base, escalatedAt: new Date() }, asOf)).toBe(false);
    expect(dueForEscalation({ ...base, deadline: new Date("2022-06-15") }, asOf)).toBe(false);
    expect(dueForEscalation({ ...base, status: "PENDING_ACCEPTANCE" }, asOf)).toBe(false);
    expect(escalationOffice("360102")).toBe("360100");
    expect(escalationOffice("360100")).toBe("360000");
  });
});

describe("suspension (停业整顿)", () => {
  it("suspends only with an open MAJOR hazard and reopens only when all are closed", () => {
    expect(suspensionRefusal("IN_USE", 1)).toBeNull();
    expect(suspensionRefusal("IDLE", 2)).toBeNull();
    expect(suspensionRefusal("IN_USE", 0)?.rule).toBe("majorHazard");
    expect(suspensionRefusal("SUSPENDED", 1)?.rule).toBe("suspended");
    expect(suspensionRefusal("DECOMMISSIONED", 1)?.rule).toBe("decommissioned");
    expect(reopenRefusal("SUSPENDED", 0)).toBeNull();
    expect(reopenRefusal("SUSPENDED", 1)?.rule).toBe("majorHazard");
    expect(reopenRefusal("IN_USE", 0)?.rule).toBe("notSuspended");
  });
});

describe("measures (制度措施清单)", () => {
  it("moves forward only, and DONE is final", () => {
    expect(measureTransitionRefusal("PLANNED", "IN_PROGRESS")).toBeNull();
    expect(measureTransitionRefusal("PLANNED", "DONE")).toBeNull();
    expect(measureTransitionRefusal("IN_PROGRESS", "DONE")).toBeNull();
    expect(measureTransitionRefusal("IN_PROGRESS", "IN_PROGRESS")).toBeNull();
    expect(measureTransitionRefusal("IN_PROGRESS", "PLANNED")?.rule).toBe("transition");
    expect(measureTransitionRefusal("DONE", "IN_PROGRESS")?.rule).toBe("closed");
    expect(measureTransitionRefusal("DONE", "DONE")?.rule).toBe("closed");
  });

  it("is overdue past its due date unless done", () => {
    const dueOn = new Date("2022-06-01");
    expect(measureOverdueDays({ status: "IN_PROGRESS", dueOn }, new Date("2022-06-15"))).toBe(14);
    expect(measureOverdueDays({ status: "DONE", dueOn }, new Date("2022-06-15"))).toBe(0);
    expect(measureOverdueDays({ status: "PLANNED", dueOn }, new Date("2022-05-15"))).toBe(0);
  });
});
