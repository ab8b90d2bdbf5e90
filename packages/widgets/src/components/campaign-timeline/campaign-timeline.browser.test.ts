import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closePage, env, mount, openPage, widgetsReady } from "../../../test/helpers/browser.js";

describe.skipIf(!env)("rf-campaign-timeline in Chromium", () => {
  let page: Page;
  beforeEach(async () => {
    page = await openPage();
  });
  afterEach(() => closePage(page));

  const widget = () => page.locator("rf-campaign-timeline");

  it("shows the phases, today's phase and the next reporting deadline", async () => {
    await mount(page, `<rf-campaign-timeline today="2021-03-20"></rf-campaign-timeline>`);
    await widgetsReady(page);
    expect(await widget().getByRole("heading").first().textContent()).toContain("专项整治");
    const phases = widget().locator("[part~=phases] li");
    expect(await phases.count()).toBeGreaterThan(1);
    const current = widget().locator('[aria-current="step"]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toContain("当前阶段");
    expect(await widget().locator("[part~=today]").count()).toBe(1);
    const next = widget().locator("[part~=next-deadline]");
    expect(await next.textContent()).toContain("下一报送节点");
    expect(await next.textContent()).toMatch(/还有 \d+ 天|今天截止/);
  });

  it("switches to English", async () => {
    await mount(page, `<rf-campaign-timeline today="2021-03-20" lang="en"></rf-campaign-timeline>`);
    await widgetsReady(page);
    expect(await widget().locator("[part~=next-deadline]").textContent()).toMatch(
      /Next reporting deadline[\s\S]*(\d+ days left|Due today)/,
    );
    expect(await widget().locator("h3").textContent()).toBe("Reporting deadlines");
  });
});
