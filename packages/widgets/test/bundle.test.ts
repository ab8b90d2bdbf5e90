// The one-file bundle and the rules its sources keep (strict CSP, translations, size budget).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildBundle, packageDir } from "../scripts/bundle.ts";

const BUDGET = 45 * 1024;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

describe("renfang-widgets.js", () => {
  it(`has all seven widgets, Lit, urql and both languages within ${BUDGET / 1024} KB gzip`, async () => {
    const { code, gzip } = await buildBundle();
    expect(gzip).toBeLessThanOrEqual(BUDGET);
    for (const tag of [
      "rf-hazard-ledger",
      "rf-shelter-ledger",
      "rf-target-progress",
      "rf-rectification-progress",
      "rf-campaign-timeline",
      "rf-duty-roster",
      "rf-report-status",
    ]) {
      expect(code.includes(`"${tag}"`), tag).toBe(true);
    }
    expect(code.includes("已销号") && code.includes("Pending acceptance"), "both languages").toBe(true);
    expect(/process\.env|\beval\(|new Function\(/.test(code), "no eval, no process.env").toBe(false);
    expect(/^import\s/m.test(code), "self-contained").toBe(false);
  });
});

describe("widget sources", () => {
  const files = sources(join(packageDir, "src"));

  it("never write a style attribute (blocked by a strict CSP): no styleMap, no style= in templates", () => {
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      expect(text, f).not.toMatch(/styleMap|\sstyle=/);
    }
  });

  it("keep every Chinese label in the translation tables (comments aside)", () => {
    for (const f of files.filter((p) => !p.includes(`${join("src", "i18n")}`))) {
      const code = readFileSync(f, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      expect(code.match(/.*[\u3400-\u9fff].*/g), f).toBeNull();
    }
  });
});
