// Patrol checklist rules and the mapping of failed items to hazard categories.
import { describe, expect, it } from "vitest";
import { ValidationError } from "../src/errors.ts";
import {
  CHECKLIST_CATEGORY,
  checkPatrolItems,
  checkPatrolTime,
  hazardTitleOf,
  patrolFields,
} from "../src/rules/patrol.ts";

function violation(f: () => void): ValidationError {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error("expected a ValidationError");
}

describe("checkPatrolItems", () => {
  it("accepts passed items without notes and failed items with one", () => {
    expect(() =>
      checkPatrolItems([
        { item: "WATER", passed: true },
        { item: "SIGNAGE", passed: false, note: "安全出口标志不亮" },
      ]),
    ).not.toThrow();
  });

  it("names the item index of a repeated item or a failed item without a note", () => {
    expect(
      violation(() =>
        checkPatrolItems([
          { item: "WATER", passed: true },
          { item: "WATER", passed: false, note: "x" },
        ]),
      ),
    ).toMatchObject({
      field: "items.1.item",
      rule: "unique",
    });
    expect(
      violation(() =>
        checkPatrolItems([
          { item: "WATER", passed: true },
          { item: "VENTILATION", passed: false, note: "  " },
        ]),
      ),
    ).toMatchObject({
      field: "items.1.note",
      rule: "required",
    });
  });

  it("refuses a patrol in the future", () => {
    const now = new Date("2022-06-15T04:00:00Z");
    expect(violation(() => checkPatrolTime(new Date("2022-06-15T05:00:00Z"), now))).toMatchObject({
      field: "patrolledAt",
      rule: "notFuture",
    });
    expect(() => checkPatrolTime(new Date("2022-06-15T03:00:00Z"), now)).not.toThrow();
  });
});

describe("failed items as hazards", () => {
  it("maps every checklist item to a hazard category", () => {
    expect(CHECKLIST_CATEGORY.FIRE_EQUIPMENT).toBe("FIRE");
    expect(CHECKLIST_CATEGORY.SIGNAGE).toBe("EVACUATION_ROUTE");
    expect(CHECKLIST_CATEGORY.NO_ILLEGAL_OCCUPANCY).toBe("ILLEGAL_OCCUPANCY");
    expect(Object.keys(CHECKLIST_CATEGORY)).toHaveLength(8);
  });

  it("uses the finding as the title, cut to 200 characters", () => {
    expect(hazardTitleOf(" 灭火器压力不足 ")).toBe("灭火器压力不足");
    expect(hazardTitleOf("水".repeat(300))).toHaveLength(200);
  });

  it("accepts http(s) and /path photo links only", () => {
    expect(patrolFields.photos.safeParse(["https://x.cn/a.jpg", "/files/a.jpg"]).success).toBe(true);
    const bad = patrolFields.photos.safeParse(["javascript:alert(1)"]);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/^format: /);
  });
});
