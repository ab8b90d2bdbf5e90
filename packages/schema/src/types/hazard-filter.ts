// The ledger's filter and sort (HazardFilter, HazardOrder): one `where` builder shared by the
// `hazards` list, its totalCount, `Shelter.hazards`, `hazardStats` and exports, so every count
// of the platform agrees with the list it summarises.
import { z } from "zod";
import { builder } from "../builder.ts";
import type { Viewer } from "../context.ts";
import type { Prisma } from "../generated/sqlite/client.js";
import type { HazardCategory, HazardLevel, HazardSource, HazardStatus } from "../generated/sqlite/enums.js";
import { calendarDay, DAY_MS, notOverdueWhere, overdueWhere } from "../rules/hazard.ts";
import { regionWhere, scoped } from "../scope.ts";
import { OrderDirection } from "./common.ts";
import {
  HazardCategory as CategoryEnum,
  HazardLevel as LevelEnum,
  HazardSource as SourceEnum,
  HazardStatus as StatusEnum,
} from "./enums.ts";

export const HazardFilter = builder.inputType("HazardFilter", {
  description: "Which hazards to list or count (隐患筛选). All given conditions must hold.",
  fields: (t) => ({
    regionCode: t.string({ description: "The region and everything below it (区划代码)." }),
    shelterCode: t.string({ description: "Only hazards of this work (工程编号)." }),
    status: t.field({ type: [StatusEnum], description: "Any of these statuses (整改状态)." }),
    level: t.field({ type: [LevelEnum], description: "Any of these levels (隐患等级)." }),
    category: t.field({ type: [CategoryEnum], description: "Any of these categories (隐患类别)." }),
    source: t.field({ type: [SourceEnum], description: "Any of these sources; one value is fine (隐患来源)." }),
    overdue: t.boolean({ description: "Only overdue (true) or only not overdue (false) hazards as of `asOf` (逾期)." }),
    overdueMoreThanDays: t.int({
      description: "Only hazards overdue by more than N whole days as of `asOf` (逾期超过 N 天).",
      validate: z.number().int().min(0, "range: N ≥ 0"),
    }),
    escalated: t.boolean({ description: "Only hazards escalated to the office above (true) or not (false) (督办)." }),
    discoveredFrom: t.field({ type: "Date", description: "Found on or after this date (发现日期起)." }),
    discoveredTo: t.field({ type: "Date", description: "Found on or before this date (发现日期止)." }),
    responsibleUnitCode: t.string({ description: "Only hazards this unit is responsible for (责任单位编码)." }),
    search: t.string({ description: "Part of the hazard code, title or the work's name (关键字)." }),
    asOf: t.field({ type: "Date", description: "The date `overdue` is judged at; default today (统计截止日期)." }),
  }),
});

export interface HazardFilterShape {
  regionCode?: string | null;
  shelterCode?: string | null;
  status?: HazardStatus[] | null;
  level?: HazardLevel[] | null;
  category?: HazardCategory[] | null;
  source?: HazardSource[] | null;
  overdue?: boolean | null;
  overdueMoreThanDays?: number | null;
  escalated?: boolean | null;
  discoveredFrom?: Date | null;
  discoveredTo?: Date | null;
  responsibleUnitCode?: string | null;
  search?: string | null;
  asOf?: Date | null;
}

