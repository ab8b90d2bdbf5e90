// Campaigns and stage reports through the API (SPEC §2 rule 5): the seeded Jiangxi plan as data,
// createCampaign with its obligations, timeliness at the edges of a due date, the timeliness
// filter agreeing with the field, per-unit compliance counted in the database, and scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenClaims } from "../src/auth.ts";
import { resultOrRefusal, type TestApi, testApi } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

const CAMPAIGN = "JX-RF-2020-2022";
const nanchang = { role: "CITY_OFFICER" as const, regionCode: "360100", subject: "P-test-nc" };

describe("the seeded campaign", () => {
  it("is the Jiangxi plan with its four phases and its reporting deadlines", async () => {
    const r = await t.gql<{
      campaign: {
        startsOn: string;
        endsOn: string;
        phases: { name: string; startsOn: string; endsOn: string }[];
        deadlines: { dueOn: string; owedCount: number }[];
        currentPhase: { name: string };
        nextDeadline: { dueOn: string } | null;
      };
    }>(
      `query ($c: String!) { campaign(code: $c) { startsOn endsOn phases { name startsOn endsOn } deadlines { dueOn owedCount }
        currentPhase(asOf: "2020-07-01") { name } nextDeadline(asOf: "2020-10-01") { dueOn } } }`,
      { c: CAMPAIGN },
    );
    const c = r.data!.campaign;
    expect([c.startsOn, c.endsOn]).toEqual(["2020-04-01", "2022-12-31"]);
    expect(c.phases.map((p) => [p.name, p.startsOn, p.endsOn])).toEqual([
      ["动员部署", "2020-04-01", "2020-05-31"],
      ["排查整治", "2020-06-01", "2020-12-31"],
      ["集中攻坚", "2021-01-01", "2021-12-31"],
      ["巩固提升", "2022-01-01", "2022-12-31"],
    ]);
    expect(c.deadlines.map((d) => d.dueOn)).toEqual([
      "2020-09-30",
      "2020-12-31",
      "2021-03-31",
      "2021-06-30",
      "2021-09-30",
      "2021-12-31",
    ]);
    // 2020: the 11 city offices and the maintenance centre.
    expect(c.deadlines[0].owedCount).toBe(12);
    expect(c.currentPhase.name).toBe("排查整治");
    expect(c.nextDeadline?.dueOn).toBe("2020-12-31");
  });

  it("is visible to a city officer, who sees only its own office's obligations", async () => {
    const r = await t.gql<{
      campaigns: {
        totalCount: number;
        edges: { node: { deadlines: { owedCount: number; reports: { organization: { code: string } }[] }[] } }[];
      };
    }>(
      `{ campaigns(first: 5) { totalCount edges { node { deadlines { owedCount reports { organization { code } } } } } } }`,
      {},
      nanchang,
    );
    expect(r.data!.campaigns.totalCount).toBe(1);
    for (const d of r.data!.campaigns.edges[0].node.deadlines) {
      expect(d.owedCount).toBe(1);
      expect(d.reports.map((x) => x.organization.code)).toEqual(["ORG-360100-RFB"]);
    }
  });
});

const page = `query ($f: StageReportFilter, $asOf: Date) { stageReports(filter: $f, asOf: $asOf, first: 100) {
  totalCount edges { node { organization { code } deadline { dueOn } timeliness daysLate } } } }`;
type Row = { organization: { code: string }; deadline: { dueOn: string }; timeliness: string; daysLate: number };
async function reports(f: Record<string, unknown>, asOf?: string, token?: Partial<TokenClaims>) {
  const r = await t.gql<{ stageReports: { totalCount: number; edges: { node: Row }[] } }>(page, { f, asOf }, token);
  expect(r.errors).toBeUndefined();
  return { total: r.data!.stageReports.totalCount, rows: r.data!.stageReports.edges.map((e) => e.node) };
}

