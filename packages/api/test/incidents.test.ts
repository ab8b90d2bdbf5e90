// Incident reports through the API: lateness at the edge of the limit (and a different limit),
// the link to the shift on duty, timeliness per office against the database, scope, bad input,
// and the SQL cost of a page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../src/yoga.ts";
import { SECRET, type TestApi, TODAY, testApi, tokenFor } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

const nanchang = { role: "CITY_OFFICER" as const, regionCode: "360100", subject: "P-test-nc" };
const minutesBefore = (min: number, ms = 0) => new Date(TODAY.getTime() - min * 60_000 - ms).toISOString();

const file = `mutation ($input: FileIncidentReportInput!) {
  fileIncidentReport(input: $input) {
    __typename
    ... on IncidentReportPayload { incidentReport { code delayMinutes isLate reportedAt dutyShift { date kind } organization { code } } }
    ... on Error { code message }
    ... on ValidationError { field rule }
    ... on RuleError { field rule }
    ... on NotFoundError { field }
  }
}`;
type Filed = {
  fileIncidentReport: {
    __typename: string;
    field?: string;
    rule?: string;
    incidentReport?: {
      code: string;
      delayMinutes: number;
      isLate: boolean;
      reportedAt: string;
      dutyShift: { date: string; kind: string } | null;
    };
  };
};
const input = (occurredAt: string, extra: Record<string, unknown> = {}) => ({
  organizationCode: "ORG-360100-RFB",
  occurredAt,
  summary: "出入口因强降雨积水，已组织抽排",
  severity: "SERIOUS",
  ...extra,
});

