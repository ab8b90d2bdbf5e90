import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { en } from "../src/i18n/en.js";
import { CJK, closePage, cspReports, env, openPage, resultsDir, widgetsReady } from "./helpers/browser.js";

const TAGS = [
  "rf-campaign-timeline",
  "rf-duty-roster",
  "rf-target-progress",
  "rf-rectification-progress",
  "rf-hazard-ledger",
  "rf-shelter-ledger",
  "rf-report-status",
  "rf-shelter-finder",
];

describe.skipIf(!env)("the example portal (examples/portal) in Chromium", () => {
  let page: Page;
  const consoleErrors: string[] = [];
  const open = async (path: string) => {
    page = await openPage(path);
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  };
  afterEach(() => closePage(page));

  it("shows all eight widgets with real data under its strict CSP (zh-CN)", async () => {
    await open("/?report=portal-zh");
    expect(Object.keys(await widgetsReady(page)).sort()).toEqual([...TAGS].sort());
    expect(await page.locator("rf-hazard-ledger tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("rf-shelter-ledger tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("rf-target-progress").getByRole("progressbar").count()).toBeGreaterThan(1);
    expect(await page.locator("rf-rectification-progress").getByRole("progressbar").count()).toBeGreaterThan(1);
    expect(await page.locator("rf-campaign-timeline [part~=phase]").count()).toBeGreaterThan(0);
    expect(await page.locator("rf-duty-roster [part~=week] tbody tr").count()).toBe(7);
    expect(await page.locator("rf-report-status tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("rf-shelter-finder [part~=item]").count()).toBe(5);
    expect(await page.locator("rf-hazard-ledger h2").textContent()).toBe("问题隐患及整改台账");
    await page.screenshot({ path: join(resultsDir, "portal-zh-CN.png"), fullPage: true });
    expect(await cspReports("portal-zh")).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });

  it("switches the portal and every widget to English with ?lang=en", async () => {
    await open("/?lang=en&report=portal-en");
    await widgetsReady(page);
    expect(await page.locator("rf-hazard-ledger h2").textContent()).toBe(en.hazardLedger.title);
    expect(await page.locator("rf-shelter-ledger h2").textContent()).toBe(en.shelterLedger.title);
    expect(await page.locator("rf-rectification-progress h2").textContent()).toBe(en.rectification.title);
    expect(await page.locator("rf-duty-roster h2").textContent()).toBe(en.duty.title);
    expect(await page.locator("rf-report-status h2").textContent()).toBe(en.reports.title);
    expect(await page.locator("rf-shelter-finder h2").textContent()).toBe(en.finder.title);
    expect(await page.locator("rf-target-progress h2").textContent()).toContain(
      en.enums.TargetMetric.NEW_PARKING_SPACES,
    );
    const labels = await page
      .locator(
        TAGS.map(
          (t) =>
            `${t} :is(th[role=columnheader], thead th:first-child, button, summary, label > span, [part~=filter] option, [part~=badge], h3:not([part~=name]), dt, [part~=footer] span, [part~=shift] .sub, .head span.sub)`,
        ).join(", "),
      )
      .allTextContents();
    expect(labels.length).toBeGreaterThan(50);
    // Data (names of units, shelters, campaigns) stays as the API sends it; every label is English.
    expect(labels.filter((t) => CJK.test(t))).toEqual([]);
    await page.screenshot({ path: join(resultsDir, "portal-en.png"), fullPage: true });
    expect(await cspReports("portal-en")).toEqual([]);
  });
});
