// Duty rosters through the API: scheduling with the roster rules, the roster and who is on duty,
// who may schedule which office, what PUBLIC sees of the people, and the SQL cost of a page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, testApi } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

const DONGHU = "360102";
const county = { role: "COUNTY_OFFICER" as const, regionCode: DONGHU, subject: "P-test-dh" };
const nanchang = { role: "CITY_OFFICER" as const, regionCode: "360100", subject: "P-test-nc" };

const schedule = `mutation ($input: ScheduleDutyShiftInput!) {
  scheduleDutyShift(input: $input) {
    __typename
    ... on DutyShiftPayload { dutyShift { id date kind startsAt endsAt organization { code } leader { code } officers { code } } }
    ... on Error { code message }
    ... on RuleError { rule field }
    ... on ValidationError { rule field }
    ... on NotFoundError { field }
  }
}`;
type Result = {
  scheduleDutyShift: {
    __typename: string;
    code?: string;
    rule?: string;
    field?: string;
    dutyShift?: Record<string, unknown>;
  };
};

async function staffOf(regionCode: string) {
  const org = await t.database.prisma.organization.findUniqueOrThrow({
    where: { code: `ORG-${regionCode}-RFB` },
    include: { people: { orderBy: { id: "asc" } } },
  });
  return { org, leaders: org.people.filter((p) => p.isLeader), officers: org.people.filter((p) => !p.isLeader) };
}

describe("scheduleDutyShift", () => {
  it("schedules a county office's day shift at Beijing 08:30–17:30 and shows it in the roster and on duty", async () => {
    const { org, leaders, officers } = await staffOf(DONGHU);
    const input = {
      organizationCode: org.code,
      date: "2022-06-20",
      kind: "DAY",
      leaderCode: leaders[0].code,
      officerCodes: [officers[0].code],
    };
    const r = await t.gql<Result>(schedule, { input }, county);
    expect(r.errors).toBeUndefined();
    expect(r.data?.scheduleDutyShift).toMatchObject({
      __typename: "DutyShiftPayload",
      dutyShift: {
        date: "2022-06-20",
        kind: "DAY",
        startsAt: "2022-06-20T00:30:00.000Z",
        endsAt: "2022-06-20T09:30:00.000Z",
        organization: { code: org.code },
        leader: { code: leaders[0].code },
        officers: [{ code: officers[0].code }],
      },
    });
    expect(await t.database.prisma.auditLog.count({ where: { operation: "scheduleDutyShift" } })).toBe(1);

    const roster = await t.gql<{
      dutyShifts: { totalCount: number; edges: { node: { kind: string; organization: { code: string } } }[] };
    }>(
      `{ dutyShifts(regionCode: "${DONGHU}", from: "2022-06-20", to: "2022-06-26", first: 10) { totalCount edges { node { kind organization { code } } } } }`,
      {},
      county,
    );
    expect(roster.data?.dutyShifts.totalCount).toBe(1);
    const onDuty = await t.gql<{ onDuty: { kind: string; isOnDuty: boolean }[] }>(
      `{ onDuty(regionCode: "${DONGHU}", at: "2022-06-20T09:29:59Z") { kind isOnDuty } }`,
      {},
      county,
    );
    expect(onDuty.data?.onDuty).toEqual([{ kind: "DAY", isOnDuty: false }]);
    const after = await t.gql<{ onDuty: unknown[] }>(
      `{ onDuty(regionCode: "${DONGHU}", at: "2022-06-20T09:30:00Z") { kind } }`,
      {},
      county,
    );
    expect(after.data?.onDuty).toEqual([]);
  });

  it("enforces the roster rules with typed errors and writes nothing when refused", async () => {
    const { org, leaders, officers } = await staffOf(DONGHU);
    const base = {
      organizationCode: org.code,
      date: "2022-06-21",
      leaderCode: leaders[0].code,
      officerCodes: [officers[0].code],
    };
    const ok = await t.gql<Result>(schedule, { input: { ...base, kind: "DAY" } }, county);
    expect(ok.data?.scheduleDutyShift.__typename).toBe("DutyShiftPayload");
    const before = await t.database.prisma.dutyShift.count();

    const cases: [Record<string, unknown>, Record<string, string>][] = [
      // Not a leader leading the shift.
      [
        { ...base, kind: "NIGHT", leaderCode: officers[1].code, officerCodes: [officers[2].code] },
        { rule: "leader", field: "leaderCode" },
      ],
      // A second day shift of the same office.
      [
        { ...base, kind: "DAY", leaderCode: leaders[1].code, officerCodes: [officers[1].code] },
        { rule: "officeOverlap", field: "kind" },
      ],
      // The day's leader again on a 24-hour shift that overlaps the day shift.
      [
        { ...base, kind: "FULL_DAY", leaderCode: leaders[0].code, officerCodes: [officers[1].code] },
        { rule: "personOverlap", field: "leaderCode" },
      ],
      // The day's officer on the overlapping 24-hour shift.
      [
        { ...base, kind: "FULL_DAY", leaderCode: leaders[1].code, officerCodes: [officers[0].code] },
        { rule: "personOverlap", field: "officerCodes" },
      ],
      // Nobody on duty but the leader.
      [
        { ...base, kind: "NIGHT", leaderCode: leaders[1].code, officerCodes: [] },
        { rule: "required", field: "officerCodes" },
      ],
      // The leader named again as an officer.
      [
        { ...base, kind: "NIGHT", leaderCode: leaders[1].code, officerCodes: [leaders[1].code] },
        { rule: "unique", field: "officerCodes" },
      ],
    ];
    for (const [input, expected] of cases) {
      const r = await t.gql<Result>(schedule, { input }, county);
      expect(r.errors, JSON.stringify(expected)).toBeUndefined();
      expect(r.data?.scheduleDutyShift, JSON.stringify(expected)).toMatchObject(expected);
    }
    expect(await t.database.prisma.dutyShift.count()).toBe(before);

    // The night shift that follows the day shift back to back is fine, even with the same people.
    const night = await t.gql<Result>(schedule, { input: { ...base, kind: "NIGHT" } }, county);
    expect(night.data?.scheduleDutyShift.__typename).toBe("DutyShiftPayload");
  });
});

