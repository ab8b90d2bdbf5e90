// Export benchmark (not a test): seeds — or reuses — a scaled demo dataset, downloads the whole
// hazard ledger through the API (GET /export/hazards.xlsx, as a browser would) and prints the rows
// per second and the process's peak RSS, sampled while it runs. Bounded memory shows as a peak
// RSS that stays flat from one scale to the next.
//
//   tsx packages/api/bench/export.ts [--scale 100] [--format xlsx|csv] [--db /path/file.db]
//   DATABASE_URL=postgresql://… tsx packages/api/bench/export.ts --scale 100
//
// Scale 100 is about 1,000,000 hazards; seeding it takes a while and is done once per file.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { migrate, openDatabase } from "@renfang/schema";
import { regionWhere } from "@renfang/schema/scope";
import { seedDemo } from "@renfang/schema/seed";
import { signToken } from "../src/auth.ts";
import { repoRoot } from "../src/config.ts";
import { createApi } from "../src/yoga.ts";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "10" },
    format: { type: "string", default: "xlsx" },
    db: { type: "string" },
    region: { type: "string" },
  },
});
const scale = Number(values.scale);
const format = values.format === "csv" ? "csv" : "xlsx";
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

let url = process.env.DATABASE_URL ?? "";
if (!url) {
  const dir = join(repoRoot, "data");
  mkdirSync(dir, { recursive: true });
  url = `file:${values.db ?? join(dir, `bench-scale-${scale}.db`)}`;
}
const fresh = url.startsWith("file:") && !existsSync(url.slice(5));
await migrate(url);
const database = openDatabase({ url });
const today = new Date("2022-06-15T04:00:00Z");
if (fresh || (await database.prisma.region.count()) === 0) {
  console.log(`seeding scale ${scale} into ${url} (once) …`);
  const started = Date.now();
  await seedDemo(database.prisma, { scale, today, log: (line) => console.log(`  ${line}`) });
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
const hazards = await database.prisma.hazard.count();

const secret = "bench-secret-bench-secret-bench-secret-0";
const api = createApi({ database, tokenSecret: secret, now: () => today, rateLimit: false });
const token = await signToken(secret, { subject: "bench", role: "PROVINCE_ADMIN" });
const query = values.region ? `?regionCode=${values.region}` : "";

// Peak RSS, sampled every 50 ms while the export runs (plus the RSS before it starts).
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);

const started = performance.now();
const res = await api.fetch(`http://bench/export/hazards.${format}${query}`, {
  headers: { authorization: `Bearer ${token}` },
});
if (!res.ok || !res.body) throw new Error(`export failed: ${res.status} ${await res.text()}`);
let bytes = 0;
let lastReport = started;
for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
  bytes += chunk.byteLength;
  if (performance.now() - lastReport > 10_000) {
    lastReport = performance.now();
    console.log(`  … ${mb(bytes)} written, RSS ${mb(process.memoryUsage().rss)}`);
  }
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);

const rows = values.region
  ? await database.prisma.hazard.count({ where: regionWhere("Hazard", values.region) })
  : hazards;
console.log(
  [
    `database      ${database.provider}, ${hazards.toLocaleString("en")} hazards (scale ${scale})`,
    `export        hazards.${format}${query}: ${rows.toLocaleString("en")} rows, ${mb(bytes)}`,
    `time          ${seconds.toFixed(1)} s`,
    `throughput    ${Math.round(rows / seconds).toLocaleString("en")} rows/s`,
    `RSS           ${mb(baseline)} before, ${mb(peak)} peak`,
  ].join("\n"),
);
await database.close();
