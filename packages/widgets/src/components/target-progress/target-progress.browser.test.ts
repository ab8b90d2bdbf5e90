import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closePage, env, mount, openPage, widgetsReady } from "../../../test/helpers/browser.js";

describe.skipIf(!env)("rf-target-progress in Chromium", () => {
  let page: Page;
  beforeEach(async () => {
    page = await openPage();
  });
  afterEach(() => closePage(page));

  const widget = () => page.locator("rf-target-progress");

  it("shows target against actual as bars, with the expected marker and the city breakdown", async () => {
    await mount(page, `<rf-target-progress region="360000" year="2022"></rf-target-progress>`);
    await widgetsReady(page);
    expect(await widget().getByRole("heading", { level: 2 }).textContent()).toContain("新增人防工程车位 · 2022年");
    const bars = widget().getByRole("progressbar");
    expect(await bars.count()).toBe(12);
    const main = bars.first();
    const shown = (await widget().locator("[part~=value]").nth(2).textContent())!;
    expect(`${await main.getAttribute("aria-valuenow")}%`).toBe(shown);
    expect(await main.getAttribute("aria-valuemin")).toBe("0");
    expect(Number(await main.getAttribute("aria-valuemax"))).toBeGreaterThanOrEqual(100);
    expect(await main.getAttribute("aria-valuetext")).toMatch(/^完成 [\d.]+%，应完成 [\d.]+%$/);
    expect(await widget().locator("[part~=marker]").count()).toBe(12);
    expect(await widget().locator("[part~=breakdown] [part~=label]").count()).toBe(11);
    expect(await widget().locator("[part~=breakdown]").textContent()).toContain("南昌市");
    const values = await widget().locator("[part~=value]").allTextContents();
    expect(values[0]).toMatch(/^[\d.]+(万)? 个$/);
    const fill = await main
      .locator("[part~=indicator]")
      .evaluate((e) => e.getBoundingClientRect().width / e.parentElement!.getBoundingClientRect().width);
    expect(fill).toBeCloseTo(Math.min(1, Number(await main.getAttribute("aria-valuenow")) / 100), 1);
  });

  it("draws a ring", async () => {
    await mount(
      page,
      `<rf-target-progress region="360000" year="2022" variant="ring" hide-breakdown></rf-target-progress>`,
    );
    await widgetsReady(page);
    const ring = widget().locator("[part~=ring]");
    expect(await ring.getAttribute("role")).toBe("progressbar");
    expect(await widget().getByRole("progressbar").count()).toBe(1);
    expect(await ring.locator("circle[part~=indicator]").getAttribute("stroke-dasharray")).toMatch(/^[\d.]+ [\d.]+$/);
    expect(await ring.textContent()).toContain(`${await ring.getAttribute("aria-valuenow")}%`);
  });

  it("formats ratio metrics as percentages and switches to English", async () => {
    await mount(page, `<rf-target-progress metric="CENSUS_COVERAGE" year="2022" lang="en"></rf-target-progress>`);
    await widgetsReady(page);
    expect(await widget().getByRole("heading", { level: 2 }).textContent()).toContain("Census coverage · 2022");
    expect(await widget().locator("dt").allTextContents()).toEqual(["Actual", "Target", "Progress", "Expected"]);
    expect((await widget().locator("[part~=value]").first().textContent())?.endsWith("%")).toBe(true);
    expect(await widget().getByRole("progressbar").first().getAttribute("aria-valuetext")).toMatch(
      /done, .* expected$/,
    );
  });
});
