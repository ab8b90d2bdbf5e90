// Drills/assessments and responsibility letters through the API: recording a metro-station
// assessment, turning its finding into a hazard that enters the closed loop, letters once per
// organization and year, what PUBLIC and other cities see.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenClaims } from "../src/auth.ts";
import { resultOrRefusal, type TestApi, testApi } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

const nanchang = { role: "CITY_OFFICER" as const, regionCode: "360100", subject: "P-test-nc", name: "测试员" };
const ganzhou = { role: "CITY_OFFICER" as const, regionCode: "360700", subject: "P-test-gz" };

const record = `mutation ($input: RecordDrillInput!) { recordDrill(input: $input) {
  __typename ... on DrillPayload { drill { code kind heldOn metroStation score region { code } city { code } shelter { code } } }
  ... on Error { code } ... on ValidationError { field rule } ... on NotFoundError { field } } }`;
const finding = `mutation ($input: RegisterDrillFindingInput!) { registerDrillFinding(input: $input) {
  __typename ... on DrillFindingPayload { hazard { code status source level discoveredOn shelter { code openHazardCount }
    history { action fromStatus toStatus } } drill { code hazardCount hazards { code } } }
  ... on Error { code } ... on ValidationError { field rule } ... on NotFoundError { field } } }`;

describe("drills and assessments", () => {
  let station: { code: string; regionCode: string; metroStation: string | null; openHazardCount: number };
  let drillCode: string;
  beforeAll(async () => {
    station = await t.database.prisma.shelter.findFirstOrThrow({
      where: { cityCode: "360100", metroStation: { not: null } },
    });
  });

  it("records a Nanchang metro-station evacuation assessment with its score", async () => {
    const r = await t.gql<{
      recordDrill: {
        __typename: string;
        drill: {
          code: string;
          score: number;
          region: { code: string };
          city: { code: string };
          shelter: { code: string };
        };
      };
    }>(
      record,
      {
        input: {
          kind: "ASSESSMENT",
          title: `${station.metroStation}站安全疏散及应急救援能力评估`,
          heldOn: "2022-06-10",
          organizationCode: "ORG-360100-RFB",
          shelterCode: station.code,
          metroStation: station.metroStation,
          score: 86.5,
          findings: "站厅层疏散指示标志不连续",
        },
      },
      nanchang,
    );
    expect(r.data!.recordDrill.__typename).toBe("DrillPayload");
    const d = r.data!.recordDrill.drill;
    expect(d.code).toMatch(/^YL-2022-\d{3}$/);
    expect(d).toMatchObject({
      score: 86.5,
      region: { code: station.regionCode },
      city: { code: "360100" },
      shelter: { code: station.code },
    });
    drillCode = d.code;
    const seeded = await t.database.prisma.drill.count({ where: { code: { startsWith: "YL-2022-" } } });
    expect(Number(drillCode.slice(-3))).toBe(seeded);
  });

  it("turns a finding into a REPORTED hazard from source DRILL, in the closed loop", async () => {
    const audit = await t.database.prisma.auditLog.count({ where: { operation: "registerDrillFinding" } });
    type Finding = {
      hazard: { code: string; shelter: { openHazardCount: number }; history: unknown[] };
      drill: { code: string; hazardCount: number; hazards: { code: string }[] };
    };
    const r = await t.gql<{ registerDrillFinding: Finding }>(
      finding,
      { input: { drillCode, title: "站厅层疏散指示标志不连续", category: "EVACUATION_ROUTE", level: "GENERAL" } },
      nanchang,
    );
    const { hazard, drill } = r.data!.registerDrillFinding;
    expect(hazard.code).toMatch(new RegExp(`^YH-2022-${station.regionCode}-\\d{4}$`));
    expect(hazard).toMatchObject({ status: "REPORTED", source: "DRILL", level: "GENERAL", discoveredOn: "2022-06-10" });
    expect(hazard.history).toEqual([{ action: "REPORT", fromStatus: null, toStatus: "REPORTED" }]);
    expect(hazard.shelter.openHazardCount).toBe(station.openHazardCount + 1);
    expect(drill).toMatchObject({ code: drillCode, hazardCount: 1, hazards: [{ code: hazard.code }] });
    expect(await t.database.prisma.auditLog.count({ where: { operation: "registerDrillFinding" } })).toBe(audit + 1);
  });

  it("refuses bad input and other cities, writing nothing", async () => {
    const before = { hazards: await t.database.prisma.hazard.count(), drills: await t.database.prisma.drill.count() };
    const input = { drillCode, title: "消防广播无法正常播放", category: "FIRE", level: "GENERAL" };
    const go = async (m: string, vars: Record<string, unknown>, token: Partial<TokenClaims>) =>
      resultOrRefusal(
        await t.gql<Record<string, Record<string, unknown>>>(m, { input: vars }, token),
        /^mutation \(\$input: \w+!\) \{ (\w+)/.exec(m)![1],
      );
    expect(await go(finding, input, ganzhou)).toMatchObject({ __typename: "NotFoundError", field: "drillCode" });
    const elsewhere = await t.database.prisma.shelter.findFirstOrThrow({
      where: { cityCode: "360100", NOT: { regionCode: station.regionCode } },
    });
    expect(await go(finding, { ...input, shelterCode: elsewhere.code }, nanchang)).toMatchObject({
      __typename: "ValidationError",
      field: "shelterCode",
      rule: "scope",
    });
    expect(await go(finding, input, { role: "ANALYST" as const })).toMatchObject({ __typename: "ForbiddenError" });
    // A blank work code is a mistake, not "the drill's own work".
    expect(await go(finding, { ...input, shelterCode: "" }, nanchang)).toMatchObject({
      __typename: "ValidationError",
      field: "shelterCode",
      rule: "format",
    });
    const drill = {
      kind: "DRILL",
      title: "人防工程消防应急疏散演练",
      organizationCode: "ORG-360100-RFB",
      shelterCode: station.code,
    };
    expect(await go(record, { ...drill, heldOn: "2022-06-16" }, nanchang)).toMatchObject({
      __typename: "ValidationError",
      field: "heldOn",
      rule: "notFuture",
    });
    expect(await go(record, { ...drill, heldOn: "2022-06-01", score: 120 }, nanchang)).toMatchObject({
      __typename: "ValidationError",
      field: "score",
      rule: "range",
    });
    expect(await go(record, { ...drill, heldOn: "2022-06-01", shelterCode: "" }, nanchang)).toMatchObject({
      __typename: "ValidationError",
      field: "shelterCode",
      rule: "format",
    });
    expect(await go(record, { ...drill, heldOn: "2022-06-01", shelterCode: undefined }, nanchang)).toMatchObject({
      __typename: "ValidationError",
      field: "regionCode",
      rule: "required",
    });
    expect(
      await go(record, { ...drill, heldOn: "2022-06-01", shelterCode: undefined, regionCode: "360702" }, nanchang),
    ).toMatchObject({ __typename: "ForbiddenError" });
    expect({ hazards: await t.database.prisma.hazard.count(), drills: await t.database.prisma.drill.count() }).toEqual(
      before,
    );
  });

  it("lists drills of the viewer's region, filtered by kind and station", async () => {
    const q = `query ($f: DrillFilter) { drills(filter: $f, first: 100) { totalCount edges { node { code kind metroStation city { code } } } } }`;
    type R = {
      drills: {
        totalCount: number;
        edges: { node: { code: string; kind: string; metroStation: string; city: { code: string } } }[];
      };
    };
    const own = (await t.gql<R>(q, { f: { kind: ["ASSESSMENT"], metroStation: station.metroStation } }, nanchang)).data!
      .drills;
    expect(own.edges.map((e) => e.node.code)).toContain(drillCode);
    for (const e of own.edges)
      expect(e.node).toMatchObject({
        kind: "ASSESSMENT",
        metroStation: station.metroStation,
        city: { code: "360100" },
      });
    const other = (await t.gql<R>(q, {}, ganzhou)).data!.drills;
    expect(other.totalCount).toBe(await t.database.prisma.drill.count({ where: { cityCode: "360700" } }));
    for (const e of other.edges) expect(e.node.city.code).toBe("360700");
  });
});

describe("responsibility letters", () => {
  const sign = `mutation ($input: SignResponsibilityLetterInput!) { signResponsibilityLetter(input: $input) {
    __typename ... on ResponsibilityLetterPayload { letter { year signedOn signatory organization { code } issuer { code } } }
    ... on Error { code } ... on ValidationError { field rule } ... on ConflictError { field } } }`;
  const list = `query ($f: ResponsibilityLetterFilter) { responsibilityLetters(filter: $f, first: 100) {
    totalCount edges { node { year signatory organization { code region { code } } } } } }`;
  type L = {
    responsibilityLetters: {
      totalCount: number;
      edges: {
        node: { year: number; signatory: string | null; organization: { code: string; region: { code: string } } };
      }[];
    };
  };

  it("records a letter once per organization and year, issued by the office above", async () => {
    const input = { organizationCode: "ORG-360102-RFB", year: 2023, signedOn: "2022-06-15", signatory: "张明" };
    const r = await t.gql<{ signResponsibilityLetter: Record<string, unknown> }>(sign, { input }, nanchang);
    expect(r.data!.signResponsibilityLetter).toMatchObject({
      __typename: "ResponsibilityLetterPayload",
      letter: {
        year: 2023,
        signedOn: "2022-06-15",
        organization: { code: "ORG-360102-RFB" },
        issuer: { code: "ORG-360100-RFB" },
      },
    });
    const again = await t.gql<{ signResponsibilityLetter: Record<string, unknown> }>(sign, { input }, nanchang);
    expect(again.data!.signResponsibilityLetter).toMatchObject({ __typename: "ConflictError", field: "year" });
    const future = await t.gql<{ signResponsibilityLetter: Record<string, unknown> }>(
      sign,
      { input: { ...input, year: 2022, organizationCode: "ORG-360103-RFB", signedOn: "2022-06-16" } },
      nanchang,
    );
    expect(future.data!.signResponsibilityLetter).toMatchObject({
      __typename: "ValidationError",
      field: "signedOn",
      rule: "notFuture",
    });
    const other = await t.gql<{ signResponsibilityLetter: Record<string, unknown> }>(
      sign,
      { input: { ...input, organizationCode: "ORG-360702-RFB" } },
      nanchang,
    );
    expect(other.data!.signResponsibilityLetter).toMatchObject({ __typename: "ForbiddenError" });
  });

  it("lists letters by year in the viewer's region, hiding the signatory from PUBLIC", async () => {
    const own = (await t.gql<L>(list, { f: { year: 2021 } }, nanchang)).data!.responsibilityLetters;
    expect(own.totalCount).toBeGreaterThan(0);
    for (const e of own.edges) expect(e.node.organization.region.code.slice(0, 4)).toBe("3601");
    const pub = (await t.gql<L>(list, { f: { year: 2021, regionCode: "360100" } })).data!.responsibilityLetters;
    expect(pub.totalCount).toBe(own.totalCount);
    for (const e of pub.edges) expect(e.node.signatory).toBeNull();
    for (const e of own.edges) expect(e.node.signatory).toBeTruthy();
  });
});
