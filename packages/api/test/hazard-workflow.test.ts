// The closed loop through the API (SPEC §2 rule 1): every path, refused steps and missing
// five-in-place fields as typed errors that write nothing, stale versions, one history event per
// step, the shelter's open count, and hazard codes that stay unique under concurrency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admin,
  analyst,
  city,
  county,
  DONGHU,
  footprint,
  otherCity,
  plan,
  run,
  tallyAndCount,
  workOf,
} from "./hazard-helpers.ts";
import { type TestApi, testApi } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

const report = (shelterCode: string, extra: Record<string, unknown> = {}) => ({
  shelterCode,
  title: "灭火器压力不足",
  category: "FIRE",
  level: "GENERAL",
  source: "SELF_CHECK",
  discoveredOn: "2022-06-10",
  ...extra,
});

async function history(code: string) {
  const r = await t.gql<{
    hazard: {
      history: {
        action: string;
        fromStatus: string | null;
        toStatus: string;
        actor: string;
        actorName: string | null;
        comment: string | null;
        evidence: string[];
      }[];
    };
  }>(
    `query ($code: String!) { hazard(code: $code) { history { action fromStatus toStatus actor actorName comment evidence } } }`,
    { code },
    admin,
  );
  return r.data!.hazard.history;
}

const openCount = async (id: number) =>
  (await t.database.prisma.shelter.findUniqueOrThrow({ where: { id } })).openHazardCount;

