// Resolvers of the in-test harness over the fixed rows of data.ts. Only what the widgets ask for,
// with the contract's semantics (region and below, cursor paging, sorting, overdue, stats).
import { createPubSub } from "graphql-yoga";
import { distanceMeters, toWgs84, wgs84ToGcj02 } from "../../../../schema/src/rules/geo.ts";
import { addDays, CITIES, type Dataset, daysBetween, type Hazard, PROVINCE, REGIONS, type Shelter } from "./data.js";

type Args = Record<string, any>;

const LEVEL_RANK: Record<string, number> = { GENERAL: 0, MAJOR: 1 };
const STATUS_RANK: Record<string, number> = { REPORTED: 0, RECTIFYING: 1, PENDING_ACCEPTANCE: 2, CLOSED: 3 };

const inRegion = (code: string | undefined, countyCode: string) =>
  !code ||
  code === PROVINCE.code ||
  code === countyCode ||
  (code.endsWith("00") && countyCode.startsWith(code.slice(0, 4)));

const cursorOf = (i: number) => Buffer.from(`i:${i}`).toString("base64");
const indexOf = (cursor: string) => Number(Buffer.from(cursor, "base64").toString().slice(2));

/** A Relay connection over a sorted array (first/after/last/before). */
function connection<T>(rows: T[], args: Args) {
  let start = args.after ? indexOf(args.after) + 1 : 0;
  let end = args.before ? indexOf(args.before) : rows.length;
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);
  return {
    totalCount: rows.length,
    pageInfo: {
      hasNextPage: end < rows.length,
      hasPreviousPage: start > 0,
      startCursor: start < end ? cursorOf(start) : null,
      endCursor: start < end ? cursorOf(end - 1) : null,
    },
    edges: rows.slice(start, end).map((node, i) => ({ cursor: cursorOf(start + i), node })),
  };
}

function sortBy<T>(
  rows: T[],
  orderBy: { field: string; direction: string }[] | undefined,
  key: (row: T, field: string) => string | number,
) {
  return [...rows].sort((a, b) => {
    for (const o of orderBy ?? []) {
      const x = key(a, o.field);
      const y = key(b, o.field);
      if (x !== y) return (x < y ? -1 : 1) * (o.direction === "DESC" ? -1 : 1);
    }
    return 0;
  });
}

