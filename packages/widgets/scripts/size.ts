// `pnpm size`: the size of renfang-widgets.js (all seven widgets, Lit, urql, zh-CN and en),
// minified and gzip -9, and of each widget; exits 1 over the budget.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { buildBundle, packageDir } from "./bundle.ts";

/** The budget of the whole bundle, gzip -9 bytes (issue 7). */
export const BUDGET = 45 * 1024;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
const dir = join(packageDir, "src", "components");
const widgets = readdirSync(dir).sort();
const entry = (w: string) => join(dir, w, `${w}.ts`);

const total = await buildBundle();
console.log("widget                      alone (gzip)   in the bundle (gzip)");
for (const w of widgets) {
  const alone = await buildBundle({ entries: [entry(w)] });
  const without = await buildBundle({ entries: widgets.filter((x) => x !== w).map(entry) });
  console.log(`rf-${w.padEnd(24)} ${kb(alone.gzip)}      +${kb(total.gzip - without.gzip)}`);
}
const runtime = await buildBundle({
  entries: ["base/rf-element.ts", "data/query-controller.ts", "base/ledger-base.ts", "base/meter.ts"].map((f) =>
    join(packageDir, "src", f),
  ),
});
console.log(
  `shared (Lit, urql, zh-CN + en, base element, data controller, ledger base, meters): ${kb(runtime.gzip).trim()}`,
);
console.log(
  `renfang-widgets.js total: ${kb(total.bytes).trim()} minified, ${kb(total.gzip).trim()} gzip (budget ${kb(BUDGET).trim()})`,
);
if (total.gzip > BUDGET) {
  console.error(`over budget by ${kb(total.gzip - BUDGET).trim()}`);
  process.exit(1);
}
