// Global setup of `pnpm test:browser`: one API (startApi), one page server, one headless
// Chromium (Debian's /usr/bin/chromium with the flags of STACK.md) for all browser test files.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import type {} from "./helpers/browser.js";
import { startPageServer } from "./helpers/page-server.js";
import { startApi } from "./helpers/start-api.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: apt-get update && apt-get install -y chromium fonts-noto-cjk`);
  }
  const api = await startApi();
  const server = await startPageServer(api);
  const browser = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  project.provide("renfang", {
    pageUrl: server.url,
    wsEndpoint: browser.wsEndpoint(),
    apiKind: api.kind,
    canChangeHazard: Boolean(api.changeHazard),
  });
  return async () => {
    await browser.close();
    await server.close();
    await api.close();
  };
}
