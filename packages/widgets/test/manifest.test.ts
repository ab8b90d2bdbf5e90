// custom-elements.json is generated from the components' JSDoc by
// `pnpm --filter @renfang/widgets analyze` and committed; this fails when it is stale.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageDir } from "../scripts/bundle.ts";

const TAGS = [
  "rf-campaign-timeline",
  "rf-duty-roster",
  "rf-hazard-ledger",
  "rf-rectification-progress",
  "rf-report-status",
  "rf-shelter-finder",
  "rf-shelter-ledger",
  "rf-target-progress",
];

/** The manifest with its modules in path order (the analyzer's order follows the file system's). */
function sorted(json: string) {
  const manifest = JSON.parse(json);
  manifest.modules.sort((a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path));
  return manifest;
}

describe("custom-elements.json", () => {
  const committed = readFileSync(join(packageDir, "custom-elements.json"), "utf8");

  it("is what the analyzer generates from the sources now (run `pnpm --filter @renfang/widgets analyze`)", () => {
    const out = join("test-results", `cem-check-${process.pid}`);
    try {
      execFileSync(join(packageDir, "node_modules", ".bin", "cem"), ["analyze", "--quiet", "--outdir", out], {
        cwd: packageDir,
        stdio: "pipe",
      });
      const fresh = readFileSync(join(packageDir, out, "custom-elements.json"), "utf8");
      expect(sorted(fresh)).toEqual(sorted(committed));
    } finally {
      rmSync(join(packageDir, out), { recursive: true, force: true });
    }
  });

  it("describes all eight elements with their attributes, events, parts and custom properties", () => {
    const manifest = JSON.parse(committed);
    const elements = manifest.modules.flatMap((m: { declarations?: { tagName?: string }[] }) =>
      (m.declarations ?? []).filter((d) => d.tagName),
    );
    expect(elements.map((e: { tagName: string }) => e.tagName).sort()).toEqual(TAGS);
    for (const e of elements) {
      expect(e.summary, e.tagName).toBeTruthy();
      expect(
        e.attributes.map((a: { name: string }) => a.name),
        e.tagName,
      ).toEqual(expect.arrayContaining(["endpoint", "token", "lang", "region", "live"]));
      expect(
        e.events.map((v: { name: string }) => v.name),
        e.tagName,
      ).toEqual(expect.arrayContaining(["rf-load", "rf-error"]));
      expect(
        e.cssParts.map((p: { name: string }) => p.name),
        e.tagName,
      ).toContain("base");
      expect(e.cssProperties.length, e.tagName).toBeGreaterThan(0);
    }
  });
});