describe("the closed loop", () => {
  it("report → assign → submit → accept: one event per step, versions, dates and the open count", async () => {
    const { shelter, unit, responsibleUnitCode } = await workOf(t);
    const open0 = await openCount(shelter.id);
    const reported = await run(
      t,
      "reportHazard",
      report(shelter.code, { evidence: ["https://files.example/1.jpg"] }),
      unit,
    );
    expect(reported).toMatchObject({ __typename: "HazardPayload", hazard: { status: "REPORTED", version: 1 } });
    const code = reported.hazard!.code;
    expect(code).toMatch(new RegExp(`^YH-2022-${DONGHU}-\\d{4}$`));
    expect(await openCount(shelter.id)).toBe(open0 + 1);

    const assigned = await run(
      t,
      "assignRectification",
      plan(code, 1, responsibleUnitCode, { comment: "限期整改" }),
      county,
    );
    expect(assigned.hazard).toMatchObject({ status: "RECTIFYING", version: 2, deadline: "2022-07-15" });
    const submitted = await run(
      t,
      "submitRectification",
      { code, version: 2, note: "已更换灭火器", evidence: ["https://files.example/2.jpg"] },
      unit,
    );
    expect(submitted.hazard).toMatchObject({ status: "PENDING_ACCEPTANCE", version: 3, rectifiedOn: "2022-06-15" });
    expect(await openCount(shelter.id)).toBe(open0 + 1);
    const accepted = await run(t, "acceptRectification", { code, version: 3, comment: "整改到位，同意销号" }, city);
    expect(accepted.hazard).toMatchObject({ status: "CLOSED", version: 4, closedOn: "2022-06-15" });
    expect(await openCount(shelter.id)).toBe(open0);

    expect(await history(code)).toEqual([
      {
        action: "REPORT",
        fromStatus: null,
        toStatus: "REPORTED",
        actor: unit.subject,
        actorName: unit.name,
        comment: "发现隐患：灭火器压力不足",
        evidence: ["https://files.example/1.jpg"],
      },
      {
        action: "ASSIGN",
        fromStatus: "REPORTED",
        toStatus: "RECTIFYING",
        actor: county.subject,
        actorName: county.name,
        comment: "限期整改",
        evidence: [],
      },
      {
        action: "SUBMIT",
        fromStatus: "RECTIFYING",
        toStatus: "PENDING_ACCEPTANCE",
        actor: unit.subject,
        actorName: unit.name,
        comment: "已更换灭火器",
        evidence: ["https://files.example/2.jpg"],
      },
      {
        action: "ACCEPT",
        fromStatus: "PENDING_ACCEPTANCE",
        toStatus: "CLOSED",
        actor: city.subject,
        actorName: city.name,
        comment: "整改到位，同意销号",
        evidence: [],
      },
    ]);
    const audits = await t.database.prisma.auditLog.findMany({
      where: {
        model: "Hazard",
        recordId: String((await t.database.prisma.hazard.findUniqueOrThrow({ where: { code } })).id),
      },
    });
    expect(audits.map((a) => a.operation)).toEqual(["reportHazard", "assignHazard", "submitHazard", "acceptHazard"]);
  });

  it("reject sends it back to rectifying; a second submission can then be accepted", async () => {
    const { shelter, unit, responsibleUnitCode } = await workOf(t);
    const { hazard } = await run(t, "reportHazard", report(shelter.code, { source: "INSPECTION" }), county);
    const code = hazard!.code;
    await run(t, "assignRectification", plan(code, 1, responsibleUnitCode), county);
    await run(t, "submitRectification", { code, version: 2, note: "已整改" }, unit);
    const rejected = await run(t, "rejectRectification", { code, version: 3, reason: "佐证材料不全" }, county);
    expect(rejected.hazard).toMatchObject({ status: "RECTIFYING", version: 4, rectifiedOn: null });
    await run(t, "submitRectification", { code, version: 4, note: "已补充材料" }, unit);
    const accepted = await run(t, "acceptRectification", { code, version: 5 }, county);
    expect(accepted.hazard?.status).toBe("CLOSED");
    expect((await history(code)).map((e) => `${e.action}:${e.toStatus}`)).toEqual([
      "REPORT:REPORTED",
      "ASSIGN:RECTIFYING",
      "SUBMIT:PENDING_ACCEPTANCE",
      "REJECT:RECTIFYING",
      "SUBMIT:PENDING_ACCEPTANCE",
      "ACCEPT:CLOSED",
    ]);
  });

  it("fixed on the spot goes straight to acceptance, which someone else must give", async () => {
    const { shelter, unit } = await workOf(t);
    const open0 = await openCount(shelter.id);
    const r = await run(
      t,
      "reportHazard",
      report(shelter.code, { source: "INSPECTION", fixedOnSite: true, comment: "现场已整改" }),
      county,
    );
    expect(r.hazard).toMatchObject({ status: "PENDING_ACCEPTANCE", version: 1, rectifiedOn: "2022-06-10" });
    expect(await openCount(shelter.id)).toBe(open0 + 1);
    const code = r.hazard!.code;
    expect(await run(t, "acceptRectification", { code, version: 1 }, county)).toMatchObject({
      __typename: "RuleError",
      rule: "acceptor",
    });
    // A unit never accepts: refused by the mutation's officer scope before it runs.
    expect(await run(t, "acceptRectification", { code, version: 1 }, unit)).toMatchObject({
      __typename: "ForbiddenError",
    });
    expect((await run(t, "acceptRectification", { code, version: 1 }, city)).hazard?.status).toBe("CLOSED");
    expect(await openCount(shelter.id)).toBe(open0);
    expect((await history(code)).map((e) => e.action)).toEqual(["REPORT", "ACCEPT"]);
    const major = await run(
      t,
      "reportHazard",
      report(shelter.code, { source: "INSPECTION", level: "MAJOR", fixedOnSite: true }),
      county,
    );
    expect(major).toMatchObject({
      __typename: "ValidationError",
      field: "fixedOnSite",
      rule: "generalOnly",
      // The field is named once, by the error, not again by its rule.
      message:
        "fixedOnSite: generalOnly: only a GENERAL hazard can be fixed on the spot (立查立改); a MAJOR one needs the five-in-place rectification",
    });
  });
});

