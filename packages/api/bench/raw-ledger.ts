// The yardstick for the ledger page: the same JSON as the GraphQL `hazards` page of scenarios.ts,
// produced by hand-written SQL and JSON.stringify with no framework in between. Two statements,
// as few as a careful hand would use: the page (its rows picked and sorted first, then joined, the
// last event by a correlated subquery on HazardEvent(hazardId, id)) and its total count.
import type { IncomingMessage, ServerResponse } from "node:http";
import type Sqlite from "better-sqlite3";
import type pg from "pg";

type Row = Record<string, unknown>;
export interface RawSource {
  /** Runs one statement with positional parameters (`?` on SQLite, `$n` on PostgreSQL). */
  all(sql: string, params: unknown[]): Promise<Row[]>;
  sqlite: boolean;
}

export function sqliteSource(db: Sqlite.Database): RawSource {
  const cache = new Map<string, Sqlite.Statement>();
  const prepared = (sql: string) => cache.get(sql) ?? cache.set(sql, db.prepare(sql)).get(sql)!;
  return { sqlite: true, all: async (sql, params) => prepared(sql).all(...params) as Row[] };
}

export function pgSource(pool: pg.Pool): RawSource {
  return { sqlite: false, all: async (sql, params) => (await pool.query(sql, params)).rows };
}

const DAY = 86_400_000;
const q = (sqlite: boolean, name: string) => (sqlite ? name : `"${name}"`);

/** The page and count statements for a city and `statuses` statuses. */
export function ledgerSql(sqlite: boolean, statuses: number): { page: string; count: string } {
  const c = (name: string) => q(sqlite, name);
  const p = (i: number) => (sqlite ? "?" : `$${i}`);
  const inList = Array.from({ length: statuses }, (_, i) => p(i + 2)).join(", ");
  const where = `${c("cityCode")} = ${p(1)} AND ${c("status")} IN (${inList})`;
  const order = (t: string) =>
    sqlite ? `${t}deadline IS NULL, ${t}deadline, ${t}id` : `${t}deadline ASC NULLS LAST, ${t}id`;
  return {
    // The page's rows are chosen first (from the index, sorted, limited), then joined: joining all
    // of a city's open hazards before the LIMIT costs SQLite ~0.7 s at scale 100.
    page: `SELECT h.id, h.code, h.title, h.level, h.status, h.deadline, h.${c("countyCode")} AS county,
      s.code AS "shelterCode", s.name AS "shelterName", o.code AS "unitCode", o.name AS "unitName",
      e.action, e.${c("toStatus")} AS "toStatus", e.at
    FROM (SELECT id, code, title, level, status, deadline, ${c("countyCode")}, ${c("shelterId")}, ${c("responsibleUnitId")}
      FROM ${c("Hazard")} WHERE ${where} ORDER BY ${order("")} LIMIT ${p(statuses + 2)}) h
    JOIN ${c("Shelter")} s ON s.id = h.${c("shelterId")}
    LEFT JOIN ${c("Organization")} o ON o.id = h.${c("responsibleUnitId")}
    LEFT JOIN ${c("HazardEvent")} e ON e.id =
      (SELECT max(x.id) FROM ${c("HazardEvent")} x WHERE x.${c("hazardId")} = h.id)
    ORDER BY ${order("h.")}`,
    count: `SELECT count(*) AS n FROM ${c("Hazard")} WHERE ${where}`,
  };
}

const day = (v: unknown) => (v == null ? null : new Date(v as string).toISOString().slice(0, 10));
const stamp = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const globalId = (type: string, id: unknown) => Buffer.from(`${type}:${id}`).toString("base64");

/** Serves POST bodies shaped like the GraphQL request (its `variables`) with the same JSON. */
export function rawLedgerHandler(source: RawSource, regionNames: Map<string, string>, today: Date) {
  const todayMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const { variables } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const city: string = variables.filter.regionCode;
    const statuses: string[] = variables.filter.status;
    const first: number = variables.first;
    const sql = ledgerSql(source.sqlite, statuses.length);
    const [rows, [{ n }]] = await Promise.all([
      source.all(sql.page, [city, ...statuses, first + 1]),
      source.all(sql.count, [city, ...statuses]),
    ]);
    const edges = rows.slice(0, first).map((r) => {
      const deadline = r.deadline == null ? null : new Date(r.deadline as string).getTime();
      const open = r.status !== "PENDING_ACCEPTANCE" && r.status !== "CLOSED";
      const overdueDays = open && deadline != null && deadline < todayMs ? Math.floor((todayMs - deadline) / DAY) : 0;
      const county = r.county as string;
      return {
        node: {
          id: globalId("Hazard", r.id),
          code: r.code,
          title: r.title,
          level: r.level,
          status: r.status,
          deadline: day(r.deadline),
          isOverdue: overdueDays > 0,
          overdueDays,
          shelter: { code: r.shelterCode, name: r.shelterName },
          region: { code: county, name: regionNames.get(county) },
          responsibleUnit: r.unitCode == null ? null : { code: r.unitCode, name: r.unitName },
          lastEvent: r.action == null ? null : { action: r.action, toStatus: r.toStatus, at: stamp(r.at) },
        },
      };
    });
    const last = rows[Math.min(first, rows.length) - 1];
    const body = JSON.stringify({
      data: {
        hazards: {
          totalCount: Number(n),
          pageInfo: { hasNextPage: rows.length > first, endCursor: last ? globalId("GPC:N", last.id) : null },
          edges,
        },
      },
    });
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(body);
  };
}
