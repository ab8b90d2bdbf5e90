// 督办 and 停业整顿 through the API: overdue MAJOR hazards are escalated once to the office above
// and can be listed; a work is suspended only with an open MAJOR hazard and reopens only when
// all its MAJOR hazards are closed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, city, county, plan, resultOf, run, workOf } from "./hazard-helpers.ts";
import { type TestApi, testApi } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

const escalate = `mutation ($input: EscalateOverdueHazardsInput!) {
  escalateOverdueHazards(input: $input) {
    __typename
    ... on EscalationPayload { count hazards { code escalatedAt escalatedTo { code name } version history { action comment } } }
    ... on Error { code message }
  }
}`;
type Escalated = {
  escalateOverdueHazards: {
    __typename: string;
    count: number;
    hazards: { code: string; escalatedTo: { code: string }; version: number; history: { action: string }[] }[];
  };
};

/** A MAJOR hazard of the work, assigned with a deadline already past (2022-06-01; today is 2022-06-15). */
async function overdueMajor(shelterCode: string, responsibleUnitCode: string) {
  const r = await run(
    t,
    "reportHazard",
    {
      shelterCode,
      title: "消防水池无水、消防泵故障",
      category: "FIRE",
      level: "MAJOR",
      source: "INSPECTION",
      discoveredOn: "2022-05-01",
    },
    county,
  );
  const code = r.hazard!.code;
  await run(
    t,
    "assignRectification",
    plan(code, 1, responsibleUnitCode, { deadline: "2022-06-01", funds: 80000, contingencyPlan: "专人值守" }),
    county,
  );
  return code;
}

describe("escalation (督办)", () => {
  it("escalates every overdue MAJOR hazard of the region once, to its city, leaving versions alone", async () => {
    const { shelter, responsibleUnitCode } = await workOf(t);
    const code = await overdueMajor(shelter.code, responsibleUnitCode);
    const due = await t.database.prisma.hazard.count({
      where: {
        cityCode: "360100",
        level: "MAJOR",
        escalatedAt: null,
        status: { in: ["REPORTED", "RECTIFYING"] },
        deadline: { lt: new Date("2022-06-15") },
      },
    });
    expect(due).toBeGreaterThan(0);

    const r = await t.gql<Escalated>(escalate, { input: { regionCode: "360100" } }, city);
    const payload = r.data!.escalateOverdueHazards;
    expect(payload.count).toBe(due);
    const mine = payload.hazards.find((h) => h.code === code)!;
    expect(mine).toMatchObject({ escalatedTo: { code: "360100" }, version: 2 });
    expect(mine.history.map((e) => e.action)).toEqual(["REPORT", "ASSIGN", "ESCALATE"]);
    expect(
      payload.hazards.every((h) => h.escalatedTo.code === "360100" && h.history.at(-1)?.action === "ESCALATE"),
    ).toBe(true);

    const again = await t.gql<Escalated>(escalate, { input: { regionCode: "360100" } }, city);
    expect(again.data!.escalateOverdueHazards.count).toBe(0);

    const listed = await t.gql<{ hazards: { edges: { node: { code: string } }[] } }>(
      `{ hazards(filter: { regionCode: "360100", escalated: true, level: [MAJOR], overdue: true }, first: 100) { edges { node { code } } } }`,
      {},
      city,
    );
    expect(listed.data!.hazards.edges.map((e) => e.node.code)).toContain(code);
    // A workflow step still works with the version the office read before the escalation.
    const submitted = await run(t, "submitRectification", { code, version: 2, note: "已修复消防泵" }, county);
    expect(submitted.hazard?.status).toBe("PENDING_ACCEPTANCE");
  });

  it("is an office's job, within its own region", async () => {
    const { unit } = await workOf(t);
    const byUnit = await t.gql<Escalated>(escalate, { input: {} }, unit);
    expect(resultOf(byUnit, "escalateOverdueHazards").__typename).toBe("ForbiddenError");
    const outside = await t.gql<Escalated>(escalate, { input: { regionCode: "360700" } }, city);
    expect(outside.data!.escalateOverdueHazards.__typename).toBe("ForbiddenError");
    const r = await t.gql<Escalated>(escalate, { input: {} }, admin);
    expect(r.data!.escalateOverdueHazards.__typename).toBe("EscalationPayload");
    expect(
      await t.database.prisma.hazard.count({
        where: {
          level: "MAJOR",
          escalatedAt: null,
          status: { in: ["REPORTED", "RECTIFYING"] },
          deadline: { lt: new Date("2022-06-15") },
        },
      }),
    ).toBe(0);
  });
});