export function makeResolvers(data: Dataset) {
  const pubsub = createPubSub<{ hazardChanged: [{ hazard: Hazard }] }>();
  const today = data.today;
  const isOverdue = (h: Hazard) => (h.status === "REPORTED" || h.status === "RECTIFYING") && h.deadline < today;
  const region = (code: string) => ({
    id: `Region:${code}`,
    code,
    name: CITIES[code] ?? REGIONS.find((r) => r.code === code)?.name ?? PROVINCE.name,
  });
  const openCount = (s: Shelter) => data.hazards.filter((h) => h.shelter === s && h.status !== "CLOSED").length;

  function hazards(filter: Args = {}) {
    const q = filter.search?.toLowerCase();
    return data.hazards.filter(
      (h) =>
        inRegion(filter.regionCode, h.shelter.region.code) &&
        (!filter.status || filter.status.includes(h.status)) &&
        (!filter.level || filter.level.includes(h.level)) &&
        (!filter.category || filter.category.includes(h.category)) &&
        (filter.overdue == null || isOverdue(h) === filter.overdue) &&
        (!q || `${h.code} ${h.title} ${h.shelter.name}`.toLowerCase().includes(q)),
    );
  }

  function stats(rows: Hazard[], key: string | null, label: string | null) {
    const closed = rows.filter((h) => h.status === "CLOSED").length;
    return {
      key,
      label,
      total: rows.length,
      open: rows.length - closed,
      closed,
      overdue: rows.filter(isOverdue).length,
      closureRate: rows.length ? closed / rows.length : null,
    };
  }

  const groupKey: Record<string, (h: Hazard) => [string, string]> = {
    CITY: (h) => [h.shelter.region.city, CITIES[h.shelter.region.city]],
    COUNTY: (h) => [h.shelter.region.code, h.shelter.region.name],
    LEVEL: (h) => [h.level, h.level],
    CATEGORY: (h) => [h.category, h.category],
    STATUS: (h) => [h.status, h.status],
  };

  const campaign = {
    code: "JX-RF-2020",
    name: "江西省人防系统安全生产专项整治三年行动",
    startsOn: "2020-04-01",
    endsOn: "2022-12-31",
    phases: [
      { name: "动员部署", startsOn: "2020-04-01", endsOn: "2020-05-31", description: "制定方案，部署启动" },
      {
        name: "排查整治",
        startsOn: "2020-06-01",
        endsOn: "2020-12-31",
        description: "全面排查，建立问题隐患和制度措施“两个清单”",
      },
      { name: "集中攻坚", startsOn: "2021-01-01", endsOn: "2021-12-31", description: "聚焦重点难点问题集中攻坚" },
      { name: "巩固提升", startsOn: "2022-01-01", endsOn: "2022-12-31", description: "总结经验，建立长效机制" },
    ],
    deadlines: [
      { title: "阶段整治情况报告（一）", dueOn: "2020-09-30", recipient: "省人防办工程处" },
      { title: "阶段整治情况报告（二）", dueOn: "2020-12-31", recipient: "省人防办工程处" },
      { title: "2021年第一季度报告", dueOn: "2021-03-31", recipient: "省专项整治办" },
      { title: "2021年第二季度报告", dueOn: "2021-06-30", recipient: "省专项整治办" },
      { title: "2021年第三季度报告", dueOn: "2021-09-30", recipient: "省专项整治办" },
      { title: "2021年第四季度报告", dueOn: "2021-12-31", recipient: "省专项整治办" },
    ],
  };
  const campaigns = [
    campaign,
    {
      ...campaign,
      code: "JX-RF-2023",
      name: "人防工程安全隐患排查整治“回头看”",
      startsOn: "2023-01-01",
      endsOn: "2023-12-31",
      phases: [],
      deadlines: [],
    },
  ];

  function shifts(regionCode: string, from: string, to: string) {
    const office = `${CITIES[regionCode] ?? PROVINCE.name}人民防空办公室`;
    const leaders = ["王建国", "李卫东", "张海燕", "刘志强", "陈红梅", "杨晓明", "赵国平"];
    const out = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const n = daysBetween("2020-01-06", day);
      out.push(
        {
          date: day,
          kind: "DAY",
          startsAt: `${day}T08:30:00+08:00`,
          endsAt: `${day}T17:30:00+08:00`,
          organization: { id: "o1", name: office },
          leader: { name: leaders[n % 7] },
          officers: [{ name: "周文" }, { name: "吴倩" }],
        },
        {
          date: day,
          kind: "NIGHT",
          startsAt: `${day}T17:30:00+08:00`,
          endsAt: `${addDays(day, 1)}T08:30:00+08:00`,
          organization: { id: "o1", name: office },
          leader: { name: leaders[(n + 3) % 7] },
          officers: [{ name: "郑磊" }],
        },
      );
    }
    return out;
  }

  return {
    pubsub,
    /** Changes a hazard's status and publishes `hazardChanged` (the harness's stand-in for a mutation). */
    changeHazard(code: string, status: string) {
      const hazard = data.hazards.find((h) => h.code === code);
      if (!hazard) return false;
      hazard.status = status;
      pubsub.publish("hazardChanged", { hazard });
      return true;
    },
    resolvers: {
      Hazard: {
        isOverdue,
        overdueDays: (h: Hazard) => (isOverdue(h) ? daysBetween(h.deadline, today) : 0),
        responsibleUnit: (h: Hazard) => ({ id: `Org:${h.unit}`, name: h.unit }),
      },
      Shelter: {
        openHazardCount: openCount,
        region: (s: Shelter) => region(s.region.code),
      },
      Query: {
        nearestShelters: (_: unknown, a: Args) => {
          const origin = toWgs84({ latitude: a.latitude, longitude: a.longitude }, a.datum ?? "WGS84");
          return data.shelters
            .filter((s) => ["IN_USE", "IDLE"].includes(s.status) && s.wartimeCapacity >= (a.minCapacity ?? 0))
            .map((s) => ({
              ...s,
              region: region(s.region.code),
              capacity: s.wartimeCapacity,
              distanceMeters: Math.round(distanceMeters(origin, s) * 10) / 10,
              entrance: { wgs84: { latitude: s.latitude, longitude: s.longitude }, gcj02: wgs84ToGcj02(s) },
            }))
            .sort((x, y) => x.distanceMeters - y.distanceMeters)
            .slice(0, a.first ?? 10);
        },
        hazards: (_: unknown, a: Args) =>
          connection(
            sortBy(hazards(a.filter), a.orderBy, (h, f) =>
              f === "LEVEL"
                ? LEVEL_RANK[h.level]
                : f === "STATUS"
                  ? STATUS_RANK[h.status]
                  : f === "DEADLINE"
                    ? h.deadline
                    : f === "CODE"
                      ? h.code
                      : h.discoveredOn,
            ),
            a,
          ),
        shelters: (_: unknown, a: Args) => {
          const f = a.filter ?? {};
          const q = f.search?.toLowerCase();
          const rows = data.shelters.filter(
            (s) =>
              inRegion(f.regionCode, s.region.code) &&
              (!f.status || f.status.includes(s.status)) &&
              (!q || `${s.code} ${s.name}`.toLowerCase().includes(q)),
          );
          return connection(
            sortBy(rows, a.orderBy, (s, k) =>
              k === "NAME"
                ? s.name
                : k === "PARKING_SPACES"
                  ? s.parkingSpaces
                  : k === "OPEN_HAZARD_COUNT"
                    ? openCount(s)
                    : s.code,
            ),
            a,
          );
        },
        hazardStats: (_: unknown, a: Args) => {
          const rows = hazards(a.filter);
          const by = a.groupBy?.[0];
          if (!by) return [stats(rows, null, null)];
          const groups = new Map<string, { label: string; rows: Hazard[] }>();
          for (const h of rows) {
            const [key, label] = groupKey[by](h);
            if (!groups.has(key)) groups.set(key, { label, rows: [] });
            groups.get(key)!.rows.push(h);
          }
          return [...groups.entries()].sort().map(([key, g]) => stats(g.rows, key, g.label));
        },
        targetProgress: (_: unknown, a: Args) => {
          const asOf: string = a.asOf ?? today;
          const y = a.year as number;
          const elapsed =
            asOf < `${y}-01-01`
              ? 0
              : asOf > `${y}-12-31`
                ? 1
                : (daysBetween(`${y}-01-01`, asOf) + 1) / (y % 4 ? 365 : 366);
          const entry = (code: string, target: number, actual: number) => {
            const progress = target ? actual / target : null;
            return {
              metric: a.metric,
              year: y,
              region: region(code),
              target,
              actual,
              progress,
              expectedProgress: elapsed,
              onTrack: (progress ?? 0) >= elapsed,
              breakdown: [] as unknown[],
            };
          };
          const cities = Object.keys(CITIES).map((code, i) => {
            const target =
              a.metric === "NEW_PARKING_SPACES"
                ? [6000, 1800, 1500, 3600, 1200, 1000, 4200, 2700, 3000, 2000, 3000][i]
                : 1;
            const share = 0.55 + ((i * 37) % 50) / 100;
            return entry(
              code,
              target,
              a.metric === "NEW_PARKING_SPACES"
                ? Math.round(target * share * Math.max(elapsed, 0.3))
                : Math.min(1, share),
            );
          });
          const target = cities.reduce((s, c) => s + (c.target ?? 0), 0);
          const actual = cities.reduce((s, c) => s + c.actual, 0);
          const top =
            a.metric === "NEW_PARKING_SPACES"
              ? entry(a.regionCode, target, actual)
              : entry(a.regionCode, 1, actual / cities.length);
          top.breakdown = a.regionCode === PROVINCE.code ? cities : [];
          return top;
        },
        campaigns: (_: unknown, a: Args) => connection(campaigns, a),
        campaign: (_: unknown, a: Args) => campaigns.find((c) => c.code === a.code) ?? null,
        onDuty: (_: unknown, a: Args) => {
          const at = new Date(a.at ?? Date.now());
          return shifts(a.regionCode, addDays(today, -1), addDays(today, 1)).filter(
            (s) => new Date(s.startsAt) <= at && at < new Date(s.endsAt),
          );
        },
        dutyShifts: (_: unknown, a: Args) => connection(shifts(a.regionCode, a.from, a.to), a),
        stageReports: (_: unknown, a: Args) => {
          const units = Object.values(CITIES).map((c, i) => ({ id: `Org:${i}`, name: `${c}人防办` }));
          const rows = units.flatMap((organization, i) =>
            campaign.deadlines.map((deadline, j) => {
              const r = (i * 7 + j * 3) % 10;
              const timeliness = deadline.dueOn > today ? null : r < 7 ? "ON_TIME" : r < 9 ? "LATE" : "MISSING";
              const submittedAt =
                timeliness === "ON_TIME"
                  ? `${addDays(deadline.dueOn, -2)}T10:00:00+08:00`
                  : timeliness === "LATE"
                    ? `${addDays(deadline.dueOn, 5)}T10:00:00+08:00`
                    : null;
              return { id: `StageReport:${i}:${j}`, organization, deadline, submittedAt, timeliness };
            }),
          );
          return connection(rows, a);
        },
      },
      Subscription: {
        hazardChanged: {
          subscribe: () => pubsub.subscribe("hazardChanged"),
          resolve: (payload: { hazard: Hazard }) => payload,
        },
      },
    },
  };
}
