import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CJK, closePage, env, mount, openPage, recordEvents, recorded } from "../../../test/helpers/browser.js";
import { en } from "../../i18n/en.js";

describe.skipIf(!env)("rf-shelter-ledger in Chromium", () => {
  let page: Page;
  beforeEach(async () => {
    page = await openPage();
    await recordEvents(page, ["rf-row-activate", "rf-sort-change"]);
  });
  afterEach(() => closePage(page));

  const ledger = () => page.locator("rf-shelter-ledger");
  const rows = () => ledger().locator("tbody tr");
  const column = async (i: number) =>
    (await ledger().locator(`tbody td[data-c="${i}"]`).allTextContents()).map((t) => t.trim());
  const settled = () => expect.poll(() => ledger().locator("[part~=base]").getAttribute("aria-busy")).toBe("false");
  const show = async (attrs = "") => {
    await mount(page, `<rf-shelter-ledger page-size="8" ${attrs}></rf-shelter-ledger>`);
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    await settled();
  };

  it("renders shelters with open-hazard counts as an ARIA grid", async () => {
    await show();
    expect(await rows().count()).toBe(8);
    expect(Number(await ledger().getByRole("grid").getAttribute("aria-rowcount"))).toBeGreaterThan(9);
    const headers = (await ledger().getByRole("columnheader").allTextContents()).map((s) => s.trim());
    expect(headers).toEqual(["工程编号", "工程名称", "地区", "状态", "平时用途", "车位数", "未销号隐患"]);
    expect(await ledger().getByRole("columnheader", { name: "工程编号" }).getAttribute("aria-sort")).toBe("ascending");
    expect((await column(6)).every((n) => /^\d+$/.test(n))).toBe(true);
  });

  it("sorts by open hazards and filters by status and search", async () => {
    await show();
    const header = ledger().getByRole("columnheader", { name: "未销号隐患" });
    await header.click();
    await header.click();
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("descending");
    await settled();
    const counts = (await column(6)).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect((await recorded(page, "rf-sort-change")).at(-1)?.detail).toEqual({
      field: "OPEN_HAZARD_COUNT",
      direction: "DESC",
    });
    await ledger().locator("select[part~=filter]").selectOption("SUSPENDED");
    await settled();
    expect(new Set(await column(3))).toEqual(new Set(["停业整顿"]));
    expect(await rows().evaluateAll((trs) => trs.every((tr) => tr.getAttribute("part")?.includes("suspended")))).toBe(
      true,
    );
    const code = (await column(0))[0];
    await ledger().getByRole("searchbox").fill(code);
    await expect.poll(() => column(0)).toEqual([code]);
  });

  it("chooses columns", async () => {
    await show(`columns="name,openHazardCount"`);
    expect((await ledger().getByRole("columnheader").allTextContents()).map((s) => s.trim())).toEqual([
      "工程名称",
      "未销号隐患",
    ]);
    await ledger().locator("summary").click();
    await ledger().getByLabel("工程编号").check();
    await expect
      .poll(async () => (await ledger().getByRole("columnheader").allTextContents()).map((s) => s.trim()))
      .toEqual(["工程编号", "工程名称", "未销号隐患"]);
    expect(await ledger().getByRole("grid").getAttribute("aria-colcount")).toBe("3");
  });

  it('switches every label with lang="en"', async () => {
    await show(`lang="en"`);
    expect(await ledger().getByRole("heading").textContent()).toBe(en.shelterLedger.title);
    const chrome = await ledger()
      .locator("th, button, summary, label, [part~=badge], [part~=footer] span")
      .allTextContents();
    expect(chrome.filter((t) => CJK.test(t))).toEqual([]);
    expect(await column(4)).not.toContain("地下停车场");
  });
});
