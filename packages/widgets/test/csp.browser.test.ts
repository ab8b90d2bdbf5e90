import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { closePage, cspReports, env, mount, openPage, widgetsReady } from "./helpers/browser.js";

describe.skipIf(!env)("under a strict Content-Security-Policy (default-src 'self')", () => {
  let page: Page;
  afterEach(() => closePage(page));

  it("the policy is really enforced on the test page", async () => {
    page = await openPage("/test/pages/csp-canary.html?report=canary");
    const res = await page.request.get(`${env!.pageUrl}/test/pages/widgets.html`);
    expect(res.headers()["content-security-policy"]).toContain("default-src 'self'");
    expect(await page.locator("#canary").evaluate((el) => getComputedStyle(el).color)).not.toBe("rgb(255, 0, 0)");
    await expect.poll(() => cspReports("canary")).toHaveLength(1);
  });

  it("all seven widgets render, draw their bars through CSSOM, and cause no violation", async () => {
    page = await openPage("/test/pages/widgets.html?report=widgets");
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await mount(
      page,
      `<rf-target-progress region="360000" year="2022"></rf-target-progress>
       <rf-target-progress region="360000" year="2022" variant="ring" hide-breakdown></rf-target-progress>
       <rf-rectification-progress></rf-rectification-progress>
       <rf-rectification-progress variant="ring" group-by="LEVEL" target-rate="0.9"></rf-rectification-progress>
       <rf-campaign-timeline today="2021-03-20"></rf-campaign-timeline>
       <rf-duty-roster region="360100"></rf-duty-roster>
       <rf-report-status></rf-report-status>
       <rf-hazard-ledger page-size="5"></rf-hazard-ledger>
       <rf-shelter-ledger page-size="5"></rf-shelter-ledger>`,
    );
    await widgetsReady(page);
    const widths = await page
      .locator("rf-target-progress >> [part~=bar] [part~=indicator]")
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(5);
    expect(widths.every((w) => w > 0)).toBe(true);
    const segments = await page
      .locator("rf-campaign-timeline [part~=segment]")
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(segments.every((w) => w > 0)).toBe(true);
    expect(await cspReports("widgets")).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });
});
