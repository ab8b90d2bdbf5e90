// Creates a migration for both databases: `pnpm --filter @renfang/schema migration <name>`.
// The SQL comes from Prisma's own engine (`migrate diff`, schema → schema: no shadow database,
// no introspection), diffed from the snapshot of the models at the last migration. It is
// written in Prisma's layout so that `prisma migrate deploy/status` can read it too.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageDir, providers, sourceModels, writeVariant } from "./prisma-variants.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: migration <name>   (name: lower-case letters, digits and _)");
  process.exit(1);
}
const snapshot = join(packageDir, "prisma/migrations/schema.snapshot.prisma");
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const scratch = mkdtempSync(join(tmpdir(), "renfang-migration-"));

for (const provider of providers) {
  const to = writeVariant(provider);
  const from = existsSync(snapshot) ? join(scratch, `${provider}.from.prisma`) : undefined;
  if (from) {
    writeFileSync(
      from,
      `datasource db {\n  provider = "${provider}"\n  url = env("DATABASE_URL")\n}\n${sourceModels(snapshot)}`,
    );
  }
  const sql = execFileSync(
    join(packageDir, "node_modules/.bin/prisma"),
    [
      "migrate",
      "diff",
      ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]),
      "--to-schema-datamodel",
      to,
      "--script",
    ],
    {
      cwd: packageDir,
      encoding: "utf8",
      env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true", DATABASE_URL: "file:./unused.db" },
    },
  );
  const dir = join(packageDir, "prisma/migrations", provider);
  mkdirSync(join(dir, `${stamp}_${name}`), { recursive: true });
  writeFileSync(join(dir, `${stamp}_${name}`, "migration.sql"), sql);
  writeFileSync(join(dir, "migration_lock.toml"), `# Managed by scripts/migration.ts\nprovider = "${provider}"\n`);
  console.log(`${provider}: prisma/migrations/${provider}/${stamp}_${name}/migration.sql`);
}
copyFileSync(join(packageDir, "prisma/schema.prisma"), snapshot);
