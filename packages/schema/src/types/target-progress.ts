// targetProgress: target vs actual for a metric, region and year (or years), with the breakdown
// by sub-region to any depth. Actuals are counted in the database from the registry — a few
// groupBy statements for the whole tree, whatever its size — never typed in (SPEC §2 rule 4).
import { GraphQLError } from "graphql";
import { builder } from "../builder.ts";
import type { TargetMetric as Metric } from "../generated/sqlite/client.js";
import { regionByCode } from "../regions.ts";
import {
  actualOf,
  breakdownOf,
  breakdownTargetGap,
  byYearOf,
  countsOf,
  expectedOf,
  isAdditive,
  onTrackOf,
  type ProgressNode,
  progressOf,
  targetOf,
} from "../rules/target-tree.ts";
import { canRead } from "../scope.ts";
import { today } from "./campaign.ts";
import { TargetMetric } from "./enums.ts";
import { RegionRef } from "./region.ts";
import { loadProgress } from "./target-actuals.ts";

const TargetProgressRef = builder.objectRef<ProgressNode>("TargetProgress");
TargetProgressRef.implement({
  description:
    "Target vs actual for a metric, region and year(s) at a date (目标完成进度). Actuals come from the registry.",
  fields: (t) => ({
    metric: t.field({
      type: TargetMetric,
      description: "What is measured (指标).",
      resolve: (n) => n.data.metric as Metric,
    }),
    region: t.field({
      type: RegionRef,
      description: "The region (区划).",
      resolve: async (n, _a, ctx) => (await regionByCode(ctx, n.regionCode))!,
    }),
    year: t.int({
      nullable: true,
      description: "The year (年度); null for a range of years (see fromYear, toYear).",
      resolve: (n) => (n.years.length === 1 ? n.years[0] : null),
    }),
    fromYear: t.int({ description: "First year counted (起始年度).", resolve: (n) => n.years[0] }),
    toYear: t.int({ description: "Last year counted (截止年度).", resolve: (n) => n.years[n.years.length - 1] }),
    asOf: t.field({
      type: "Date",
      description: "The date progress is measured at (截至日期).",
      resolve: (n) => n.data.asOf,
    }),
    target: t.float({
      nullable: true,
      description:
        "The target: the sum of the years' targets for counts, the last year's for rates; null when none is set (目标值).",
      resolve: targetOf,
    }),
    actual: t.float({
      nullable: true,
      description:
        "Computed from the registry at asOf: spaces opened, or a share 0..1 for rates; null for a rate with nothing to count (实际完成).",
      resolve: actualOf,
    }),
    numerator: t.float({
      description: "What was counted: parking spaces, surveyed works or closed hazards (完成数).",
      resolve: (n) => countsOf(n).num,
    }),
    denominator: t.int({
      nullable: true,
      description: "For rates, all works or all hazards found (基数); null for counts.",
      resolve: (n) => (isAdditive(n.data.metric) ? null : countsOf(n).den),
    }),
    progress: t.float({
      nullable: true,
      description: "actual / target; null without a target (完成率).",
      resolve: progressOf,
    }),
    expectedProgress: t.float({
      description:
        "Share of the period elapsed at asOf, 0..1; over several years weighted by their targets (时序进度).",
      resolve: expectedOf,
    }),
    onTrack: t.boolean({
      nullable: true,
      description: "progress ≥ expectedProgress (进度达标); null without a target.",
      resolve: onTrackOf,
    }),
    breakdown: t.field({
      type: [TargetProgressRef],
      description: "The same progress for each sub-region, by code (分解到下级区划); empty for a county.",
      resolve: breakdownOf,
    }),
    breakdownTargetGap: t.float({
      nullable: true,
      description:
        "This target minus the sum of the sub-regions' targets (分解差额): 0 when the breakdown adds up, > 0 when part is unallocated, < 0 when over-allocated; null for rates, without a target, or when no sub-region has one.",
      resolve: breakdownTargetGap,
    }),
    byYear: t.field({
      type: [TargetProgressRef],
      description: "The same progress for each year of the range (分年度).",
      resolve: byYearOf,
    }),
  }),
});

/** Longest range of years one request may span. */
const MAX_YEARS = 10;

function invalid(field: string, rule: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: "VALIDATION", field, rule } });
}

builder.queryField("targetProgress", (t) =>
  t.field({
    type: TargetProgressRef,
    nullable: true,
    description:
      "Target vs actual for a metric and region in a year, or over fromYear..toYear, at asOf (目标完成进度). Null when the region does not exist or is outside this token's scope.",
    args: {
      metric: t.arg({ type: TargetMetric, required: true, description: "What to measure (指标)." }),
      regionCode: t.arg.string({
        required: true,
        description: "The region; its sub-regions form the breakdown (区划代码).",
      }),
      year: t.arg.int({ required: false, description: "One year (年度). Give either year or fromYear and toYear." }),
      fromYear: t.arg.int({ required: false, description: "First year of a range, e.g. 2020 (起始年度)." }),
      toYear: t.arg.int({ required: false, description: "Last year of a range, e.g. 2022 (截止年度)." }),
      asOf: t.arg({ type: "Date", required: false, description: "Measure at this date; default today (截至日期)." }),
    },
    resolve: async (_root, args, ctx) => {
      const from = args.year ?? args.fromYear;
      const to = args.year ?? args.toYear;
      if (from == null || to == null) throw invalid("year", "required", "give year, or fromYear and toYear");
      if (args.year != null && (args.fromYear != null || args.toYear != null)) {
        throw invalid("year", "exclusive", "give year or fromYear/toYear, not both");
      }
      if (to < from) throw invalid("toYear", "order", "toYear is before fromYear");
      if (to - from >= MAX_YEARS) throw invalid("toYear", "range", `at most ${MAX_YEARS} years at once`);
      const region = await regionByCode(ctx, args.regionCode);
      if (!region || !canRead(ctx.viewer, { region: region.code })) return null;
      const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
      const data = await loadProgress(ctx, args.metric as Metric, region.code, years, args.asOf ?? today(ctx));
      return { data, regionCode: region.code, years };
    },
  }),
);