/** The Prisma `where` for a HazardFilter within the viewer's scope. `now` is the request's clock. */
export function hazardWhere(
  viewer: Viewer,
  filter: HazardFilterShape | null | undefined,
  now: Date,
): Prisma.HazardWhereInput {
  const f = filter ?? {};
  const and: Prisma.HazardWhereInput[] = [];
  if (f.regionCode) and.push(regionWhere("Hazard", f.regionCode));
  if (f.shelterCode) and.push({ shelter: { code: f.shelterCode } });
  if (f.status?.length) and.push({ status: { in: f.status } });
  if (f.level?.length) and.push({ level: { in: f.level } });
  if (f.category?.length) and.push({ category: { in: f.category } });
  if (f.source?.length) and.push({ source: { in: f.source } });
  if (f.overdue != null) {
    const asOf = f.asOf ?? now;
    // Spelled out rather than NOT(overdue): SQL's NOT over a NULL deadline would drop those rows.
    and.push(f.overdue ? overdueWhere(asOf) : notOverdueWhere(asOf));
  }
  if (f.overdueMoreThanDays != null) {
    // overdueDays > N ⇔ the deadline lies before (asOf − N days).
    const shifted = new Date(calendarDay(f.asOf ?? now).getTime() - f.overdueMoreThanDays * DAY_MS);
    and.push(overdueWhere(shifted));
  }
  if (f.escalated != null) and.push({ escalatedAt: f.escalated ? { not: null } : null });
  if (f.discoveredFrom) and.push({ discoveredOn: { gte: f.discoveredFrom } });
  // Inclusive: everything before the next day, whatever the time part.
  if (f.discoveredTo) and.push({ discoveredOn: { lt: new Date(f.discoveredTo.getTime() + DAY_MS) } });
  if (f.responsibleUnitCode) and.push({ responsibleUnit: { code: f.responsibleUnitCode } });
  if (f.search?.trim()) {
    const s = f.search.trim();
    // Codes are upper case; PostgreSQL compares case-sensitively, so "yh-2021" must find YH-2021 too.
    and.push({
      OR: [{ code: { contains: s.toUpperCase() } }, { title: { contains: s } }, { shelter: { name: { contains: s } } }],
    });
  }
  return scoped(viewer, "Hazard", and.length ? { AND: and } : {}) as Prisma.HazardWhereInput;
}

const HazardOrderField = builder.enumType("HazardOrderField", {
  description: "What to sort hazards by (排序字段).",
  values: {
    DISCOVERED_ON: { description: "Date found (发现日期)." },
    DEADLINE: { description: "Rectification deadline; hazards without one come last (整改时限)." },
    LEVEL: { description: "Level, GENERAL before MAJOR ascending (隐患等级)." },
    STATUS: { description: "Position in the closed loop, REPORTED first ascending (整改状态)." },
    CODE: { description: "Hazard code (隐患编号)." },
  },
});

export const HazardOrder = builder.inputType("HazardOrder", {
  description: "One sort key for hazards (排序).",
  fields: (t) => ({
    field: t.field({ type: HazardOrderField, required: true, description: "The key." }),
    direction: t.field({ type: OrderDirection, defaultValue: "ASC", description: "The direction." }),
  }),
});

type Dir = "asc" | "desc";

export type HazardOrderShape = {
  field: "DISCOVERED_ON" | "DEADLINE" | "LEVEL" | "STATUS" | "CODE";
  direction?: "ASC" | "DESC" | null;
};

/**
 * Prisma orderBy for the keys, then id (a total order, so cursors never skip or repeat).
 * STATUS: PostgreSQL sorts its enum in declaration order (REPORTED … CLOSED), SQLite stores the
 * name as text; the four names happen to sort alphabetically in exactly the reverse order, so
 * SQLite gets the opposite direction and both databases return the workflow order.
 */
export function hazardOrderBy(
  orderBy: HazardOrderShape[] | null | undefined,
  provider: string,
): Prisma.HazardOrderByWithRelationInput[] {
  const flip = (d: Dir): Dir => (d === "asc" ? "desc" : "asc");
  const key: Record<HazardOrderShape["field"], (d: Dir) => Prisma.HazardOrderByWithRelationInput> = {
    DISCOVERED_ON: (d) => ({ discoveredOn: d }),
    DEADLINE: (d) => ({ deadline: { sort: d, nulls: "last" } }),
    LEVEL: (d) => ({ level: d }),
    STATUS: (d) => ({ status: provider === "sqlite" ? flip(d) : d }),
    CODE: (d) => ({ code: d }),
  };
  return [...(orderBy ?? []).map((o) => key[o.field](o.direction === "DESC" ? "desc" : "asc")), { id: "asc" }];
}