describe("fileIncidentReport", () => {
  it("is on time at exactly 60 minutes and late one second later; linked to the shift on duty", async () => {
    const onTime = await t.gql<Filed>(file, { input: input(minutesBefore(60)) }, nanchang);
    expect(onTime.errors).toBeUndefined();
    expect(onTime.data?.fileIncidentReport).toMatchObject({
      __typename: "IncidentReportPayload",
      incidentReport: {
        delayMinutes: 60,
        isLate: false,
        reportedAt: TODAY.toISOString(),
        dutyShift: { date: "2022-06-15", kind: "DAY" },
      },
    });
    expect(onTime.data!.fileIncidentReport.incidentReport!.code).toMatch(/^QB-20220615-\d{3}$/);
    const late = await t.gql<Filed>(file, { input: input(minutesBefore(60, 1000)) }, nanchang);
    expect(late.data?.fileIncidentReport.incidentReport).toMatchObject({ delayMinutes: 61, isLate: true });

    const codes = [onTime, late].map((r) => r.data!.fileIncidentReport.incidentReport!.code);
    const listed = await t.gql<{ incidentReports: { edges: { node: { code: string } }[] } }>(
      `{ incidentReports(filter: { organizationCode: "ORG-360100-RFB", late: true, from: "2022-06-15", to: "2022-06-15" }, first: 100) { edges { node { code } } } }`,
      {},
      nanchang,
    );
    const lateCodes = listed.data!.incidentReports.edges.map((e) => e.node.code);
    expect(lateCodes).toContain(codes[1]);
    expect(lateCodes).not.toContain(codes[0]);
    expect(await t.database.prisma.auditLog.count({ where: { operation: "fileIncidentReport" } })).toBe(2);
  });

  it("follows the deployment's limit", async () => {
    const report = await t.database.prisma.incidentReport.findFirstOrThrow({
      where: { delaySeconds: { gt: 3600, lte: 7200 } },
    });
    const api = createApi({
      database: t.database,
      tokenSecret: SECRET,
      now: () => TODAY,
      settings: { incidentLateMinutes: 120 },
    });
    const ask = async (a: { fetch: typeof api.fetch }) => {
      const res = await a.fetch("http://yoga/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await tokenFor({})}` },
        body: JSON.stringify({
          query: `{ incidentReports(filter: { late: true }, first: 100) { totalCount edges { node { code isLate } } } }`,
        }),
      });
      return (await res.json()).data.incidentReports as {
        totalCount: number;
        edges: { node: { code: string; isLate: boolean } }[];
      };
    };
    const strict = await ask(t.api);
    const lenient = await ask(api);
    expect(strict.totalCount).toBe(
      await t.database.prisma.incidentReport.count({ where: { delaySeconds: { gt: 3600 } } }),
    );
    expect(lenient.totalCount).toBe(
      await t.database.prisma.incidentReport.count({ where: { delaySeconds: { gt: 7200 } } }),
    );
    expect(strict.edges.map((e) => e.node.code)).toContain(report.code);
    expect(lenient.edges.map((e) => e.node.code)).not.toContain(report.code);
    for (const e of [...strict.edges, ...lenient.edges]) expect(e.node.isLate).toBe(true);
  });

  it("refuses bad times and unknown or foreign offices, writing nothing", async () => {
    const before = await t.database.prisma.incidentReport.count();
    const county = { role: "COUNTY_OFFICER" as const, regionCode: "360102", subject: "P-dh" };
    const cases: [Record<string, unknown>, Record<string, unknown>, Record<string, string>][] = [
      [
        input(minutesBefore(10), { reportedAt: minutesBefore(20) }),
        nanchang,
        { __typename: "ValidationError", field: "reportedAt", rule: "order" },
      ],
      [input(minutesBefore(-60)), nanchang, { __typename: "ValidationError", field: "occurredAt", rule: "notFuture" }],
      [
        input(minutesBefore(10), { summary: "水" }),
        nanchang,
        { __typename: "ValidationError", field: "summary", rule: "required" },
      ],
      [
        input(minutesBefore(10), { organizationCode: "ORG-360700-RFB" }),
        nanchang,
        { __typename: "NotFoundError", field: "organizationCode" },
      ],
      [input(minutesBefore(10)), county, { __typename: "NotFoundError", field: "organizationCode" }],
      [
        input(minutesBefore(10), { organizationCode: "ORG-360100-JTJ" }),
        nanchang,
        { __typename: "RuleError", rule: "office" },
      ],
    ];
    for (const [i, token, expected] of cases) {
      const r = await t.gql<Filed>(file, { input: i }, token);
      expect(r.data?.fileIncidentReport, JSON.stringify(expected)).toMatchObject(expected);
    }
    // PUBLIC and ANALYST are stopped by the `writer` auth scope before the resolver runs.
    for (const token of [null, { role: "ANALYST" as const, subject: "P-analyst" }]) {
      const r = await t.gql<Filed>(file, { input: input(minutesBefore(10)) }, token);
      expect(r.data?.fileIncidentReport?.__typename ?? r.errors?.[0].extensions?.code).toMatch(
        /^(ForbiddenError|FORBIDDEN)$/,
      );
    }
    expect(await t.database.prisma.incidentReport.count()).toBe(before);
  });
});

