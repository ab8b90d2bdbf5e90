// hazardStats: totals, open, closed, overdue and closure rate per group (REGION, CITY, COUNTY,
// CATEGORY, LEVEL, STATUS, SOURCE, several at once), counted by the database with two GROUP BY
// statements over the same `where` as the `hazards` list — so the numbers always add up to it.
// Totals come from HazardTally (counts kept by triggers) whenever the `where` uses only columns the
// tally has: a province's million hazards are then a few thousand rows to add up, not a scan.
import { builder } from "../builder.ts";
import type { Context } from "../context.ts";
import type { Prisma } from "../generated/sqlite/client.js";
import { regionDirectory } from "../regions.ts";
import { overdueWhere } from "../rules/hazard.ts";
import { tallyWhere } from "../rules/hazard-tally.ts";
import { regionLevel } from "../scope.ts";
import { enumTerms } from "./enums.ts";
import { HazardFilter, type HazardFilterShape, hazardWhere } from "./hazard-filter.ts";

const dimensions = ["REGION", "CITY", "COUNTY", "CATEGORY", "LEVEL", "STATUS", "SOURCE"] as const;
type Dimension = (typeof dimensions)[number];
type Column = "cityCode" | "countyCode" | "category" | "level" | "status" | "source";

const HazardStatsGroupBy = builder.enumType("HazardStatsGroupBy", {
  description: "What to group hazard statistics by (分组维度).",
  values: {
    REGION: {
      description:
        "The regions one level below the filter's (or the token's) region: cities of the province, counties of a city (下级区划).",
    },
    CITY: { description: "City (设区市)." },
    COUNTY: { description: "County-level division (县/市/区)." },
    CATEGORY: { description: "Hazard category (隐患类别)." },
    LEVEL: { description: "Hazard level (隐患等级)." },
    STATUS: { description: "Rectification status (整改状态)." },
    SOURCE: { description: "How hazards were found (隐患来源)." },
  } satisfies Record<Dimension, { description: string }>,
});

interface Part {
  groupBy: Dimension;
  key: string;
  label: string;
}
interface Group {
  key: string;
  label: string;
  parts: Part[];
  total: number;
  open: number;
  closed: number;
  overdue: number;
  closureRate: number | null;
}

const PartRef = builder.objectRef<Part>("HazardStatsKey").implement({
  description: "One dimension's value of a statistics group (分组取值).",
  fields: (t) => ({
    groupBy: t.field({ type: HazardStatsGroupBy, description: "The dimension.", resolve: (p) => p.groupBy }),
    key: t.exposeString("key", { description: "Its value: a region code or an enum value." }),
    label: t.exposeString("label", { description: "Its name for people: the region's name or the Chinese term." }),
  }),
});

const GroupRef = builder.objectRef<Group>("HazardStatsGroup").implement({
  description: "Hazard counts of one group (隐患统计).",
  fields: (t) => ({
    key: t.exposeString("key", {
      description: "The group's values joined by `/`, e.g. `360100/MAJOR`; `ALL` when ungrouped.",
    }),
    label: t.exposeString("label", { description: "The same for people, e.g. `南昌市 / 重大隐患` (名称)." }),
    parts: t.field({
      type: [PartRef],
      description: "The group's value per dimension, in groupBy order.",
      resolve: (g) => g.parts,
    }),
    total: t.exposeInt("total", { description: "Hazards (隐患总数)." }),
    open: t.exposeInt("open", { description: "Not yet closed (未销号)." }),
    closed: t.exposeInt("closed", { description: "Closed (已销号)." }),
    overdue: t.exposeInt("overdue", { description: "Overdue as of `asOf` (逾期)." }),
    closureRate: t.exposeFloat("closureRate", {
      nullable: true,
      description: "closed / total, 0..1; null without hazards (整改销号率).",
    }),
  }),
});

// What people read for an enum value: the campaign's term from the enum's own descriptions.
const enumLabels: Record<string, string> = Object.assign(
  {},
  ...["HazardCategory", "HazardLevel", "HazardStatus", "HazardSource"].map(enumTerms),
);

function columnOf(d: Dimension, ctx: Context, filter: HazardFilterShape | null | undefined): Column {
  if (d === "REGION") {
    const scope = filter?.regionCode ?? ctx.viewer.regionCode;
    return !scope || regionLevel(scope) === "PROVINCE" ? "cityCode" : "countyCode";
  }
  return (
    {
      CITY: "cityCode",
      COUNTY: "countyCode",
      CATEGORY: "category",
      LEVEL: "level",
      STATUS: "status",
      SOURCE: "source",
    } as const
  )[d];
}

