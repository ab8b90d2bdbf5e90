import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CJK,
  closePage,
  env,
  mount,
  openPage,
  recordEvents,
  recorded,
  resultsDir,
} from "../../../test/helpers/browser.js";
import { en } from "../../i18n/en.js";

describe.skipIf(!env)("rf-hazard-ledger in Chromium", () => {
  let page: Page;
  beforeEach(async () => {
    page = await openPage();
    await recordEvents(page, [
      "rf-row-activate",
      "rf-sort-change",
      "rf-page-change",
      "rf-filter-change",
      "rf-export",
      "rf-error",
      "rf-live-update",
    ]);
  });
  afterEach(() => closePage(page));

  const ledger = () => page.locator("rf-hazard-ledger");
  const grid = () => ledger().getByRole("grid");
  const rows = () => ledger().locator("tbody tr");
  const column = async (i: number) =>
    (await ledger().locator(`tbody td[data-c="${i}"]`).allTextContents()).map((t) => t.trim());
  const total = async () => Number(await grid().getAttribute("aria-rowcount")) - 1;
  const show = async (attrs = "") => {
    await mount(page, `<rf-hazard-ledger page-size="10" ${attrs}></rf-hazard-ledger>`);
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    await expect.poll(() => ledger().locator("[part~=base]").getAttribute("aria-busy")).toBe("false");
  };
  const settled = () => expect.poll(() => ledger().locator("[part~=base]").getAttribute("aria-busy")).toBe("false");
  const activeCell = () =>
    page.evaluate(() => {
      const a = document.querySelector("rf-hazard-ledger")!.shadowRoot!.activeElement as HTMLElement | null;
      return a ? `${a.dataset.r},${a.dataset.c}` : null;
    });

  it("renders a page of real hazards as an ARIA grid", async () => {
    await show();
    expect(await rows().count()).toBe(10);
    const n = await total();
    expect(n).toBeGreaterThan(10);
    expect(await grid().getAttribute("aria-colcount")).toBe("10");
    expect(await ledger().getByRole("columnheader").count()).toBe(10);
    expect(await ledger().getByRole("row").count()).toBe(11);
    expect(await ledger().getByRole("gridcell").count()).toBe(100);
    expect(await rows().first().getAttribute("aria-rowindex")).toBe("2");
    expect(await ledger().locator("[part~=footer]").textContent()).toContain(`共 ${n} 条`);
    expect((await ledger().locator("th[aria-sort]").textContent())?.trim()).toBe("发现日期");
    expect(await ledger().locator("th[aria-sort]").getAttribute("aria-sort")).toBe("descending");
    const badges = await ledger().locator("td [part~=badge]").allTextContents();
    expect(badges.some((b) => ["已登记", "整改中", "待验收", "已销号"].includes(b))).toBe(true);
  });

  it("pages through the server's cursors", async () => {
    await show();
    const n = await total();
    const first = await column(0);
    await ledger().getByRole("button", { name: "下一页" }).click();
    await expect.poll(() => rows().first().getAttribute("aria-rowindex")).toBe("12");
    await settled();
    const second = await column(0);
    expect(second.some((c) => first.includes(c))).toBe(false);
    expect(await ledger().locator("[part~=footer]").textContent()).toContain("第 2 /");
    await ledger().getByRole("button", { name: "末页" }).click();
    await expect.poll(() => rows().count()).toBe(n % 10 || 10);
    expect(await rows().last().getAttribute("aria-rowindex")).toBe(String(n + 1));
    await ledger().getByRole("button", { name: "上一页" }).click();
    await expect.poll(() => rows().count()).toBe(10);
    await ledger().getByRole("button", { name: "首页" }).click();
    await expect.poll(() => column(0)).toEqual(first);
    const pages = (await recorded(page, "rf-page-change")).map((e) => e.detail.page);
    expect(pages).toEqual([2, Math.ceil(n / 10), Math.ceil(n / 10) - 1, 1]);
  });

  it("sorts on the server from the column headers", async () => {
    await show();
    const code = ledger().getByRole("columnheader", { name: "隐患编号" });
    await code.click();
    await expect.poll(() => code.getAttribute("aria-sort")).toBe("ascending");
    await settled();
    const asc = await column(0);
    expect(asc).toEqual([...asc].sort());
    await code.click();
    await expect.poll(() => code.getAttribute("aria-sort")).toBe("descending");
    await settled();
    const desc = await column(0);
    expect(desc).toEqual([...desc].sort().reverse());
    expect(await ledger().locator("th[aria-sort]").count()).toBe(1);
    expect((await recorded(page, "rf-sort-change")).map((e) => e.detail)).toEqual([
      { field: "CODE", direction: "ASC" },
      { field: "CODE", direction: "DESC" },
    ]);
  });

  it("filters by status, level, overdue and search", async () => {
    await show();
    const all = await total();
    await ledger().locator("select[part~=filter]").first().selectOption("CLOSED");
    await settled();
    await expect.poll(total).toBeLessThan(all);
    expect(new Set(await column(6))).toEqual(new Set(["已销号"]));
    await ledger().locator("select[part~=filter]").first().selectOption("");
    await ledger().locator("select[part~=filter]").nth(1).selectOption("MAJOR");
    await settled();
    expect(new Set(await column(5))).toEqual(new Set(["重大"]));
    expect(await rows().evaluateAll((trs) => trs.every((tr) => tr.getAttribute("part")?.includes("major")))).toBe(true);
    await ledger().locator("select[part~=filter]").nth(1).selectOption("");
    await ledger().getByLabel("仅看超期").check();
    await settled();
    expect(await rows().evaluateAll((trs) => trs.every((tr) => tr.getAttribute("part")?.includes("overdue")))).toBe(
      true,
    );
    expect((await column(8)).every((t) => /超期 \d+ 天/.test(t))).toBe(true);
    await ledger().getByLabel("仅看超期").uncheck();
    await settled();
    const code = (await column(0))[3];
    await ledger().getByRole("searchbox").fill(code);
    await expect.poll(total).toBe(1);
    expect(await column(0)).toEqual([code]);
    const filters = (await recorded(page, "rf-filter-change")).map((e) => e.detail.filter);
    expect(filters.at(-1)).toMatchObject({ search: code });
    expect(filters[0]).toMatchObject({ status: ["CLOSED"] });
  });

  it("filters from attributes, ignoring unknown values", async () => {
    await show(`status="RECTIFYING,BOGUS" level="major"`);
    expect(new Set(await column(6))).toEqual(new Set(["整改中"]));
    expect(new Set(await column(5))).toEqual(new Set(["重大"]));
  });

  it("re-queries when the page changes an attribute", async () => {
    await show();
    const all = await total();
    await ledger().evaluate((el) => el.setAttribute("status", "PENDING_ACCEPTANCE"));
    await expect.poll(total).toBeLessThan(all);
    await settled();
    expect(new Set(await column(6))).toEqual(new Set(["待验收"]));
    await ledger().evaluate((el) => el.setAttribute("lang", "en"));
    await expect.poll(async () => new Set(await column(6))).toEqual(new Set(["Pending acceptance"]));
  });

  it("exports the current page as CSV while the API has no export endpoint", async () => {
    await page.route("**/export/**", (route) => route.fulfill({ status: 404, body: "not found" }));
    await show();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      ledger().getByRole("button", { name: "导出 Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^隐患台账-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = join(resultsDir, "hazard-ledger-page.csv");
    await download.saveAs(file);
    const csv = readFileSync(file, "utf8");
    const lines = csv.trim().split("\r\n");
    expect(csv.startsWith("\ufeff隐患编号,隐患描述,人防工程")).toBe(true);
    expect(lines).toHaveLength(11);
    expect(lines[1].startsWith((await column(0))[0])).toBe(true);
    await expect.poll(() => ledger().getByRole("status").last().textContent()).toContain("已导出当前页");
    expect((await recorded(page, "rf-export"))[0].detail).toMatchObject({ format: "csv", source: "page" });
  });

  it("exports the whole filtered ledger from /export/hazards.xlsx when the API has it", async () => {
    const asked: string[] = [];
    await page.route("**/export/hazards.xlsx?*", (route) => {
      asked.push(route.request().url());
      return route.fulfill({
        status: 200,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body: "PK-xlsx",
      });
    });
    await show(`region="360100" status="RECTIFYING" overdue`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      ledger().getByRole("button", { name: "导出 Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^隐患台账-.*\.xlsx$/);
    const url = new URL(asked[0]);
    expect(url.origin).toBe(env!.pageUrl);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      regionCode: "360100",
      status: "RECTIFYING",
      overdue: "true",
      orderBy: "DISCOVERED_ON:DESC",
      lang: "zh-CN",
    });
    expect((await recorded(page, "rf-export"))[0].detail).toMatchObject({ format: "xlsx", source: "server" });
  });

  it("moves through cells with the keyboard (roving tabindex)", async () => {
    await show();
    expect(await ledger().locator('[tabindex="0"]').count()).toBe(1);
    await ledger().getByRole("columnheader").first().focus();
    expect(await activeCell()).toBe("0,0");
    await page.keyboard.press("ArrowDown");
    expect(await activeCell()).toBe("1,0");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await activeCell()).toBe("1,2");
    await page.keyboard.press("End");
    expect(await activeCell()).toBe("1,9");
    await page.keyboard.press("Control+End");
    expect(await activeCell()).toBe("10,9");
    await page.keyboard.press("ArrowDown");
    expect(await activeCell()).toBe("10,9");
    await page.keyboard.press("Home");
    expect(await activeCell()).toBe("10,0");
    const code = (await column(0))[9];
    await page.keyboard.press("Enter");
    expect((await recorded(page, "rf-row-activate")).map((e) => e.detail.code)).toEqual([code]);
    await page.keyboard.press("Control+Home");
    expect(await activeCell()).toBe("0,0");
    await page.keyboard.press("Enter");
    await expect.poll(() => ledger().getByRole("columnheader").first().getAttribute("aria-sort")).toBe("ascending");
    await settled();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("PageDown");
    await expect.poll(() => rows().first().getAttribute("aria-rowindex")).toBe("12");
    expect(await activeCell()).toBe("1,0");
    expect(await ledger().locator('[tabindex="0"]').count()).toBe(1);
  });

  it("activates a row on click", async () => {
    await show();
    const code = (await column(0))[1];
    await rows().nth(1).click();
    expect((await recorded(page, "rf-row-activate"))[0].detail).toMatchObject({ code });
  });

  it('switches every label with lang="en"', async () => {
    await show(`lang="en"`);
    expect(await ledger().getByRole("heading").textContent()).toBe(en.hazardLedger.title);
    const headers = (await ledger().getByRole("columnheader").allTextContents()).map((s) => s.trim());
    expect(headers).toEqual(
      [
        "code",
        "title",
        "shelter",
        "region",
        "category",
        "level",
        "status",
        "discoveredOn",
        "deadline",
        "responsibleUnit",
      ].map((k) => en.hazardLedger.columns[k]),
    );
    const chrome = await ledger()
      .locator("button, summary, label, option, [part~=badge], [part~=footer] span, th, input")
      .evaluateAll((els) => els.map((e) => e.textContent + ((e as HTMLInputElement).placeholder ?? "")));
    expect(chrome.filter((t) => CJK.test(t))).toEqual([]);
    expect(await ledger().locator("td:nth-child(5)").first().textContent()).not.toMatch(CJK);
    expect(await ledger().locator("[part~=footer]").textContent()).toMatch(/Page 1 of \d+, \d+ rows/);
  });

  it("shows the error state for a dead endpoint, and retries", async () => {
    await page.goto(`${env!.pageUrl}/test/pages/widgets.html?csp=0`);
    await recordEvents(page, ["rf-error"]);
    await mount(page, `<rf-hazard-ledger endpoint="http://127.0.0.1:9/graphql"></rf-hazard-ledger>`);
    const alert = ledger().getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("数据加载失败");
    expect(await ledger().locator("tbody tr").count()).toBe(0);
    expect((await recorded(page, "rf-error")).length).toBe(1);
    await alert.getByRole("button", { name: "重试" }).click();
    await expect.poll(async () => (await recorded(page, "rf-error")).length).toBe(2);
  });

  it.skipIf(!env?.canChangeHazard)("updates live over SSE with `live`", async () => {
    await show(`live sort="CODE:ASC"`);
    const code = (await column(0))[0];
    const before = (await column(6))[0];
    const status = before === "已销号" ? "RECTIFYING" : "CLOSED";
    await page.waitForTimeout(500); // let the SSE stream open
    const res = await fetch(`${env!.pageUrl}/__test/change-hazard?code=${code}&status=${status}`, { method: "POST" });
    expect(res.status).toBe(204);
    await expect.poll(async () => (await column(6))[0]).toBe(status === "CLOSED" ? "已销号" : "整改中");
    expect((await recorded(page, "rf-live-update"))[0].detail).toMatchObject({ code, status });
  });
});
