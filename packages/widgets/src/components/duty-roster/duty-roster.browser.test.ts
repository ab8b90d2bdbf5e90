import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closePage, env, mount, openPage, widgetsReady } from "../../../test/helpers/browser.js";

describe.skipIf(!env)("rf-duty-roster in Chromium", () => {
  let page: Page;
  beforeEach(async () => {
    page = await openPage();
  });
  afterEach(() => closePage(page));

  const widget = () => page.locator("rf-duty-roster");

  it("shows who is on duty now and the week, with the leading official", async () => {
    await mount(page, `<rf-duty-roster region="360100"></rf-duty-roster>`);
    await widgetsReady(page);
    expect(await widget().locator("h3").allTextContents()).toEqual(["当前值班", "本周值班"]);
    const now = widget().locator("[part~=shift]");
    expect(await now.count()).toBeGreaterThan(0);
    expect(await now.first().textContent()).toContain("带班领导");
    const week = widget().locator("[part~=week] tbody tr");
    expect(await week.count()).toBe(7);
    expect(await week.first().locator("th").textContent()).toContain("周一");
    expect(await widget().locator('[aria-current="date"]').count()).toBe(1);
    expect(await widget().locator("[part~=week] [part~=badge]").allTextContents()).toEqual(
      expect.arrayContaining(["白班"]),
    );
  });

  it("switches to English", async () => {
    await mount(page, `<rf-duty-roster region="360100" lang="en"></rf-duty-roster>`);
    await widgetsReady(page);
    expect(await widget().locator("h3").allTextContents()).toEqual(["On duty now", "This week"]);
    expect(await widget().locator("[part~=week] thead th").allTextContents()).toEqual(["Date", "Leading", "Officers"]);
    expect(await widget().locator("[part~=week] tbody th").first().textContent()).toContain("Mon");
  });
});