describe("timeliness of the seeded reports", () => {
  it("has some reports late and some missing", async () => {
    const late = await reports({ campaignCode: CAMPAIGN, timeliness: ["LATE"] });
    const missing = await reports({ campaignCode: CAMPAIGN, timeliness: ["MISSING"] });
    expect(late.total).toBeGreaterThan(0);
    expect(missing.total).toBeGreaterThan(0);
  });

  it("filters in SQL exactly as the timeliness field judges each row, at any asOf", async () => {
    for (const asOf of ["2020-09-29", "2020-09-30", "2020-10-01", "2021-04-15", "2022-06-15"]) {
      const all = await reports({ campaignCode: CAMPAIGN }, asOf);
      expect(all.total).toBe(84);
      for (const kind of ["ON_TIME", "LATE", "MISSING", "PENDING"]) {
        const filtered = await reports({ campaignCode: CAMPAIGN, timeliness: [kind] }, asOf);
        expect(filtered.total).toBe(all.rows.filter((r) => r.timeliness === kind).length);
        expect(new Set(filtered.rows.map((r) => r.timeliness))).toEqual(new Set(filtered.total ? [kind] : []));
      }
    }
    // Before the first due date nothing can be missing.
    expect((await reports({ campaignCode: CAMPAIGN, timeliness: ["MISSING", "LATE"] }, "2020-09-30")).total).toBe(0);
  });
});

const create = `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) {
  __typename ... on CampaignPayload { campaign { code phases { ordinal name } deadlines { id dueOn owedCount } } }
  ... on Error { code message } ... on ValidationError { field rule issues { field rule } } } }`;
const submit = `mutation ($input: SubmitStageReportInput!) { submitStageReport(input: $input) {
  __typename ... on StageReportPayload { stageReport { submittedAt timeliness organization { code } } }
  ... on Error { code } ... on ValidationError { field rule } ... on RuleError { field rule } ... on NotFoundError { field } } }`;
const plan = (deadlines: unknown[], phases?: unknown[]) => ({
  name: "2022年夏季人防工程防汛安全专项检查",
  regionCode: "360000",
  startsOn: "2022-06-01",
  endsOn: "2022-09-30",
  phases: phases ?? [
    { name: "自查自纠", startsOn: "2022-06-01", endsOn: "2022-06-30" },
    { name: "督查检查", startsOn: "2022-07-01", endsOn: "2022-09-30" },
  ],
  deadlines,
});