describe("concurrent scheduling", () => {
  it("lets only one of two simultaneous same-kind shifts of an office through", async () => {
    const { org, leaders, officers } = await staffOf("360104");
    const shift = (leader: number, officer: number) => ({
      organizationCode: org.code,
      date: "2022-06-23",
      kind: "FULL_DAY",
      leaderCode: leaders[leader].code,
      officerCodes: [officers[officer].code],
    });
    const results = await Promise.all([
      t.gql<Result>(schedule, { input: shift(0, 0) }, nanchang),
      t.gql<Result>(schedule, { input: shift(1, 1) }, nanchang),
    ]);
    expect(results.map((r) => r.data?.scheduleDutyShift.__typename).sort()).toEqual(["DutyShiftPayload", "RuleError"]);
    expect(
      results.find((r) => r.data?.scheduleDutyShift.__typename === "RuleError")?.data?.scheduleDutyShift.rule,
    ).toBe("officeOverlap");
    expect(
      await t.database.prisma.dutyShift.count({ where: { organizationId: org.id, date: new Date("2022-06-23") } }),
    ).toBe(1);
  });
});

describe("who may schedule", () => {
  it("lets a county officer schedule only its own office; a city officer its city's offices", async () => {
    const other = await staffOf("360103");
    const city = await staffOf("360100");
    const input = (s: Awaited<ReturnType<typeof staffOf>>) => ({
      organizationCode: s.org.code,
      date: "2022-06-22",
      kind: "DAY",
      leaderCode: s.leaders[0].code,
      officerCodes: [s.officers[0].code],
    });
    const before = await t.database.prisma.dutyShift.count();
    for (const s of [other, city]) {
      const r = await t.gql<Result>(schedule, { input: input(s) }, county);
      expect(r.data?.scheduleDutyShift).toMatchObject({ __typename: "NotFoundError", field: "organizationCode" });
    }
    const unit = await t.gql<Result>(
      schedule,
      { input: input(other) },
      { role: "UNIT_USER", organizationId: other.org.id, subject: "P-unit" },
    );
    // Units are refused by the mutation's `officer` scope before it runs.
    expect(unit.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    // Read-only roles are stopped by the `writer` auth scope before the resolver runs.
    for (const token of [{ role: "ANALYST" as const, subject: "P-analyst" }, null]) {
      const r = await t.gql<Result>(schedule, { input: input(other) }, token);
      expect(r.data?.scheduleDutyShift?.__typename ?? r.errors?.[0].extensions?.code).toMatch(
        /^(ForbiddenError|FORBIDDEN)$/,
      );
    }
    expect(await t.database.prisma.dutyShift.count()).toBe(before);

    const byCity = await t.gql<Result>(schedule, { input: input(other) }, nanchang);
    expect(byCity.data?.scheduleDutyShift.__typename).toBe("DutyShiftPayload");
  });
});

describe("reading rosters", () => {
  const week = `query ($region: String) {
    dutyShifts(regionCode: $region, from: "2022-06-13", to: "2022-06-19", first: 50) {
      totalCount
      edges { node { date kind leaderTitle isOnDuty organization { code name } leader { name phone } officers { name phone } } }
    }
  }`;
  type Week = {
    dutyShifts: {
      totalCount: number;
      edges: {
        node: {
          leaderTitle: string;
          isOnDuty: boolean;
          organization: { code: string };
          leader: { name: string; phone: string } | null;
          officers: { name: string }[];
        };
      }[];
    };
  };

  it("shows PUBLIC the offices, hours and the leader's post but no names or phone numbers", async () => {
    const r = await t.gql<Week>(week, { region: "360100" });
    expect(r.errors).toBeUndefined();
    const shifts = r.data!.dutyShifts.edges.map((e) => e.node);
    expect(shifts.length).toBeGreaterThan(0);
    for (const s of shifts) {
      expect(s.leader).toBeNull();
      expect(s.officers).toEqual([]);
      expect(s.leaderTitle).toBeTruthy();
    }
    const people = await t.database.prisma.person.findMany({ where: { organization: { code: "ORG-360100-RFB" } } });
    const body = JSON.stringify(r);
    for (const p of people) {
      expect(body).not.toContain(p.name);
      if (p.phone) expect(body).not.toContain(p.phone);
    }
    expect(shifts.filter((s) => s.isOnDuty)).toHaveLength(1);
  });

  it("shows staff the leader and officers with phone numbers, only within their region", async () => {
    const r = await t.gql<Week>(week, { region: null }, nanchang);
    const shifts = r.data!.dutyShifts.edges.map((e) => e.node);
    expect(r.data!.dutyShifts.totalCount).toBe(
      await t.database.prisma.dutyShift.count({
        where: { cityCode: "360100", date: { gte: new Date("2022-06-13"), lte: new Date("2022-06-19") } },
      }),
    );
    for (const s of shifts) {
      expect(s.organization.code.slice(0, 8)).toBe("ORG-3601");
      expect(s.leader?.name).toBeTruthy();
      expect(s.leader?.phone).toBeTruthy();
      expect(s.officers.length).toBeGreaterThan(0);
    }
    const elsewhere = await t.gql<Week>(week, { region: "360700" }, nanchang);
    expect(elsewhere.data!.dutyShifts.totalCount).toBe(0);
    const unit = await t.gql<Week>(week, { region: null }, { role: "UNIT_USER", organizationId: 1, subject: "P-unit" });
    expect(unit.data!.dutyShifts.totalCount).toBe(0);
  });

  it("lists who is on duty now: each city office's day shift at noon on a weekday", async () => {
    const r = await t.gql<{ onDuty: { kind: string; organization: { code: string } }[] }>(
      `{ onDuty(regionCode: "360000") { kind organization { code } } }`,
    );
    const cities = r.data!.onDuty.filter(
      (s) => /^ORG-36\d\d00-RFB$/.test(s.organization.code) && s.organization.code !== "ORG-360000-RFB",
    );
    expect(cities).toHaveLength(11);
    expect(new Set(cities.map((s) => s.kind))).toEqual(new Set(["DAY"]));
  });

  it("costs the same number of SQL statements for 10 or 50 shifts", async () => {
    t.queries.reset();
    const ten = await t.gql<Week>(week.replace("first: 50", "first: 10"), { region: "360000" }, {});
    const tenCount = t.queries.count;
    t.queries.reset();
    const fifty = await t.gql<Week>(week, { region: "360000" }, {});
    expect(ten.data!.dutyShifts.edges).toHaveLength(10);
    expect(fifty.data!.dutyShifts.edges).toHaveLength(50);
    expect(t.queries.count).toBe(tenCount);
    expect(tenCount).toBeLessThanOrEqual(6);
  });
});
