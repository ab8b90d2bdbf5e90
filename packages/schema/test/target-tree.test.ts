// Target progress over a region tree from grouped counts, and the checks of a campaign plan.
import { describe, expect, it } from "vitest";
import { planIssues, targetIssues } from "../src/rules/campaign.ts";
import * as tree from "../src/rules/target-tree.ts";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

function node(metric: string, regionCode: string, years: number[], asOf = "2021-12-31"): tree.ProgressNode {
  const targets = new Map([
    ["360000:2020", 30000],
    ["360000:2021", 30000],
    ["360100:2021", 20000],
    ["360200:2021", 9000],
    ["360000:2022", 0.9],
  ]);
  const cells: tree.Cell[] = [
    { code: "360102", year: 2020, num: 100, den: 4 },
    { code: "360102", year: 2021, num: 12000, den: 10 },
    { code: "360103", year: 2021, num: 6000, den: 6 },
    { code: "360203", year: 2021, num: 9500, den: 5 },
  ];
  const children = new Map([
    ["360000", ["360100", "360200"]],
    ["360100", ["360102", "360103"]],
    ["360200", ["360203"]],
  ]);
  return { regionCode, years, data: { metric, asOf: d(asOf), cells, targets, children } };
}

describe("counts over the tree", () => {
  it("sums the counties of a region in the years asked for", () => {
    expect(tree.actualOf(node("NEW_PARKING_SPACES", "360000", [2021]))).toBe(27500);
    expect(tree.actualOf(node("NEW_PARKING_SPACES", "360000", [2020, 2021]))).toBe(27600);
    expect(tree.actualOf(node("NEW_PARKING_SPACES", "360100", [2021]))).toBe(18000);
    expect(tree.actualOf(node("NEW_PARKING_SPACES", "360103", [2020]))).toBe(0);
  });

  it("breaks a region down into its children, whose actuals add up to it", () => {
    const province = node("NEW_PARKING_SPACES", "360000", [2021]);
    const cities = tree.breakdownOf(province);
    expect(cities.map((c) => c.regionCode)).toEqual(["360100", "360200"]);
    expect(cities.map(tree.actualOf)).toEqual([18000, 9500]);
    expect(tree.breakdownOf(cities[0]).map(tree.actualOf)).toEqual([12000, 6000]);
    expect(tree.breakdownOf(tree.breakdownOf(cities[0])[0])).toEqual([]);
  });

  it("divides for rates, and has no rate with nothing to count", () => {
    expect(tree.actualOf(node("HAZARD_CLOSURE_RATE", "360100", [2021]))).toBe(18000 / 16);
    expect(tree.actualOf(node("HAZARD_CLOSURE_RATE", "360103", [2020]))).toBeNull();
  });
});

describe("targets over the tree", () => {
  it("adds the years' targets of counts and takes the last year's of rates", () => {
    expect(tree.targetOf(node("NEW_PARKING_SPACES", "360000", [2020, 2021]))).toBe(60000);
    expect(tree.targetOf(node("NEW_PARKING_SPACES", "360102", [2021]))).toBeNull();
    expect(tree.targetOf(node("HAZARD_CLOSURE_RATE", "360000", [2020, 2021, 2022]))).toBe(0.9);
  });

  it("says by how much the children's targets miss the parent's", () => {
    expect(tree.breakdownTargetGap(node("NEW_PARKING_SPACES", "360000", [2021]))).toBe(1000);
    expect(tree.breakdownTargetGap(node("NEW_PARKING_SPACES", "360000", [2020]))).toBeNull();
    expect(tree.breakdownTargetGap(node("NEW_PARKING_SPACES", "360100", [2021]))).toBeNull();
    expect(tree.breakdownTargetGap(node("HAZARD_CLOSURE_RATE", "360000", [2022]))).toBeNull();
  });

  it("is on track when the share done reaches the share of the period elapsed", () => {
    const city = node("NEW_PARKING_SPACES", "360200", [2021], "2021-12-31");
    expect([tree.progressOf(city), tree.expectedOf(city), tree.onTrackOf(city)]).toEqual([9500 / 9000, 1, true]);
    const nanchang = node("NEW_PARKING_SPACES", "360100", [2021], "2021-12-31");
    expect(tree.onTrackOf(nanchang)).toBe(false);
    expect(tree.byYearOf(node("NEW_PARKING_SPACES", "360000", [2020, 2021])).map((n) => n.years)).toEqual([
      [2020],
      [2021],
    ]);
  });
});

describe("campaign plans", () => {
  const plan = {
    startsOn: d("2020-04-01"),
    endsOn: d("2022-12-31"),
    phases: [
      { startsOn: d("2020-04-01"), endsOn: d("2020-05-31") },
      { startsOn: d("2020-06-01"), endsOn: d("2020-12-31") },
    ],
    deadlines: [{ dueOn: d("2020-09-30"), organizationCodes: ["A", "B"] }],
  };

  it("accepts the Jiangxi plan's shape", () => {
    expect(planIssues(plan)).toEqual([]);
  });

  it("names every broken rule with its field", () => {
    const issues = planIssues({
      startsOn: d("2020-04-01"),
      endsOn: d("2020-03-01"),
      phases: [
        { startsOn: d("2020-04-01"), endsOn: d("2020-03-31") },
        { startsOn: d("2020-03-15"), endsOn: d("2020-03-20") },
      ],
      deadlines: [{ dueOn: d("2021-01-01"), organizationCodes: ["A", "A"] }],
    });
    expect(issues.map((i) => `${i.field} ${i.rule}`)).toEqual([
      "endsOn order",
      "phases.0.endsOn order",
      "phases.0.startsOn within",
      "phases.1.startsOn within",
      "phases.1.startsOn sequence",
      "deadlines.0.dueOn within",
      "deadlines.0.organizationCodes.1 unique",
    ]);
    expect(planIssues({ ...plan, phases: [] }).map((i) => i.rule)).toEqual(["required"]);
  });

  it("keeps rate targets to shares", () => {
    expect(targetIssues("CENSUS_COVERAGE", 1)).toEqual([]);
    expect(targetIssues("CENSUS_COVERAGE", 1.01).map((i) => [i.field, i.rule])).toEqual([["value", "range"]]);
    expect(targetIssues("NEW_PARKING_SPACES", 40000)).toEqual([]);
  });
});