type Counted = Record<string, string> & { _count: { _all: number } };
type GroupByFn = (args: { by: Column[]; where: Prisma.HazardWhereInput; _count: { _all: true } }) => Promise<Counted[]>;
type TallyGroupByFn = (args: {
  by: Column[];
  where: Prisma.HazardTallyWhereInput;
  _sum: { count: true };
}) => Promise<(Record<string, string> & { _sum: { count: number | null } })[]>;

/** Hazards per group and status: from the tally when it can answer, else counted. */
async function countByStatus(ctx: Context, by: Column[], where: Prisma.HazardWhereInput): Promise<Counted[]> {
  const tally = tallyWhere(where);
  if (!tally) return (ctx.prisma.hazard.groupBy as unknown as GroupByFn)({ by, where, _count: { _all: true } });
  const rows = await (ctx.prisma.hazardTally.groupBy as unknown as TallyGroupByFn)({
    by,
    // Rows counted down to 0 stay in the tally; they are no group.
    where: { AND: [tally, { count: { gt: 0 } }] },
    _sum: { count: true },
  });
  return rows.map(({ _sum, ...keys }) => ({ ...keys, _count: { _all: _sum.count ?? 0 } }) as Counted);
}

export async function hazardStats(
  ctx: Context,
  filter: HazardFilterShape | null | undefined,
  groupBy: readonly Dimension[],
  asOf: Date,
): Promise<Group[]> {
  const where = hazardWhere(ctx.viewer, { ...filter, asOf }, ctx.now);
  const cols = groupBy.map((d) => columnOf(d, ctx, filter));
  const keyCols = [...new Set(cols)];
  const run = ctx.prisma.hazard.groupBy as unknown as GroupByFn;
  const overdueWhereAll = { AND: [where, overdueWhere(asOf)] };
  const [byStatus, overdueRows, regions] = await Promise.all([
    countByStatus(ctx, [...new Set<Column>([...keyCols, "status"])], where),
    keyCols.length
      ? run({ by: keyCols, where: overdueWhereAll, _count: { _all: true } })
      : ctx.prisma.hazard.count({ where: overdueWhereAll }).then((n) => [{ _count: { _all: n } } as Counted]),
    regionDirectory(ctx),
  ]);
  const keyOf = (row: Counted) => keyCols.map((c) => row[c]).join("/");
  const groups = new Map<string, Group>();
  const groupOf = (row: Counted): Group => {
    const k = keyOf(row);
    let g = groups.get(k);
    if (!g) {
      const parts = groupBy.map((d, i) => {
        const key = row[cols[i]];
        const label = cols[i].endsWith("Code") ? (regions.get(key)?.name ?? key) : (enumLabels[key] ?? key);
        return { groupBy: d, key, label };
      });
      const key = parts.length ? parts.map((p) => p.key).join("/") : "ALL";
      const label = parts.length ? parts.map((p) => p.label).join(" / ") : "全部";
      g = { key, label, parts, total: 0, open: 0, closed: 0, overdue: 0, closureRate: null };
      groups.set(k, g);
    }
    return g;
  };
  if (!keyCols.length) groupOf({ _count: { _all: 0 } } as Counted);
  for (const row of byStatus) {
    const g = groupOf(row);
    g.total += row._count._all;
    if (row.status === "CLOSED") g.closed += row._count._all;
    else g.open += row._count._all;
  }
  for (const row of overdueRows) groupOf(row).overdue += row._count._all;
  const out = [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const g of out) g.closureRate = g.total ? g.closed / g.total : null;
  return out;
}

builder.queryField("hazardStats", (t) =>
  t.field({
    type: [GroupRef],
    description:
      "Hazard statistics in this token's scope (隐患统计): one group per combination of `groupBy`, or one for the whole filter.",
    args: {
      filter: t.arg({
        type: HazardFilter,
        required: false,
        description: "Which hazards to count, as for `hazards` (筛选).",
      }),
      groupBy: t.arg({
        type: [HazardStatsGroupBy],
        required: false,
        description: "Dimensions, first is outermost (分组).",
      }),
      asOf: t.arg({
        type: "Date",
        required: false,
        description: "Count overdue hazards as of this date; default today (截止日期).",
      }),
    },
    resolve: (_root, args, ctx) =>
      hazardStats(ctx, args.filter, (args.groupBy ?? []) as Dimension[], args.asOf ?? args.filter?.asOf ?? ctx.now),
  }),
);