describe("reading incident reports", () => {
  it("counts reports and late ones per office, as the database does", async () => {
    type Row = {
      organization: { code: string };
      total: number;
      late: number;
      onTime: number;
      lateRate: number;
      maxDelayMinutes: number;
    };
    const r = await t.gql<{ incidentTimeliness: Row[] }>(
      `{ incidentTimeliness(filter: { regionCode: "360100" }) { organization { code } total late onTime lateRate maxDelayMinutes } }`,
      {},
      nanchang,
    );
    expect(r.errors).toBeUndefined();
    const rows = r.data!.incidentTimeliness;
    const totals = await t.database.prisma.incidentReport.groupBy({
      by: ["organizationId"],
      where: { cityCode: "360100" },
      _count: { _all: true },
    });
    expect(rows).toHaveLength(totals.length);
    expect(rows.reduce((s, x) => s + x.total, 0)).toBe(
      await t.database.prisma.incidentReport.count({ where: { cityCode: "360100" } }),
    );
    expect(rows.reduce((s, x) => s + x.late, 0)).toBe(
      await t.database.prisma.incidentReport.count({ where: { cityCode: "360100", delaySeconds: { gt: 3600 } } }),
    );
    expect(rows.some((x) => x.late > 0)).toBe(true);
    for (const x of rows) {
      expect(x.onTime + x.late).toBe(x.total);
      expect(x.lateRate).toBeCloseTo(x.late / x.total);
      expect(x.organization.code.startsWith("ORG-3601")).toBe(true);
    }
    expect(rows.map((x) => x.organization.code)).toEqual(rows.map((x) => x.organization.code).sort());
  });

  it("shows officers their region only, and PUBLIC the reports without the reporter", async () => {
    const q = `query ($f: IncidentFilter) { incidentReports(filter: $f, first: 50) { totalCount edges { node { code reportedBy organization { code } } } } }`;
    type Page = {
      incidentReports: {
        totalCount: number;
        edges: { node: { reportedBy: string | null; organization: { code: string } } }[];
      };
    };
    const gz = { role: "CITY_OFFICER" as const, regionCode: "360700", subject: "P-gz" };
    const mine = await t.gql<Page>(q, {}, gz);
    expect(mine.data!.incidentReports.totalCount).toBe(
      await t.database.prisma.incidentReport.count({ where: { cityCode: "360700" } }),
    );
    for (const e of mine.data!.incidentReports.edges) expect(e.node.reportedBy).toBeTruthy();
    const foreign = await t.gql<Page>(q, { f: { regionCode: "360100" } }, gz);
    expect(foreign.data!.incidentReports.totalCount).toBe(0);
    const stats = await t.gql<{ incidentTimeliness: unknown[] }>(
      `{ incidentTimeliness(filter: { regionCode: "360100" }) { total } }`,
      {},
      gz,
    );
    expect(stats.data!.incidentTimeliness).toEqual([]);
    // Nor by global id.
    const nc = await t.database.prisma.incidentReport.findFirstOrThrow({ where: { cityCode: "360100" } });
    const admin = await t.gql<{ incidentReports: { edges: { node: { id: string } }[] } }>(
      `query ($c: String!) { incidentReports(filter: { organizationCode: $c }, first: 1) { edges { node { id } } } }`,
      { c: (await t.database.prisma.organization.findUniqueOrThrow({ where: { id: nc.organizationId } })).code },
      {},
    );
    const id = admin.data!.incidentReports.edges[0].node.id;
    const byId = `query ($id: ID!) { node(id: $id) { id ... on IncidentReport { summary } } }`;
    expect((await t.gql<{ node: unknown }>(byId, { id }, gz)).data?.node ?? null).toBeNull();
    expect((await t.gql<{ node: { id: string } }>(byId, { id }, nanchang)).data?.node?.id).toBe(id);
    const pub = await t.gql<Page>(q, {});
    expect(pub.data!.incidentReports.totalCount).toBe(await t.database.prisma.incidentReport.count());
    for (const e of pub.data!.incidentReports.edges) expect(e.node.reportedBy).toBeNull();
  });

  it("costs the same number of SQL statements for 10 or 50 reports", async () => {
    // Latest first: both pages hold reports with a work and with a shift on duty, so every nested level is loaded.
    const q = (n: number) =>
      `{ incidentReports(first: ${n}) { totalCount edges { node { code isLate delayMinutes organization { name } shelter { code } dutyShift { kind leader { name } } } } } }`;
    const total = await t.database.prisma.incidentReport.count();
    t.queries.reset();
    const ten = await t.gql<{ incidentReports: { edges: { node: { shelter: unknown; dutyShift: unknown } }[] } }>(
      q(10),
      {},
      {},
    );
    const tenCount = t.queries.count;
    expect(ten.data!.incidentReports.edges.some((e) => e.node.shelter && e.node.dutyShift)).toBe(true);
    t.queries.reset();
    const r = await t.gql<{ incidentReports: { edges: unknown[] } }>(q(50), {}, {});
    expect(t.queries.count).toBe(tenCount);
    expect(r.data!.incidentReports.edges).toHaveLength(Math.min(50, total));
    expect(tenCount).toBeLessThanOrEqual(8);
  });

  it("sorts by delay", async () => {
    const r = await t.gql<{ incidentReports: { edges: { node: { delayMinutes: number } }[] } }>(
      `{ incidentReports(first: 30, orderBy: [{ field: DELAY, direction: DESC }]) { edges { node { delayMinutes } } } }`,
      {},
      {},
    );
    const delays = r.data!.incidentReports.edges.map((e) => e.node.delayMinutes);
    expect(delays.length).toBeGreaterThan(1);
    expect([...delays].sort((a, b) => b - a)).toEqual(delays);
  });
});