const suspend = `mutation ($input: SuspendShelterInput!) {
  suspendShelter(input: $input) {
    __typename
    ... on SuspensionPayload { shelter { status version } suspension { status reason orderedOn hazard { code } reopenedOn } }
    ... on Error { code message }
    ... on RuleError { rule field }
    ... on ConflictError { currentVersion }
  }
}`;
const reopen = suspend
  .replace("SuspendShelterInput", "ReopenShelterInput")
  .replace("suspendShelter(", "reopenShelter(");
type Suspended = Record<
  string,
  {
    __typename: string;
    rule?: string;
    shelter?: { status: string; version: number };
    suspension?: Record<string, unknown>;
  }
>;

describe("suspension (停业整顿)", () => {
  it("suspends only with an open MAJOR hazard and reopens only when all are closed", async () => {
    const p = t.database.prisma;
    const noMajor = { status: "IN_USE", hazards: { none: { level: "MAJOR", status: { not: "CLOSED" } } } };
    const { shelter, unit, responsibleUnitCode } = await workOf(t, "360102", noMajor);
    const refused = await t.gql<Suspended>(
      suspend,
      { input: { shelterCode: shelter.code, version: shelter.version, reason: "无重大隐患" } },
      county,
    );
    expect(refused.data!.suspendShelter).toMatchObject({ __typename: "RuleError", rule: "majorHazard" });

    const code = await overdueMajor(shelter.code, responsibleUnitCode);
    const v = (await p.shelter.findUniqueOrThrow({ where: { id: shelter.id } })).version;
    expect(
      (
        await t.gql<Suspended>(
          suspend,
          { input: { shelterCode: shelter.code, version: v - 1, reason: "存在重大隐患" } },
          county,
        )
      ).data!.suspendShelter.__typename,
    ).toBe("ConflictError");
    const byUnit = await t.gql<Suspended>(
      suspend,
      { input: { shelterCode: shelter.code, version: v, reason: "x" } },
      unit,
    );
    expect(resultOf(byUnit, "suspendShelter").__typename).toBe("ForbiddenError");
    const ok = await t.gql<Suspended>(
      suspend,
      { input: { shelterCode: shelter.code, version: v, reason: "存在重大火灾隐患" } },
      county,
    );
    expect(ok.data!.suspendShelter).toMatchObject({
      shelter: { status: "SUSPENDED", version: v + 1 },
      suspension: { status: "ACTIVE", reason: "存在重大火灾隐患", orderedOn: "2022-06-15", hazard: { code } },
    });

    const early = await t.gql<Suspended>(reopen, { input: { shelterCode: shelter.code, version: v + 1 } }, county);
    expect(early.data!.reopenShelter).toMatchObject({ __typename: "RuleError", rule: "majorHazard" });
    await run(t, "submitRectification", { code, version: 2, note: "已修复" }, unit);
    await run(t, "acceptRectification", { code, version: 3 }, city);
    const reopened = await t.gql<Suspended>(reopen, { input: { shelterCode: shelter.code, version: v + 1 } }, county);
    expect(reopened.data!.reopenShelter).toMatchObject({
      shelter: { status: "IN_USE", version: v + 2 },
      suspension: { status: "LIFTED", reopenedOn: "2022-06-15" },
    });
    expect(
      await p.auditLog.count({
        where: { operation: { in: ["suspendShelter", "reopenShelter"] }, recordId: String(shelter.id) },
      }),
    ).toBe(2);
  });
});
