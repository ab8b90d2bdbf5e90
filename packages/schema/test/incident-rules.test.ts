// Incident timeliness (SPEC §2 rule 5) at the edge of the limit, and the time checks of a report.
import { describe, expect, it } from "vitest";
import type { ValidationError } from "../src/errors.ts";
import { checkIncidentTimes, delayMinutes, delaySecondsOf, isLate } from "../src/rules/incident.ts";

const occurred = new Date("2022-06-15T02:00:00Z");
const after = (ms: number) => new Date(occurred.getTime() + ms);

describe("lateness", () => {
  it("is on time at exactly the limit and late one millisecond past it", () => {
    expect(delaySecondsOf(occurred, after(60 * 60_000))).toBe(3600);
    expect(isLate(delaySecondsOf(occurred, after(60 * 60_000)), 60)).toBe(false);
    expect(delaySecondsOf(occurred, after(60 * 60_000 + 1))).toBe(3601);
    expect(isLate(delaySecondsOf(occurred, after(60 * 60_000 + 1)), 60)).toBe(true);
  });

  it("follows the configured limit", () => {
    expect(isLate(delaySecondsOf(occurred, after(45 * 60_000)), 30)).toBe(true);
    expect(isLate(delaySecondsOf(occurred, after(45 * 60_000)), 60)).toBe(false);
  });

  it("rounds the delay in minutes up, like the rule", () => {
    expect(delayMinutes(3600)).toBe(60);
    expect(delayMinutes(3601)).toBe(61);
    expect(delayMinutes(0)).toBe(0);
  });
});

describe("checkIncidentTimes", () => {
  const now = new Date("2022-06-15T04:00:00Z");
  it("accepts a report after the incident and not after now", () => {
    expect(() => checkIncidentTimes(occurred, now, now)).not.toThrow();
    expect(() => checkIncidentTimes(occurred, occurred, now)).not.toThrow();
  });

  it("refuses a report before its incident, or in the future beyond the clock skew", () => {
    const err = (f: () => void) => {
      try {
        f();
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error("expected a ValidationError");
    };
    expect(err(() => checkIncidentTimes(occurred, after(-1000), now))).toMatchObject({
      field: "reportedAt",
      rule: "order",
    });
    expect(err(() => checkIncidentTimes(occurred, new Date(now.getTime() + 6 * 60_000), now))).toMatchObject({
      field: "reportedAt",
      rule: "notFuture",
    });
    expect(err(() => checkIncidentTimes(new Date(now.getTime() + 3600_000), now, now))).toMatchObject({
      field: "occurredAt",
      rule: "notFuture",
    });
    expect(() => checkIncidentTimes(occurred, new Date(now.getTime() + 60_000), now)).not.toThrow();
  });
});
