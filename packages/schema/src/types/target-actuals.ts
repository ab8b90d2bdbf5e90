// The registry's side of targetProgress: grouped counts of the region subtree, and the targets of
// it, in a few statements for the whole tree (one groupBy per metric; two per year for hazards).
// Every count goes through the same filters as the lists (shelterWhere, scope.ts), so a progress
// figure and the list behind it always agree.
import type { Context } from "../context.ts";
import type { TargetMetric as Metric, Prisma } from "../generated/sqlite/client.js";
import { regionDirectory } from "../regions.ts";
import { tallyWhere } from "../rules/hazard-tally.ts";
import { dayEnd, yearStart } from "../rules/progress.ts";
import type * as tree from "../rules/target-tree.ts";
import { regionWhere, scoped } from "../scope.ts";
import { shelterWhere } from "./shelter.ts";

/** Registry counts of the region subtree, one row per own region code (and year). */
async function loadCells(
  ctx: Context,
  metric: Metric,
  code: string,
  years: number[],
  asOf: Date,
): Promise<tree.Cell[]> {
  const asOfEnd = dayEnd(asOf);
  if (metric === "NEW_PARKING_SPACES") {
    // The shelters the `shelters` query returns for the region, whose parking opened in the years (by asOf).
    const groups = await ctx.prisma.shelter.groupBy({
      by: ["regionCode", "parkingOpenedYear"],
      where: {
        AND: [
          shelterWhere(ctx.viewer, { regionCode: code }, ctx.now),
          { parkingOpenedYear: { in: years } },
          { parkingOpenedOn: { lt: asOfEnd } },
        ],
      },
      _sum: { parkingSpaces: true },
    });
    return groups.map((g) => ({
      code: g.regionCode,
      year: g.parkingOpenedYear ?? 0,
      num: g._sum.parkingSpaces ?? 0,
      den: 0,
    }));
  }
  if (metric === "CENSUS_COVERAGE" || metric === "EARLY_WORK_SURVEY_COVERAGE") {
    // A census state has no date: coverage is the registry as it stands (year 0 = every year).
    const filter =
      metric === "EARLY_WORK_SURVEY_COVERAGE" ? { regionCode: code, isEarlyWork: true } : { regionCode: code };
    const groups = await ctx.prisma.shelter.groupBy({
      by: ["regionCode", "censusStatus"],
      where: shelterWhere(ctx.viewer, filter, ctx.now),
      _count: { _all: true },
    });
    return groups.map((g) => ({
      code: g.regionCode,
      year: 0,
      num: g.censusStatus === "NOT_SURVEYED" ? 0 : g._count._all,
      den: g._count._all,
    }));
  }
  // HAZARD_CLOSURE_RATE: hazards found in each year up to asOf, and those of them closed by asOf.
  const cells: tree.Cell[] = [];
  // A year already over, judged as of today or later, counts every hazard closed so far: the
  // tally (kept by triggers) answers it without reading the year's hundreds of thousands of rows.
  const region = scoped(ctx.viewer, "Hazard", regionWhere("Hazard", code)) as Prisma.HazardWhereInput;
  const tally = asOfEnd >= dayEnd(ctx.now) ? tallyWhere(region) : null;
  const tallied = tally ? years.filter((year) => yearStart(year + 1) <= asOfEnd) : [];
  if (tally && tallied.length) {
    const groups = await ctx.prisma.hazardTally.groupBy({
      by: ["countyCode", "discoveredYear", "status"],
      where: { AND: [tally, { discoveredYear: { in: tallied } }] },
      _sum: { count: true },
    });
    const byCell = new Map<string, tree.Cell>();
    for (const g of groups) {
      const key = `${g.countyCode}:${g.discoveredYear}`;
      let cell = byCell.get(key);
      if (!cell) {
        cell = { code: g.countyCode, year: g.discoveredYear, num: 0, den: 0 };
        byCell.set(key, cell);
      }
      cell.den += g._sum.count ?? 0;
      if (g.status === "CLOSED") cell.num += g._sum.count ?? 0;
    }
    cells.push(...[...byCell.values()].filter((c) => c.den > 0));
  }
  for (const year of years.filter((y) => !tallied.includes(y))) {
    const upTo = new Date(Math.min(yearStart(year + 1).getTime(), asOfEnd.getTime()));
    const found = { AND: [region, { discoveredOn: { gte: yearStart(year), lt: upTo } }] };
    const closed = { AND: [found, { status: "CLOSED" as const, closedOn: { lt: asOfEnd } }] };
    const [all, done] = await Promise.all(
      [found, closed].map((where) => ctx.prisma.hazard.groupBy({ by: ["countyCode"], where, _count: { _all: true } })),
    );
    const closedBy = new Map(done.map((g) => [g.countyCode, g._count._all]));
    for (const g of all)
      cells.push({ code: g.countyCode, year, num: closedBy.get(g.countyCode) ?? 0, den: g._count._all });
  }
  return cells;
}

export async function loadProgress(
  ctx: Context,
  metric: Metric,
  code: string,
  years: number[],
  asOf: Date,
): Promise<tree.ProgressData> {
  const regions = await regionDirectory(ctx);
  const children = new Map<string, string[]>();
  for (const r of [...regions.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    if (r.parentCode) children.set(r.parentCode, [...(children.get(r.parentCode) ?? []), r.code]);
  }
  const [targets, cells] = await Promise.all([
    ctx.prisma.target.findMany({
      where: scoped(ctx.viewer, "Target", { AND: [regionWhere("Target", code), { metric, year: { in: years } }] }),
      select: { regionCode: true, year: true, value: true },
    }),
    loadCells(ctx, metric, code, years, asOf),
  ]);
  return {
    metric,
    asOf,
    cells,
    children,
    targets: new Map(targets.map((t) => [`${t.regionCode}:${t.year}`, t.value])),
  };
}
