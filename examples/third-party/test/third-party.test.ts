// The example program against a real API (createApi over a fresh database with the demo data,
// called through api.fetch): an API key scoped to Nanchang imports the sample census file, a
// second run changes nothing, and the pulled ledger is exactly the city's hazards, page by page.
import { join } from "node:path";
import { newApiKey } from "@renfang/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, testApi } from "../../../packages/api/test/helpers.ts";
import { run } from "../src/main.ts";
import { ImportRefused } from "../src/sync.ts";

const sample = join(import.meta.dirname, "../census-sample.csv");
let t: TestApi;
let apiKey: string;

beforeAll(async () => {
  t = await testApi();
  const key = newApiKey();
  await t.database.prisma.apiKey.create({
    data: { name: "物业管理系统", prefix: key.prefix, hash: key.hash, role: "CITY_OFFICER", regionCode: "360100" },
  });
  apiKey = key.key;
});
afterAll(() => t?.drop());

const options = (file = sample) => ({
  endpoint: "http://yoga/graphql",
  apiKey,
  file,
  pageSize: 100,
  fetch: async (url: string, init: RequestInit) => t.api.fetch(url, init),
  log: () => {},
});

describe("the third-party example", () => {
  it("imports its workbook once, then pulls its city's whole ledger page by page", async () => {
    const first = await run(options());
    expect(first.imported).toMatchObject({ rows: 3, created: 3, updated: 0 });
    const works = await t.database.prisma.shelter.findMany({
      where: { code: { startsWith: "RF-360111-900" } },
      orderBy: { code: "asc" },
    });
    expect(works.map((w) => [w.code, w.constructionType, w.peacetimeUse, w.censusStatus])).toEqual([
      ["RF-360111-9001", "ATTACHED", "PARKING", "SURVEYED"],
      ["RF-360111-9002", "STANDALONE", "STORAGE", "VERIFIED"],
      ["RF-360111-9003", "ATTACHED", "PARKING", "SURVEYED"],
    ]);

    const expected = await t.database.prisma.hazard.findMany({
      where: { cityCode: "360100" },
      select: { code: true },
      orderBy: { code: "asc" },
    });
    expect(first.hazards.map((h) => h.code)).toEqual(expected.map((h) => h.code));
    expect(first.pages).toBe(Math.ceil(expected.length / 100));

    const again = await run(options());
    expect(again.imported).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3 });
  });

  it("gets the typed refusal listing every bad row, and nothing is written", async () => {
    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const dir = mkdtempSync(join((await import("node:os")).tmpdir(), "third-party-"));
    const bad = join(dir, "bad.csv");
    writeFileSync(
      bad,
      "工程编号,工程名称,区划代码,地址,建设类型,防护等级,战时功能,建筑面积(㎡),掩蔽人数,平时用途\nRF-X-0001,外市工程,360702,赣州某地,单建,核6,人员掩蔽,100,10,仓储\nRF-X-0002,坏工程,360111,某地,单建,核6,人员掩蔽,大,10,仓储\n",
    );
    const err = await run(options(bad)).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRefused);
    const refusal = (err as ImportRefused).refusal;
    expect(refusal.__typename).toBe("ValidationError");
    if (refusal.__typename !== "ValidationError") return;
    expect(refusal.issues?.map((i) => [i.field, i.rule])).toEqual([
      ["rows.2.regionCode", "scope"],
      ["rows.3.area", "number"],
    ]);
    expect(await t.database.prisma.shelter.count({ where: { code: { startsWith: "RF-X-" } } })).toBe(0);
  });
});
