// Prisma CLI configuration: the WASM schema engine ("js") so that the CLI needs no native
// download (STACK.md). The adapter points at a scratch SQLite file: `migrate diff` opens it
// even when it diffs schema against schema.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: process.env.RENFANG_PRISMA_SCHEMA ?? "prisma/schema.prisma",
  adapter: async () => new PrismaBetterSQLite3({ url: `file:${join(tmpdir(), "renfang-prisma-cli.db")}` }),
});