describe("createCampaign and submitStageReport", () => {
  // TODAY is 2022-06-15 (12:00 in China): one deadline was yesterday, one is today.
  const owing = ["ORG-360100-RFB", "ORG-360200-RFB"];
  let yesterday: string;
  let today: string;
  beforeAll(async () => {
    const r = await t.gql<{
      createCampaign: {
        __typename: string;
        campaign: { code: string; phases: unknown[]; deadlines: { id: string; owedCount: number }[] };
      };
    }>(
      create,
      {
        input: plan([
          { title: "自查情况报告", dueOn: "2022-06-14", recipient: "省人防办工程处", organizationCodes: owing },
          { title: "阶段情况报告", dueOn: "2022-06-15", recipient: "省人防办工程处", organizationCodes: owing },
        ]),
      },
      {},
    );
    expect(r.data!.createCampaign.__typename).toBe("CampaignPayload");
    const c = r.data!.createCampaign.campaign;
    expect(c.code).toMatch(/^ZX-360000-\d{4}$/);
    expect(c.phases).toEqual([
      { ordinal: 1, name: "自查自纠" },
      { ordinal: 2, name: "督查检查" },
    ]);
    expect(c.deadlines.map((d) => d.owedCount)).toEqual([2, 2]);
    [yesterday, today] = c.deadlines.map((d) => d.id);
    // Nanchang submits both (today), Jingdezhen neither.
    for (const deadlineId of [yesterday, today]) {
      const s = await t.gql<{ submitStageReport: { __typename: string } }>(
        submit,
        { input: { deadlineId, summary: "已完成辖区人防工程防汛安全自查，发现问题均已登记整改。" } },
        {
          ...nanchang,
          organizationId: (await t.database.prisma.organization.findUniqueOrThrow({ where: { code: owing[0] } })).id,
        },
      );
      expect(s.data!.submitStageReport.__typename).toBe("StageReportPayload");
    }
  });

  it("judges the due date itself on time, the day after late, and a missing report once the due date has passed", async () => {
    const at = async (deadlineId: string, asOf?: string) =>
      Object.fromEntries(
        (await reports({ deadlineId }, asOf)).rows.map((r) => [r.organization.code, [r.timeliness, r.daysLate]]),
      );
    expect(await at(today)).toEqual({ "ORG-360100-RFB": ["ON_TIME", 0], "ORG-360200-RFB": ["PENDING", 0] });
    expect(await at(yesterday)).toEqual({ "ORG-360100-RFB": ["LATE", 1], "ORG-360200-RFB": ["MISSING", 1] });
    expect(await at(yesterday, "2022-06-14")).toEqual({
      "ORG-360100-RFB": ["PENDING", 0],
      "ORG-360200-RFB": ["PENDING", 0],
    });
    expect(await at(today, "2022-06-16")).toEqual({
      "ORG-360100-RFB": ["ON_TIME", 0],
      "ORG-360200-RFB": ["MISSING", 1],
    });
  });

  it("refuses a second submission, another city's report, a reader and a short summary, writing nothing", async () => {
    const summary = "已完成辖区人防工程防汛安全自查。";
    const jdz = await t.database.prisma.organization.findUniqueOrThrow({ where: { code: owing[1] } });
    const before = await t.database.prisma.auditLog.count();
    const go = async (input: Record<string, unknown>, token: Partial<TokenClaims>) =>
      resultOrRefusal(
        await t.gql<{ submitStageReport: Record<string, unknown> }>(
          submit,
          { input: { deadlineId: today, summary, ...input } },
          token,
        ),
        "submitStageReport",
      );
    expect(await go({ organizationCode: owing[0] }, nanchang)).toMatchObject({
      __typename: "RuleError",
      rule: "alreadySubmitted",
    });
    expect(await go({ organizationCode: owing[1] }, nanchang)).toMatchObject({ __typename: "ForbiddenError" });
    expect(await go({ organizationCode: owing[1] }, { role: "ANALYST" as const })).toMatchObject({
      __typename: "ForbiddenError",
    });
    expect(await go({ organizationCode: "ORG-360300-RFB" }, {})).toMatchObject({
      __typename: "NotFoundError",
      field: "deadlineId",
    });
    expect(await go({ organizationCode: owing[1], summary: "已报" }, {})).toMatchObject({
      __typename: "ValidationError",
      field: "summary",
      rule: "required",
    });
    expect(await go({}, {})).toMatchObject({
      __typename: "ValidationError",
      field: "organizationCode",
      rule: "required",
    });
    expect(await t.database.prisma.auditLog.count()).toBe(before);
    expect(
      await t.database.prisma.stageReport.count({
        where: {
          organizationId: jdz.id,
          submittedAt: { not: null },
          deadline: { dueOn: { gte: new Date("2022-06-01") } },
        },
      }),
    ).toBe(0);
  });

  it("refuses a plan that does not hold together, naming every field and rule, and writes nothing", async () => {
    const campaigns = await t.database.prisma.campaign.count();
    const r = await t.gql<{ createCampaign: { __typename: string; issues: { field: string; rule: string }[] } }>(
      create,
      {
        input: plan(
          [
            {
              title: "报告",
              dueOn: "2022-10-31",
              recipient: "工程处",
              organizationCodes: ["ORG-360100-RFB", "ORG-NOPE"],
            },
            { title: "报告", dueOn: "2022-07-31", recipient: "工程处", organizationCodes: [] },
          ],
          [
            { name: "自查自纠", startsOn: "2022-06-01", endsOn: "2022-07-15" },
            { name: "督查检查", startsOn: "2022-07-01", endsOn: "2022-09-30" },
          ],
        ),
      },
      {},
    );
    expect(r.data!.createCampaign.__typename).toBe("ValidationError");
    expect(r.data!.createCampaign.issues).toEqual([
      { field: "phases.1.startsOn", rule: "sequence" },
      { field: "deadlines.0.dueOn", rule: "within" },
      { field: "deadlines.1.organizationCodes", rule: "required" },
    ]);
    const unknown = await t.gql<{ createCampaign: { issues: { field: string; rule: string }[] } }>(
      create,
      {
        input: plan([
          {
            title: "报告",
            dueOn: "2022-07-31",
            recipient: "工程处",
            organizationCodes: ["ORG-360100-RFB", "ORG-NOPE"],
          },
        ]),
      },
      {},
    );
    expect(unknown.data!.createCampaign.issues).toEqual([{ field: "deadlines.0.organizationCodes.1", rule: "exists" }]);
    const outside = await t.gql<{ createCampaign: { issues: { field: string; rule: string }[] } }>(
      create,
      {
        input: {
          ...plan([{ title: "报告", dueOn: "2022-07-31", recipient: "工程处", organizationCodes: ["ORG-360200-RFB"] }]),
          regionCode: "360100",
        },
      },
      nanchang,
    );
    expect(outside.data!.createCampaign.issues).toEqual([{ field: "deadlines.0.organizationCodes.0", rule: "scope" }]);
    expect(await t.database.prisma.campaign.count()).toBe(campaigns);
  });
});

