import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closePage, env, mount, openPage, widgetsReady } from "../../../test/helpers/browser.js";

describe.skipIf(!env)("rf-report-status in Chromium", () => {
  let page: Page;
  beforeEach(async () => {
    page = await openPage();
  });
  afterEach(() => closePage(page));

  const widget = () => page.locator("rf-report-status");

  it("shows on-time, late and missing stage reports per unit", async () => {
    await mount(page, `<rf-report-status></rf-report-status>`);
    await widgetsReady(page);
    const summary = (await widget().locator("[part~=summary]").textContent())!;
    const [onTime, late, missing] = summary.match(/\d+/g)!.map(Number);
    const badges = await widget().locator("tbody [part~=badge]").allTextContents();
    expect(badges.filter((b) => b === "按时")).toHaveLength(onTime);
    expect(badges.filter((b) => b === "迟报")).toHaveLength(late);
    expect(badges.filter((b) => b === "漏报")).toHaveLength(missing);
    expect(await widget().locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await widget().locator("thead th").first().textContent()).toBe("单位");
  });

  it("switches to English", async () => {
    await mount(page, `<rf-report-status lang="en"></rf-report-status>`);
    await widgetsReady(page);
    expect(await widget().locator("[part~=summary]").textContent()).toMatch(/^On time \d+ · Late \d+ · Missing \d+$/);
    const badges = new Set(await widget().locator("tbody [part~=badge]").allTextContents());
    expect([...badges].every((b) => ["On time", "Late", "Missing", "Not yet due"].includes(b))).toBe(true);
  });
});
