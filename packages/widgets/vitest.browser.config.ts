import { defineConfig } from "vitest/config";

// `pnpm test:browser`: the widgets in real headless Chromium (/usr/bin/chromium, driven by
// playwright-core) against a served page with a strict CSP and a real GraphQL API — the
// in-test harness by default, or the one at RENFANG_API_URL (see test/helpers/start-api.ts).
export default defineConfig({
  test: {
    include: ["src/**/*.browser.test.ts", "test/**/*.browser.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
