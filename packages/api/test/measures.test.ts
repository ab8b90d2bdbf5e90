// The second list (制度措施清单) through the API on the demo data: the list with its filters and
// scope, adding a measure, moving its progress forward only, stale versions and bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, city, otherCity, resultOf, workOf } from "./hazard-helpers.ts";
import { type TestApi, testApi } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

type List = {
  measures: {
    totalCount: number;
    edges: {
      node: {
        code: string;
        dueOn: string;
        status: string;
        isOverdue: boolean;
        owner: { code: string };
        region: { code: string };
      };
    }[];
  };
};
const list = `query ($filter: MeasureFilter) { measures(filter: $filter, first: 100) { totalCount
  edges { node { code dueOn status isOverdue owner { code } region { code } } } } }`;

const write = (name: "createMeasure" | "updateMeasure", type: string) => `mutation ($input: ${type}!) {
  ${name}(input: $input) {
    __typename
    ... on MeasurePayload { measure { code title status dueOn completedOn version owner { code } region { code } } }
    ... on Error { code message }
    ... on ValidationError { field rule }
    ... on RuleError { rule field }
    ... on ConflictError { currentVersion }
  }
}`;
const create = write("createMeasure", "CreateMeasureInput");
const update = write("updateMeasure", "UpdateMeasureInput");
type Result = Record<
  string,
  {
    __typename: string;
    rule?: string;
    field?: string;
    measure?: Record<string, unknown> & { code: string; version: number };
  }
>;

describe("the list", () => {
  it("lists the province's and cities' measures by due date, filtered, with overdue at today", async () => {
    const p = t.database.prisma.measure;
    const all = await t.gql<List>(list, {}, admin);
    expect(all.data!.measures.totalCount).toBe(await p.count());
    const dues = all.data!.measures.edges.map((e) => e.node.dueOn);
    expect(dues).toEqual([...dues].sort());
    const overdue = await t.gql<List>(list, { filter: { overdue: true } }, admin);
    const notOverdue = await t.gql<List>(list, { filter: { overdue: false } }, admin);
    expect(overdue.data!.measures.totalCount + notOverdue.data!.measures.totalCount).toBe(
      all.data!.measures.totalCount,
    );
    expect(overdue.data!.measures.edges.every((e) => e.node.isOverdue && e.node.status !== "DONE")).toBe(true);
    const then = await t.gql<List>(list, { filter: { overdue: true, asOf: "2021-06-30" } }, admin);
    expect(then.data!.measures.totalCount).toBe(
      await p.count({ where: { status: { in: ["PLANNED", "IN_PROGRESS"] }, dueOn: { lt: new Date("2021-06-30") } } }),
    );
    const done = await t.gql<List>(list, { filter: { status: ["DONE"], dueTo: "2020-12-31" } }, admin);
    expect(done.data!.measures.totalCount).toBe(
      await p.count({ where: { status: "DONE", dueOn: { lt: new Date("2021-01-01") } } }),
    );
    const division = await t.gql<List>(list, { filter: { ownerCode: "ORG-360000-GCC", search: "制度" } }, admin);
    expect(division.data!.measures.edges.every((e) => e.node.owner.code === "ORG-360000-GCC")).toBe(true);
  });

  it("shows a city officer its city's measures and a unit none", async () => {
    const r = await t.gql<List>(list, {}, city);
    expect(r.data!.measures.totalCount).toBe(await t.database.prisma.measure.count({ where: { cityCode: "360100" } }));
    expect(r.data!.measures.totalCount).toBeGreaterThan(0);
    const { unit } = await workOf(t);
    expect((await t.gql<List>(list, {}, unit)).data!.measures.totalCount).toBe(0);
  });
});

