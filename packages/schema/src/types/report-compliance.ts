// Per-unit reporting compliance (报送情况统计): how many stage reports each organization owes and
// how many were on time, late (迟报), missing (漏报) or not yet due at a date. Counted in the
// database — one groupBy per timeliness — so the cost does not grow with units or reports.
import { builder } from "../builder.ts";
import type { Organization } from "../generated/sqlite/client.js";
import type { Timeliness } from "../rules/progress.ts";
import { today } from "./campaign.ts";
import { OrganizationRef } from "./organization.ts";
import {
  filterDeadlines,
  StageReportFilter,
  type StageReportFilterShape,
  stageReportWhere,
  timelinessWhere,
} from "./stage-report.ts";

interface Compliance {
  organization: Organization;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
}

const ReportComplianceRef = builder.objectRef<Compliance>("ReportCompliance").implement({
  description: "One organization's stage reports by timeliness at a date (单位报送情况).",
  fields: (t) => ({
    organization: t.field({
      type: OrganizationRef,
      description: "The organization (报送单位).",
      resolve: (c) => c.organization,
    }),
    owed: t.int({
      description: "Reports it owes in the filter (应报数).",
      resolve: (c) => c.onTime + c.late + c.missing + c.pending,
    }),
    onTime: t.exposeInt("onTime", { description: "Submitted on time (按时报送)." }),
    late: t.exposeInt("late", { description: "Submitted late (迟报)." }),
    missing: t.exposeInt("missing", { description: "Due and not submitted (漏报)." }),
    pending: t.exposeInt("pending", { description: "Not yet due and not submitted (未到期)." }),
    complianceRate: t.float({
      nullable: true,
      description: "On-time share of the reports already due, 0..1 (按时报送率); null when none is due yet.",
      resolve: (c) => {
        const due = c.onTime + c.late + c.missing;
        return due ? c.onTime / due : null;
      },
    }),
  }),
});

const kinds: [Timeliness, keyof Omit<Compliance, "organization">][] = [
  ["ON_TIME", "onTime"],
  ["LATE", "late"],
  ["MISSING", "missing"],
  ["PENDING", "pending"],
];

builder.queryField("reportCompliance", (t) =>
  t.field({
    type: [ReportComplianceRef],
    description: "Stage-report compliance per organization at `asOf`, by organization code (单位报送情况统计).",
    args: {
      filter: t.arg({
        type: StageReportFilter,
        required: false,
        description: "Which reports count; its timeliness is ignored (筛选).",
      }),
      asOf: t.arg({ type: "Date", required: false, description: "Judge at this date; default today (截至日期)." }),
    },
    resolve: async (_root, args, ctx) => {
      const asOf = args.asOf ?? today(ctx);
      const filter: StageReportFilterShape = { ...args.filter, timeliness: null };
      const base = stageReportWhere(ctx, filter);
      const deadlines = await filterDeadlines(ctx, filter);
      const counts = new Map<number, Omit<Compliance, "organization">>();
      for (const [kind, key] of kinds) {
        const groups = await ctx.prisma.stageReport.groupBy({
          by: ["organizationId"],
          where: { AND: [base, timelinessWhere(deadlines, [kind], asOf)] },
          _count: { _all: true },
        });
        for (const g of groups) {
          const row = counts.get(g.organizationId) ?? { onTime: 0, late: 0, missing: 0, pending: 0 };
          row[key] = g._count._all;
          counts.set(g.organizationId, row);
        }
      }
      if (counts.size === 0) return [];
      const orgs = await ctx.prisma.organization.findMany({
        where: { id: { in: [...counts.keys()] } },
        orderBy: { code: "asc" },
      });
      return orgs.map((organization) => ({ organization, ...counts.get(organization.id)! }));
    },
  }),
);
