// `pnpm test`: every package's tests in Node, against real databases (SQLite by default,
// PostgreSQL when TEST_DATABASE_URL is set). Browser tests (*.browser.test.ts) run separately.
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Pothos loads graphql's CommonJS build; tests must use the same copy, not the .mjs one.
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    include: ["packages/*/test/**/*.test.ts", "packages/*/src/**/*.test.ts", "examples/*/test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/*.browser.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    globalSetup: ["packages/api/test/global-setup.ts"],
  },
});