describe("writing the list", () => {
  it("adds a measure with a generated code, then moves it forward to DONE, which is final", async () => {
    const owner = await t.database.prisma.organization.findFirstOrThrow({
      where: { regionCode: "360100", kind: "CIVIL_AIR_DEFENSE_OFFICE" },
    });
    const input = {
      title: "建立人防工程停车场消防联合检查制度",
      ownerCode: owner.code,
      dueOn: "2022-09-30",
      campaignCode: undefined,
    };
    const created = await t.gql<Result>(create, { input }, city);
    const m = created.data!.createMeasure.measure!;
    expect(m).toMatchObject({
      status: "PLANNED",
      version: 1,
      dueOn: "2022-09-30",
      owner: { code: owner.code },
      region: { code: "360100" },
    });
    expect(m.code).toMatch(/^CS-360100-\d{4}$/);
    expect(await t.database.prisma.measure.count({ where: { code: m.code } })).toBe(1);

    const started = await t.gql<Result>(update, { input: { code: m.code, version: 1, status: "IN_PROGRESS" } }, city);
    expect(started.data!.updateMeasure.measure).toMatchObject({ status: "IN_PROGRESS", version: 2, completedOn: null });
    const back = await t.gql<Result>(update, { input: { code: m.code, version: 2, status: "PLANNED" } }, city);
    expect(back.data!.updateMeasure).toMatchObject({ __typename: "RuleError", rule: "transition" });
    const stale = await t.gql<Result>(update, { input: { code: m.code, version: 1, title: "新标题" } }, city);
    expect(stale.data!.updateMeasure.__typename).toBe("ConflictError");
    const done = await t.gql<Result>(update, { input: { code: m.code, version: 2, status: "DONE" } }, city);
    expect(done.data!.updateMeasure.measure).toMatchObject({ status: "DONE", version: 3, completedOn: "2022-06-15" });
    const after = await t.gql<Result>(update, { input: { code: m.code, version: 3, dueOn: "2022-12-31" } }, city);
    expect(after.data!.updateMeasure).toMatchObject({ __typename: "RuleError", rule: "closed" });
    expect(
      await t.database.prisma.auditLog.count({
        where: {
          model: "Measure",
          recordId: String((await t.database.prisma.measure.findUniqueOrThrow({ where: { code: m.code } })).id),
        },
      }),
    ).toBe(3);
  });

  it("refuses bad input and writes outside the office's region, writing nothing", async () => {
    const owner = await t.database.prisma.organization.findFirstOrThrow({
      where: { regionCode: "360100", kind: "CIVIL_AIR_DEFENSE_OFFICE" },
    });
    const before = await t.database.prisma.measure.count();
    const cases: [Record<string, unknown>, object, Record<string, unknown>][] = [
      [
        { title: "x", ownerCode: owner.code, dueOn: "2022-09-30" },
        city,
        { __typename: "ValidationError", field: "title", rule: "required" },
      ],
      [
        { title: "建立制度", ownerCode: "ORG-NOPE", dueOn: "2022-09-30" },
        city,
        { __typename: "ValidationError", field: "ownerCode", rule: "exists" },
      ],
      [
        { title: "建立制度", ownerCode: owner.code, dueOn: "2022-09-30", campaignCode: "ZX-NOPE" },
        city,
        { __typename: "ValidationError", field: "campaignCode" },
      ],
      [{ title: "建立制度", ownerCode: owner.code, dueOn: "2022-09-30" }, otherCity, { __typename: "ForbiddenError" }],
    ];
    for (const [input, token, expected] of cases) {
      expect((await t.gql<Result>(create, { input }, token)).data!.createMeasure, JSON.stringify(input)).toMatchObject(
        expected,
      );
    }
    const { unit } = await workOf(t);
    const byUnit = await t.gql<Result>(
      create,
      { input: { title: "建立制度", ownerCode: owner.code, dueOn: "2022-09-30" } },
      unit,
    );
    expect(resultOf(byUnit, "createMeasure").__typename).toBe("ForbiddenError");
    expect(await t.database.prisma.measure.count()).toBe(before);
  });
});
