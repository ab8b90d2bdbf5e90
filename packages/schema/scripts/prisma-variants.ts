// Composes the SQLite and PostgreSQL variants of the one source schema (prisma/schema.prisma).
// Only the datasource provider and the generators' output differ, and PostgreSQL loads relations
// with joins (relationJoins: a ledger page with its works, units and last steps is one statement
// instead of four; SQLite has no such strategy and keeps one batched statement per relation).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const providers = ["sqlite", "postgresql"] as const;
export type Provider = (typeof providers)[number];

/** The models and enums of the source schema, without its datasource and generator blocks. */
export function sourceModels(file = join(packageDir, "prisma/schema.prisma")): string {
  return readFileSync(file, "utf8").replace(/^(datasource|generator) \w+ \{[\s\S]*?^\}\n?/gm, "");
}

/** Writes prisma/generated/<provider>.prisma and returns its path. */
export function writeVariant(provider: Provider, models = sourceModels()): string {
  const out = join(packageDir, "prisma/generated", `${provider}.prisma`);
  mkdirSync(dirname(out), { recursive: true });
  const pothos =
    provider === "sqlite"
      ? `
generator pothos {
  provider     = "prisma-pothos-types"
  output       = "../../src/generated/pothos-types.ts"
  clientOutput = "./sqlite/client.js"
}
`
      : "";
  writeFileSync(
    out,
    `// Generated from prisma/schema.prisma — do not edit.
datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")
}

generator client {
  provider            = "prisma-client"
  output              = "../../src/generated/${provider}"
  engineType          = "client"
  moduleFormat        = "esm"
  importFileExtension = "js"${provider === "postgresql" ? '\n  previewFeatures     = ["relationJoins"]' : ""}
}
${pothos}
${models}`,
  );
  return out;
}
