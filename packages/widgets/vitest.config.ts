import { defineConfig } from "vitest/config";

// Node tests only (`pnpm test`, and the repository's root `vitest run`): no Chromium needed.
// The browser tests (`*.browser.test.ts`) run with vitest.browser.config.ts (`pnpm test:browser`);
// under a run without that config they skip themselves (see test/helpers/env.ts).
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/*.browser.test.ts", "**/node_modules/**"],
    testTimeout: 60_000,
  },
});
