// Every saved query runs against a real API on the demo data (createApi over a fresh database,
// called through api.fetch) as an ANALYST, and its table says what the ledger says.
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, testApi, tokenFor } from "../../../packages/api/test/helpers.ts";
import {
  calendarVariables,
  declaredVariables,
  displayWidth,
  type Endpoint,
  formatTable,
  loadQueries,
  QueryFailed,
  runQuery,
} from "../src/analyst.ts";

let t: TestApi;
let endpoint: Endpoint;
const variables = calendarVariables("2022-06-15");

beforeAll(async () => {
  t = await testApi();
  endpoint = {
    url: "http://yoga/graphql",
    token: await tokenFor({ role: "ANALYST", subject: "P-analyst" }),
    fetch: (url, init) => t.api.fetch(url, init),
  };
});
afterAll(() => t?.drop());

const queries = loadQueries();
const byName = (name: string) => queries.find((q) => q.name === name)!;

describe("the saved queries", () => {
  it("are all there, each with a title", () => {
    expect(queries.length).toBeGreaterThanOrEqual(8);
    for (const q of queries) expect(q.title, q.name).not.toBe("");
  });

  for (const q of queries) {
    it(`${q.name} runs and returns rows`, async () => {
      const answer = await runQuery(endpoint, q, variables);
      expect(answer.rows.length).toBeGreaterThan(0);
      expect(formatTable(answer.rows).split("\n").length).toBe(answer.rows.length + 2);
    });
  }

  it("closure rate by city: one row per city, numbers that match the ledger", async () => {
    const { rows } = await runQuery(endpoint, byName("closure-rate-by-city"), variables);
    expect(rows.map((r) => r.label)).toContain("南昌市");
    expect(rows).toHaveLength(11);
    const nanchang = rows.find((r) => r.label === "南昌市")!;
    expect(Number(nanchang.total)).toBe(await t.database.prisma.hazard.count({ where: { cityCode: "360100" } }));
    const closed = await t.database.prisma.hazard.count({ where: { cityCode: "360100", status: "CLOSED" } });
    expect(nanchang.closureRate).toBe(`${((closed / Number(nanchang.total)) * 100).toFixed(1)}%`);
  });

  it("overdue major hazards by county: the counties of Ganzhou, adding up to the overdue major ledger", async () => {
    const { rows } = await runQuery(endpoint, byName("overdue-major-by-county"), { ...variables, days: 0 });
    const expected = await t.database.prisma.hazard.count({
      where: {
        cityCode: "360700",
        level: "MAJOR",
        status: { in: ["REPORTED", "RECTIFYING"] },
        deadline: { lt: new Date("2022-06-15") },
      },
    });
    expect(rows.reduce((n, r) => n + Number(r.total), 0)).toBe(expected);
    expect(rows.every((r) => /[县区市]$/.test(r.label))).toBe(true);
  });

  it("the overdue major ledger flattens nested fields into columns", async () => {
    const answer = await runQuery(endpoint, byName("overdue-major-ledger"), variables);
    expect(Object.keys(answer.rows[0])).toEqual(
      expect.arrayContaining(["code", "city.name", "shelter.name", "overdueDays", "responsibleUnit.name"]),
    );
    expect(answer.totalCount).toBeGreaterThanOrEqual(answer.rows.length);
    expect(answer.rows.every((r) => Number(r.overdueDays) > 0)).toBe(true);
  });
});

describe("the script, as a person runs it", () => {
  const run = async (...args: string[]) => {
    const server = createServer(t.api);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/graphql`;
    try {
      return await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ["--import", "tsx", "src/run.ts", "--", ...args, "--url", url, "--token", endpoint.token!],
          { cwd: join(import.meta.dirname, "..") },
          (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
        );
      });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  };

  it("keeps an all-digit region code a String and makes a declared Int a number (--var)", async () => {
    const r = await run("overdue-major-by-county", "--var", "city=360100", "--var", "days=0", "--today", "2022-06-15");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const nanchang = await t.database.prisma.region.findMany({ where: { parentCode: "360100" } });
    const labels = r.stdout
      .split("\n")
      .slice(4)
      .map((line) => line.split(/\s+/)[0]);
    expect(labels.filter((l) => nanchang.some((c) => c.name === l)).length).toBeGreaterThan(0);
  });

  it("names the variable and its type when a value does not fit", async () => {
    const r = await run("overdue-major-by-county", "--var", "days=soon");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--var days=soon: $days is Int, so it must be a whole number");
  });
});

describe("the helpers", () => {
  it("reads the variables a query declares and fills in the calendar ones", () => {
    expect(declaredVariables(byName("patrol-findings-this-quarter").text)).toEqual(["quarterStart", "today"]);
    expect(declaredVariables(byName("suspended-works").text)).toEqual([]);
    expect(calendarVariables("2022-06-15")).toEqual({
      today: "2022-06-15",
      quarterStart: "2022-04-01",
      yearStart: "2022-01-01",
    });
    expect(calendarVariables("2022-12-31").quarterStart).toBe("2022-10-01");
  });

  it("aligns Chinese text by display width", () => {
    expect(displayWidth("南昌市 a")).toBe(8);
    const table = formatTable([
      { label: "南昌市", total: "12" },
      { label: "Ganzhou", total: "3" },
    ]).split("\n");
    expect(table.map(displayWidth)).toEqual([14, 14, 14, 14]);
    expect(table[3]).toBe("Ganzhou      3");
  });

  it("reports a refused query with the server's message", async () => {
    const bad = { name: "bad", title: "", text: "{ hazards(first: 1) { nope } }" };
    await expect(runQuery(endpoint, bad, {})).rejects.toThrow(QueryFailed);
  });
});