describe("reportCompliance", () => {
  const query = `query ($f: StageReportFilter, $asOf: Date) { reportCompliance(filter: $f, asOf: $asOf) {
    organization { code } owed onTime late missing pending complianceRate } }`;
  type C = {
    organization: { code: string };
    owed: number;
    onTime: number;
    late: number;
    missing: number;
    pending: number;
    complianceRate: number | null;
  };

  it("counts each unit's reports as the list judges them, at a date", async () => {
    const asOf = "2021-07-10";
    const r = await t.gql<{ reportCompliance: C[] }>(query, { f: { campaignCode: CAMPAIGN }, asOf });
    const rows = (await reports({ campaignCode: CAMPAIGN }, asOf)).rows;
    const units = r.data!.reportCompliance;
    expect(units).toHaveLength(15);
    for (const u of units) {
      const own = rows.filter((x) => x.organization.code === u.organization.code);
      const n = (k: string) => own.filter((x) => x.timeliness === k).length;
      expect([u.owed, u.onTime, u.late, u.missing, u.pending]).toEqual([
        own.length,
        n("ON_TIME"),
        n("LATE"),
        n("MISSING"),
        n("PENDING"),
      ]);
      const due = u.onTime + u.late + u.missing;
      expect(u.complianceRate).toBe(due ? u.onTime / due : null);
    }
    expect(units.some((u) => u.pending > 0)).toBe(true);
  });

  it("costs the same few SQL statements for one unit as for all of them", async () => {
    t.queries.reset();
    await t.gql(query, { f: { campaignCode: CAMPAIGN, organizationCode: "ORG-360100-RFB" } });
    const one = t.queries.count;
    t.queries.reset();
    await t.gql(query, { f: { campaignCode: CAMPAIGN } });
    expect(t.queries.count).toBe(one);
    expect(t.queries.count).toBeLessThanOrEqual(6);
  });

  it("shows a city officer only its own office", async () => {
    const r = await t.gql<{ reportCompliance: C[] }>(query, { f: { campaignCode: CAMPAIGN } }, nanchang);
    expect(r.data!.reportCompliance.map((u) => u.organization.code)).toEqual(["ORG-360100-RFB"]);
    const list = await reports({ campaignCode: CAMPAIGN }, undefined, nanchang);
    expect(new Set(list.rows.map((x) => x.organization.code))).toEqual(new Set(["ORG-360100-RFB"]));
  });

  it("shows a unit only its own reports and lets it submit its own", async () => {
    const centre = await t.database.prisma.organization.findUniqueOrThrow({ where: { code: "ORG-360000-WHZX" } });
    const unit = { role: "UNIT_USER" as const, organizationId: centre.id, subject: "P-test-whzx" };
    const list = await reports({ campaignCode: CAMPAIGN }, undefined, unit);
    expect(list.total).toBe(6);
    expect(new Set(list.rows.map((x) => x.organization.code))).toEqual(new Set(["ORG-360000-WHZX"]));
    const r = await t.gql<{ reportCompliance: C[] }>(query, {}, unit);
    expect(r.data!.reportCompliance.map((u) => [u.organization.code, u.owed])).toEqual([["ORG-360000-WHZX", 6]]);
    // Its missing report, handed in today, counts as late from now on.
    const missing = await t.gql<{ stageReports: { edges: { node: { deadline: { id: string } } }[] } }>(
      `{ stageReports(filter: { timeliness: [MISSING] }, first: 1) { edges { node { deadline { id } } } } }`,
      {},
      unit,
    );
    const deadlineId = missing.data!.stageReports.edges[0].node.deadline.id;
    const s = await t.gql<{
      submitStageReport: { stageReport: { timeliness: string; organization: { code: string } } };
    }>(submit, { input: { deadlineId, summary: "补报：已完成本单位管理人防工程隐患排查整治。" } }, unit);
    expect(s.data!.submitStageReport.stageReport).toEqual(
      expect.objectContaining({ timeliness: "LATE", organization: { code: "ORG-360000-WHZX" } }),
    );
  });
});
