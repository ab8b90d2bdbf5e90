import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closePage, env, mount, openPage, widgetsReady } from "../../../test/helpers/browser.js";

describe.skipIf(!env)("rf-rectification-progress in Chromium", () => {
  let page: Page;
  beforeEach(async () => {
    page = await openPage();
  });
  afterEach(() => closePage(page));

  const widget = () => page.locator("rf-rectification-progress");

  it("shows the closure rate overall and by city", async () => {
    await mount(page, `<rf-rectification-progress></rf-rectification-progress>`);
    await widgetsReady(page);
    const figures = await widget().locator("dt").allTextContents();
    expect(figures).toEqual(["隐患总数", "已销号", "未销号", "超期", "销号率"]);
    const values = await widget().locator("[part~=value]").allTextContents();
    expect(values.slice(0, 4).every((v) => /^[\d,.]+万?$/.test(v))).toBe(true);
    const exact = await widget()
      .locator("[part~=value][title]")
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("title")!.replace(/,/g, ""))));
    const [total, closed, open] = exact;
    expect(closed + open).toBe(total);
    const main = widget().getByRole("progressbar").first();
    const rate = (await widget().locator("[part~=value]").nth(4).textContent())!;
    expect(`${await main.getAttribute("aria-valuenow")}%`).toBe(rate);
    expect(await widget().locator("[part~=breakdown] [part~=label]").count()).toBeGreaterThan(1);
    expect(await widget().locator("[part~=breakdown]").textContent()).toMatch(/市/);
  });

  it("groups by level, draws a ring with a required-rate marker, in English", async () => {
    await mount(
      page,
      `<rf-rectification-progress group-by="LEVEL" variant="ring" target-rate="0.9" lang="en"></rf-rectification-progress>`,
    );
    await widgetsReady(page);
    expect(await widget().locator("[part~=ring]").getAttribute("role")).toBe("progressbar");
    expect(await widget().locator("[part~=breakdown] [part~=label]").allTextContents()).toEqual(
      expect.arrayContaining(["General", "Major"]),
    );
    expect(await widget().locator("[part~=marker]").count()).toBeGreaterThan(1);
    expect(await widget().getByRole("heading").textContent()).toBe("Hazard closure");
  });
});
