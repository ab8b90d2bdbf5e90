// `pnpm analyze` writes custom-elements.json from the components' JSDoc (@summary, @fires,
// @csspart, @cssproperty) and their Lit properties. A test fails when the committed file is stale.
export default {
  globs: [
    "src/index.ts",
    "src/components/*/*.ts",
    "src/base/rf-element.ts",
    "src/base/ledger-base.ts",
    "src/events/*.ts",
  ],
  exclude: ["src/**/*.test.ts", "src/**/*.queries.ts", "src/**/*.styles.ts"],
  outdir: ".",
  litelement: true,
  packagejson: false,
};
