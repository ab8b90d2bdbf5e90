// The roster rules as plain functions: shift hours in Beijing time, overlap, and the three rules
// (a leader leads, an office has no two overlapping shifts of a kind, nobody is on two at once).
import { describe, expect, it } from "vitest";
import { RuleError, ValidationError } from "../src/errors.ts";
import { checkShift, overlaps, type RosterPerson, type RosterShift, shiftWindow } from "../src/rules/duty.ts";
import { atLocal, compactDate, localDate } from "../src/rules/local-time.ts";

const day = new Date("2022-06-15T00:00:00Z");
const person = (id: number, isLeader = false, organizationId = 1): RosterPerson => ({
  id,
  code: `P-${id}`,
  name: `人员${id}`,
  isLeader,
  organizationId,
});
const leader = person(1, true);
const officer = person(2);
const shift = (
  kind: RosterShift["kind"],
  date: Date,
  leaderId: number,
  officerIds: number[],
  organizationId = 1,
  id?: number,
): RosterShift => ({
  id,
  organizationId,
  kind,
  leaderId,
  officerIds,
  ...shiftWindow(date, kind),
});

function caught(fn: () => void): RuleError | ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleError || e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error("expected a rule violation");
}

describe("shift hours", () => {
  it("puts day, night and 24-hour shifts at Beijing 08:30 / 17:30", () => {
    expect(shiftWindow(day, "DAY")).toEqual({
      startsAt: new Date("2022-06-15T00:30:00Z"),
      endsAt: new Date("2022-06-15T09:30:00Z"),
    });
    expect(shiftWindow(day, "NIGHT")).toEqual({
      startsAt: new Date("2022-06-15T09:30:00Z"),
      endsAt: new Date("2022-06-16T00:30:00Z"),
    });
    expect(shiftWindow(day, "FULL_DAY")).toEqual({
      startsAt: new Date("2022-06-15T00:30:00Z"),
      endsAt: new Date("2022-06-16T00:30:00Z"),
    });
  });

  it("treats back-to-back shifts as not overlapping, and a 24-hour shift as overlapping both", () => {
    expect(overlaps(shiftWindow(day, "DAY"), shiftWindow(day, "NIGHT"))).toBe(false);
    expect(overlaps(shiftWindow(day, "NIGHT"), shiftWindow(new Date("2022-06-16T00:00:00Z"), "DAY"))).toBe(false);
    expect(overlaps(shiftWindow(day, "FULL_DAY"), shiftWindow(day, "NIGHT"))).toBe(true);
    expect(overlaps(shiftWindow(day, "FULL_DAY"), shiftWindow(day, "DAY"))).toBe(true);
  });

  it("reads Beijing dates across UTC midnight", () => {
    expect(localDate(new Date("2022-06-14T16:00:00Z"))).toEqual(day);
    expect(localDate(new Date("2022-06-14T15:59:59Z"))).toEqual(new Date("2022-06-14T00:00:00Z"));
    expect(atLocal(day, 0)).toEqual(new Date("2022-06-14T16:00:00Z"));
    expect(compactDate(day)).toBe("20220615");
  });
});

describe("checkShift", () => {
  it("accepts a leader with an officer on a free roster, and the next shift back to back", () => {
    expect(() => checkShift(shift("DAY", day, 1, [2]), leader, [officer], [])).not.toThrow();
    expect(() =>
      checkShift(shift("NIGHT", day, 1, [2]), leader, [officer], [shift("DAY", day, 1, [2], 1, 7)]),
    ).not.toThrow();
  });

  it("refuses a shift led by someone who is not a leader", () => {
    const e = caught(() => checkShift(shift("DAY", day, 2, [3]), person(2), [person(3)], []));
    expect(e).toMatchObject({ rule: "leader", field: "leaderCode" });
  });

  it("refuses people of another office and a person named twice", () => {
    expect(caught(() => checkShift(shift("DAY", day, 1, [9]), leader, [person(9, false, 2)], []))).toMatchObject({
      rule: "member",
      field: "officerCodes",
    });
    expect(caught(() => checkShift(shift("DAY", day, 1, [1]), leader, [leader], []))).toMatchObject({
      rule: "unique",
      field: "officerCodes",
    });
  });

  it("refuses a second overlapping shift of the same kind at one office, but not of another kind", () => {
    const taken = shift("DAY", day, 5, [6], 1, 7);
    expect(caught(() => checkShift(shift("DAY", day, 1, [2]), leader, [officer], [taken]))).toMatchObject({
      rule: "officeOverlap",
      field: "kind",
    });
    expect(() => checkShift(shift("FULL_DAY", day, 1, [2]), leader, [officer], [taken])).not.toThrow();
  });

  it("refuses a person already on an overlapping shift, as leader or as officer, naming the field", () => {
    const other = shift("FULL_DAY", day, 1, [8], 1, 7);
    expect(caught(() => checkShift(shift("NIGHT", day, 1, [2]), leader, [officer], [other]))).toMatchObject({
      rule: "personOverlap",
      field: "leaderCode",
    });
    const asOfficer = shift("FULL_DAY", day, 5, [2], 1, 7);
    expect(caught(() => checkShift(shift("DAY", day, 1, [2]), leader, [officer], [asOfficer]))).toMatchObject({
      rule: "personOverlap",
      field: "officerCodes",
    });
    const leaderAsOfficer = shift("FULL_DAY", day, 5, [1], 1, 7);
    expect(caught(() => checkShift(shift("NIGHT", day, 1, [2]), leader, [officer], [leaderAsOfficer]))).toMatchObject({
      rule: "personOverlap",
      field: "leaderCode",
    });
  });
});