describe("refused steps write nothing", () => {
  it("refuses steps out of order, on a closed hazard, and by the wrong role, with typed errors", async () => {
    const { shelter, unit, responsibleUnitCode } = await workOf(t);
    const code = (await run(t, "reportHazard", report(shelter.code), unit)).hazard!.code;
    const before = await footprint(t, code);
    const refused: [Parameters<typeof run>[1], Record<string, unknown>, object, Record<string, unknown>][] = [
      [
        "submitRectification",
        { code, version: 1, note: "已整改" },
        unit,
        { __typename: "RuleError", rule: "transition" },
      ],
      ["acceptRectification", { code, version: 1 }, city, { __typename: "RuleError", rule: "transition" }],
      [
        "rejectRectification",
        { code, version: 1, reason: "不合格" },
        city,
        { __typename: "RuleError", rule: "transition" },
      ],
      ["assignRectification", plan(code, 1, responsibleUnitCode), unit, { __typename: "ForbiddenError" }],
      ["assignRectification", plan(code, 1, responsibleUnitCode), analyst, { __typename: "ForbiddenError" }],
      [
        "assignRectification",
        plan(code, 1, responsibleUnitCode),
        otherCity,
        { __typename: "NotFoundError", field: "code" },
      ],
      [
        "assignRectification",
        plan(code, 1, "ORG-NOPE"),
        county,
        { __typename: "ValidationError", field: "responsibleUnitCode", rule: "exists" },
      ],
      [
        "assignRectification",
        plan(code, 1, responsibleUnitCode, { deadline: "2022-06-01" }),
        county,
        { __typename: "ValidationError", field: "deadline", rule: "range" },
      ],
      [
        "assignRectification",
        plan(code, 1, responsibleUnitCode, { responsiblePhone: "call me" }),
        county,
        { __typename: "ValidationError", field: "responsiblePhone", rule: "format" },
      ],
    ];
    for (const [name, input, token, expected] of refused) {
      expect(await run(t, name, input, token), `${name} as ${JSON.stringify(token)}`).toMatchObject(expected);
    }
    expect(await footprint(t, code)).toEqual(before);

    await run(t, "assignRectification", plan(code, 1, responsibleUnitCode), county);
    await run(t, "submitRectification", { code, version: 2, note: "已整改" }, unit);
    // A unit never accepts: refused by the mutation's officer scope before it runs.
    expect(await run(t, "acceptRectification", { code, version: 3 }, unit)).toMatchObject({
      __typename: "ForbiddenError",
    });
    await run(t, "acceptRectification", { code, version: 3 }, county);
    const closed = await footprint(t, code);
    for (const [name, input] of [
      ["assignRectification", plan(code, 4, responsibleUnitCode)],
      ["submitRectification", { code, version: 4, note: "再次整改" }],
      ["rejectRectification", { code, version: 4, reason: "重新打开" }],
      ["acceptRectification", { code, version: 4 }],
    ] as const) {
      expect(await run(t, name, input, admin)).toMatchObject({ __typename: "RuleError", rule: "closed" });
    }
    expect(await footprint(t, code)).toEqual(closed);
  });

  it("names every missing five-in-place field; MAJOR needs funds and a contingency plan", async () => {
    const { shelter, responsibleUnitCode } = await workOf(t);
    const code = (await run(t, "reportHazard", report(shelter.code, { level: "MAJOR", source: "INSPECTION" }), county))
      .hazard!.code;
    const before = await footprint(t, code);
    const missingAll = await run(t, "assignRectification", { code, version: 1 }, county);
    expect(missingAll).toMatchObject({
      __typename: "ValidationError",
      rule: "fiveInPlace",
      field: "responsibleUnitCode",
    });
    expect(missingAll.issues?.map((i) => i.field)).toEqual([
      "responsibleUnitCode",
      "responsiblePerson",
      "measures",
      "deadline",
      "funds",
      "contingencyPlan",
    ]);
    const noFunds = await run(
      t,
      "assignRectification",
      plan(code, 1, responsibleUnitCode, { contingencyPlan: null }),
      county,
    );
    expect(noFunds.issues).toEqual([
      { field: "funds", rule: "fiveInPlace" },
      { field: "contingencyPlan", rule: "fiveInPlace" },
    ]);
    expect(
      await run(
        t,
        "assignRectification",
        plan(code, 1, responsibleUnitCode, { funds: -1, contingencyPlan: "预案" }),
        county,
      ),
    ).toMatchObject({
      __typename: "ValidationError",
      field: "funds",
      rule: "range",
    });
    expect(await footprint(t, code)).toEqual(before);
    const ok = await run(
      t,
      "assignRectification",
      plan(code, 1, responsibleUnitCode, { funds: 50000, contingencyPlan: "设置警戒区域，专人值守" }),
      county,
    );
    expect(ok.hazard?.status).toBe("RECTIFYING");
  });

  it("refuses bad report input by field and rule", async () => {
    const { shelter, unit } = await workOf(t);
    const hazards = await t.database.prisma.hazard.count();
    expect(await run(t, "reportHazard", report(shelter.code, { title: "x" }), unit)).toMatchObject({
      field: "title",
      rule: "required",
    });
    expect(await run(t, "reportHazard", report(shelter.code, { discoveredOn: "2022-06-16" }), unit)).toMatchObject({
      field: "discoveredOn",
      rule: "range",
    });
    expect(await run(t, "reportHazard", report(shelter.code, { evidence: ["not a link"] }), unit)).toMatchObject({
      field: "evidence.0",
      rule: "format",
    });
    expect(await run(t, "reportHazard", report(shelter.code, { source: "INSPECTION" }), unit)).toMatchObject({
      __typename: "RuleError",
      rule: "selfCheck",
    });
    expect(await run(t, "reportHazard", report("RF-NOPE"), county)).toMatchObject({
      __typename: "NotFoundError",
      field: "shelterCode",
    });
    const elsewhere = await workOf(t, "360702");
    expect(await run(t, "reportHazard", report(elsewhere.shelter.code), unit)).toMatchObject({
      __typename: "NotFoundError",
    });
    expect(await t.database.prisma.hazard.count()).toBe(hazards);
  });
});

