// Seeds the demo dataset once per test run into a template (an SQLite file, or a PostgreSQL
// template database); each test file then starts from its own copy (helpers.ts), instead of
// seeding ~30 times.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate, openDatabase } from "@renfang/schema";
import { seedDemo } from "@renfang/schema/seed";
import pg from "pg";
import { TODAY } from "./today.ts";

export default async function setup() {
  const base = process.env.TEST_DATABASE_URL;
  let url: string;
  let teardown: () => Promise<void>;
  if (base?.startsWith("postgres")) {
    const name = `rf_tmpl_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = base.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
    teardown = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), "renfang-template-"));
    url = `file:${join(dir, "template.db")}`;
    teardown = async () => rmSync(dir, { recursive: true, force: true });
  }
  await migrate(url);
  const database = openDatabase({ url });
  await seedDemo(database.prisma, { today: TODAY, url, log: () => {} });
  await database.close();
  process.env.RENFANG_TEST_TEMPLATE = url;
  return teardown;
}
