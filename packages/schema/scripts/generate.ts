// Generates both Prisma clients and the Pothos types from the one source schema.
// PRISMA_QUERY_ENGINE_LIBRARY stops `prisma generate` from downloading a query engine that
// the Rust-free client never loads (STACK.md).
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { packageDir, providers, writeVariant } from "./prisma-variants.ts";

for (const provider of providers) {
  const schema = writeVariant(provider);
  execFileSync(join(packageDir, "node_modules/.bin/prisma"), ["generate"], {
    cwd: packageDir,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PATH: `${join(packageDir, "node_modules/.bin")}:${process.env.PATH}`,
      RENFANG_PRISMA_SCHEMA: schema,
      PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      DATABASE_URL: process.env.DATABASE_URL ?? "file:./unused.db",
    },
  });
}
console.log("generated Prisma clients (sqlite, postgresql) and Pothos types");