describe("concurrency", () => {
  it("a stale version gets a ConflictError with the current version, and writes nothing", async () => {
    const { shelter, unit, responsibleUnitCode } = await workOf(t);
    const code = (await run(t, "reportHazard", report(shelter.code), unit)).hazard!.code;
    await run(t, "assignRectification", plan(code, 1, responsibleUnitCode), county);
    const before = await footprint(t, code);
    const stale = await run(t, "submitRectification", { code, version: 1, note: "已整改" }, unit);
    expect(stale).toMatchObject({ __typename: "ConflictError", code: "CONFLICT", field: "version", currentVersion: 2 });
    expect(await footprint(t, code)).toEqual(before);
  });

  it("of two simultaneous steps on one version, exactly one wins and one event is written", async () => {
    const { shelter, responsibleUnitCode } = await workOf(t);
    const code = (await run(t, "reportHazard", report(shelter.code, { source: "PATROL" }), county)).hazard!.code;
    const results = await Promise.all([
      run(t, "assignRectification", plan(code, 1, responsibleUnitCode, { measures: "方案甲" }), county),
      run(t, "assignRectification", plan(code, 1, responsibleUnitCode, { measures: "方案乙" }), city),
    ]);
    expect(results.map((r) => r.__typename).sort()).toEqual(["ConflictError", "HazardPayload"]);
    expect((await history(code)).map((e) => e.action)).toEqual(["REPORT", "ASSIGN"]);
    expect((await footprint(t, code)).version).toBe(2);
  });

  it("hazard codes stay unique when many are reported at once", async () => {
    const { shelter } = await workOf(t, "360111");
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        run(t, "reportHazard", report(shelter.code, { title: `并发登记隐患 ${i}`, source: "PATROL" }), city),
      ),
    );
    const codes = results.map((r) => r.hazard!.code);
    expect(new Set(codes).size).toBe(8);
    for (const c of codes) expect(c).toMatch(/^YH-2022-360111-\d{4}$/);
  });

  it("leaves hazardStats' tally equal to a count of the hazards after all these steps", async () => {
    const { tally, counted } = await tallyAndCount(t);
    expect(Object.keys(counted).length).toBeGreaterThan(100);
    expect(tally).toEqual(counted);
  });
});
