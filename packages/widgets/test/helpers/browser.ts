// What a browser test file uses: the environment the global setup provides (undefined when the
// file runs outside `pnpm test:browser`, and then the file skips), a fresh page, and mounting.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { inject } from "vitest";
import { packageDir } from "../../scripts/bundle.ts";

export interface BrowserEnv {
  /** Origin serving the portal, test pages, the bundle and the proxied API. */
  pageUrl: string;
  /** Playwright server of the shared headless Chromium. */
  wsEndpoint: string;
  apiKind: "harness" | "real";
  canChangeHazard: boolean;
}

declare module "vitest" {
  export interface ProvidedContext {
    renfang: BrowserEnv;
  }
}

/** The environment, or undefined outside the browser configuration. */
export const env: BrowserEnv | undefined = inject("renfang");

/** Where screenshots go (gitignored). */
export const resultsDir = join(packageDir, "test-results");
mkdirSync(resultsDir, { recursive: true });

let browser: Promise<Browser> | undefined;

/**
 * A fresh page (own context) on `path` of the page server; the bundle is loaded by the page.
 * `options` override the context's (a viewport, a geolocation and its permission…).
 */
export async function openPage(path = "/test/pages/widgets.html", options: BrowserContextOptions = {}): Promise<Page> {
  browser ??= chromium.connect(env!.wsEndpoint);
  const context = await (await browser).newContext({
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await page.goto(env!.pageUrl + path);
  await page.evaluate(() => customElements.whenDefined("rf-hazard-ledger"));
  return page;
}

/** Puts markup into the test page's `<main>` (what a portal developer writes). */
export async function mount(page: Page, markup: string): Promise<void> {
  await page.evaluate((m) => {
    document.querySelector("main")!.innerHTML = m;
  }, markup);
}

/** Closes the page and its context. */
export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

/** Starts recording `rf-*` events of the page; read them with `recorded()`. */
export async function recordEvents(page: Page, names: string[]): Promise<void> {
  await page.evaluate((list) => {
    const w = window as unknown as { __rf: { type: string; detail: unknown }[] };
    w.__rf = [];
    for (const n of list)
      document.addEventListener(n, (e) => w.__rf.push({ type: e.type, detail: (e as CustomEvent).detail }));
  }, names);
}

/** The events recorded since `recordEvents()` (details as JSON). */
export async function recorded(page: Page, type?: string): Promise<{ type: string; detail: any }[]> {
  const all = await page.evaluate(() =>
    JSON.parse(
      JSON.stringify((window as unknown as { __rf: unknown[] }).__rf, (k, v) =>
        k === "row" || k === "data" ? undefined : v,
      ),
    ),
  );
  return type ? all.filter((e: { type: string }) => e.type === type) : all;
}

/** Chinese characters in a text (for "every label is English"). */
export const CJK = /[\u3400-\u9fff]/;

/** The state of every `rf-*` element of the page: `ready`, `loading`, `empty` or `error`. */
export function widgetStates(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll("*")) {
      if (!el.localName.startsWith("rf-")) continue;
      const root = el.shadowRoot;
      const state = root?.querySelector("[part~=state]");
      const busy = root?.querySelector("[part~=base]")?.getAttribute("aria-busy") === "true";
      const key = out[el.localName] ? `${el.localName}#${Object.keys(out).length}` : el.localName;
      out[key] = !root
        ? "undefined"
        : state
          ? (state.getAttribute("part") ?? "").replace("state", "").trim()
          : busy
            ? "loading"
            : "ready";
    }
    return out;
  });
}

/** Waits until every `rf-*` element of the page has data (fails on a loading, empty or error one). */
export async function widgetsReady(page: Page): Promise<Record<string, string>> {
  const deadline = Date.now() + 15000;
  let states: Record<string, string> = {};
  while (Date.now() < deadline) {
    states = await widgetStates(page);
    if (Object.values(states).every((s) => s === "ready")) return states;
    await page.waitForTimeout(100);
  }
  throw new Error(`widgets not ready: ${JSON.stringify(states)}`);
}

/** CSP violation reports the page server received for `report` (see page-server.ts). */
export async function cspReports(report: string): Promise<unknown[]> {
  return (await fetch(`${env!.pageUrl}/__csp-report/${report}`)).json();
}
