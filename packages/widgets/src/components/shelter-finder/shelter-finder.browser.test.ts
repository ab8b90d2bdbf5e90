import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
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

/** 八一广场, Nanchang (WGS-84): where the mocked geolocation puts the visitor. */
const NANCHANG = { latitude: 28.6746, longitude: 115.9087 };
const TILES = `tile-url="/test/pages/tile.svg?z={z}&amp;x={x}&amp;y={y}"`;

/** The distances shown, in metres ("850 米", "1.2 公里", "3 km"). */
async function distances(page: Page): Promise<number[]> {
  const texts = await page.locator("rf-shelter-finder [part~=distance]").allTextContents();
  return texts.map((t) => {
    const n = Number(/([\d.,]+)/.exec(t)![1].replace(/,/g, ""));
    return /公里|km/.test(t) ? n * 1000 : n;
  });
}

describe.skipIf(!env)("rf-shelter-finder in Chromium", () => {
  let page: Page;
  afterEach(() => closePage(page));

  it("at 390 px, from a mocked location in Nanchang: the nearest works, sorted by distance, on the portal's tiles", async () => {
    page = await openPage(undefined, {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      hasTouch: true,
      geolocation: NANCHANG,
      permissions: ["geolocation"],
    });
    await recordEvents(page, ["rf-locate", "rf-load"]);
    await mount(page, `<rf-shelter-finder first="6" ${TILES}></rf-shelter-finder>`);
    const finder = page.locator("rf-shelter-finder");
    await expect.poll(() => finder.locator("[part~=message]").textContent()).toContain("请使用当前位置");
    await finder.getByRole("button", { name: "使用我的位置" }).click();
    await finder.locator("[part~=item]").first().waitFor();

    const [located] = await recorded(page, "rf-locate");
    expect(located.detail).toEqual({ ...NANCHANG, datum: "WGS84", source: "geolocation" });
    const items = finder.locator("[part~=item]");
    expect(await items.count()).toBe(6);
    const d = await distances(page);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    // Around 八一广场 the nearest works are Nanchang's, within a few kilometres.
    expect(d[0]).toBeLessThan(8000);
    for (const address of await finder.locator("[part~=address]").allTextContents()) expect(address).toContain("南昌");
    expect(await finder.locator("[part~=summary]").textContent()).toContain("最近的 6 处工程");
    expect(await finder.locator("[part~=capacity]").first().textContent()).toMatch(/可容纳 [\d,]+ 人/);
    // Directions: a geo: URI with the WGS-84 entrance, which phones open in their map app.
    const href = await finder.locator("[part~=directions]").first().getAttribute("href");
    expect(href).toMatch(/^geo:\d+\.\d+,\d+\.\d+\?q=/);
    expect(await finder.locator("[part~=directions]").first().getAttribute("aria-label")).toMatch(/^导航到/);
    // The map: the portal's tiles, a numbered marker per work and the visitor's point.
    expect(await finder.locator("[part~=tile]").count()).toBeGreaterThan(0);
    expect(await finder.locator("[part~=marker]").count()).toBe(6);
    expect(await finder.locator("[part~=origin]").count()).toBe(1);
    expect(await finder.getByRole("img", { name: /附近人防工程地图/ }).count()).toBe(1);
    await page.screenshot({ path: join(resultsDir, "shelter-finder-390-zh.png"), fullPage: true });
  });

  it("takes a typed GCJ-02 point and the English labels; at 1440 px", async () => {
    page = await openPage(undefined, { viewport: { width: 1440, height: 900 } });
    await recordEvents(page, ["rf-locate"]);
    await mount(page, `<rf-shelter-finder lang="en" first="5" ${TILES}></rf-shelter-finder>`);
    const finder = page.locator("rf-shelter-finder");
    // 八一广场 as a Chinese map app gives it (GCJ-02).
    await finder.getByLabel("Latitude").fill("28.671229");
    await finder.getByLabel("Longitude").fill("115.913537");
    await finder.getByLabel("Datum").selectOption("GCJ02");
    await finder.getByRole("button", { name: "Find" }).click();
    await finder.locator("[part~=item]").first().waitFor();
    expect((await recorded(page, "rf-locate"))[0].detail).toMatchObject({ datum: "GCJ02", source: "typed" });
    const d = await distances(page);
    expect(d).toHaveLength(5);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    // The same point as the mocked location, so the same nearest work at the same distance.
    expect(d[0]).toBe(134);
    expect(await finder.locator("[part~=summary]").textContent()).toContain("The 5 shelters nearest you");
    // Every label is English (the works' names and addresses are the registry's, in Chinese).
    for (const part of ["title", "form", "summary", "distance", "capacity", "badge", "directions"]) {
      for (const text of await finder.locator(`[part~=${part}]`).allInnerTexts()) expect(text).not.toMatch(CJK);
    }
    await page.screenshot({ path: join(resultsDir, "shelter-finder-1440-en.png"), fullPage: true });
  });

  it("without a tile server there is no map, and a bad point or a refused location says so", async () => {
    page = await openPage(undefined, { viewport: { width: 390, height: 844 } });
    await mount(page, `<rf-shelter-finder latitude="28.6746" longitude="115.9087" first="3"></rf-shelter-finder>`);
    const finder = page.locator("rf-shelter-finder");
    await finder.locator("[part~=item]").first().waitFor();
    expect(await finder.locator("[part~=item]").count()).toBe(3);
    expect(await finder.locator("svg, [part~=map], [part~=tile]").count()).toBe(0);
    // A point off the globe.
    await finder.getByLabel("纬度").fill("95");
    await finder.getByRole("button", { name: "查找" }).click();
    expect(await finder.getByRole("alert").textContent()).toContain("请输入有效的经纬度");
    // No permission to locate: the browser refuses, the widget says why and keeps the form.
    await finder.getByRole("button", { name: "使用我的位置" }).click();
    await expect.poll(() => finder.getByRole("alert").textContent()).toContain("无法获取您的位置");
    await page.screenshot({ path: join(resultsDir, "shelter-finder-390-zh-no-map.png"), fullPage: true });
  });
});
