// Export benchmark (not a test): takes the benchmarks' scaled demo dataset (dataset.ts: seeded
// once, then reused), downloads the whole hazard ledger through the API
// (GET /export/hazards.xlsx, as a browser would) and prints the rows per second and the process's
// peak RSS, sampled while it runs. Bounded memory shows as a peak RSS that stays flat from one
// scale to the next.
//
//   tsx packages/api/bench/export.ts [--scale 100] [--db sqlite|postgresql] [--format xlsx|csv] [--region 360100]
//
// Scale 100 is about 1,000,000 hazards; seeding it takes a while and is done once.
import { parseArgs } from "node:util";
import { openDatabase } from "@renfang/schema";
import { regionWhere } from "@renfang/schema/scope";
import { signToken } from "../src/auth.ts";
import { createApi } from "../src/yoga.ts";
import { ensureDataset, today } from "./dataset.ts";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "10" },
    db: { type: "string", default: "sqlite" },
    format: { type: "string", default: "xlsx" },
    region: { type: "string" },
  },
});
const scale = Number(values.scale);
const format = values.format === "csv" ? "csv" : "xlsx";
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const url = await ensureDataset(values.db === "postgresql" ? "postgresql" : "sqlite", scale, console.log);
const database = openDatabase({ url });
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
