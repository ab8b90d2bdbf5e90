// The `renfang` command: serve, migrate, seed, backup, restore, token, apikey (and import/export, see excel/).
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate, openDatabase, redact, schema } from "@renfang/schema";
import { ValidationError } from "@renfang/schema/errors";
import { seedDemo } from "@renfang/schema/seed";
import { enumLabels } from "@renfang/schema/sheets/labels";
import { Command, InvalidArgumentError } from "commander";
import { newApiKey, type RoleName, roles, signToken, tokenSecret } from "./auth.ts";
import { backupDatabase, restoreDatabase } from "./backup.ts";
import { type Config, ConfigError, ensureDataDir, loadConfig, userDir } from "./config.ts";
import { exportToFile } from "./excel/export.ts";
import { cliContext, importShelterFile, issueReport } from "./excel/import.ts";
import { createLogger } from "./logger.ts";
import { startServer } from "./server.ts";

export const program = new Command("renfang")
  .description("Renfang — civil air defense work-safety campaign platform (人防安全生产专项整治)")
  .showHelpAfterError("(run with --help for usage)");

function config(): Config {
  return loadConfig(process.env);
}

/** A file named on the command line, relative to where the user typed it (see userDir). */
function userFile(file: string): string {
  return resolve(userDir(), file);
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number ≥ 1");
  return n;
}

function isoDate(value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError("must be a date YYYY-MM-DD");
  return new Date(`${value}T00:00:00Z`);
}

function role(value: string): RoleName {
  if (!roles.includes(value as RoleName)) throw new InvalidArgumentError(`must be one of ${roles.join(", ")}`);
  return value as RoleName;
}

function regionCode(value: string): string {
  if (!/^\d{6}$/.test(value)) throw new InvalidArgumentError("must be a six-digit region code, e.g. 360100");
  return value;
}

/** Opens the configured database, migrated. */
async function database(c: Config) {
  ensureDataDir(c.dataDir);
  await migrate(c.databaseUrl);
  return openDatabase({ url: c.databaseUrl });
}

program
  .command("serve")
  .description("serve GraphQL (and the example portal) on PORT; migrates and seeds an empty database first")
  .action(async () => {
    const c = config();
    const logger = createLogger(c.logLevel);
    const running = await startServer(c, logger);
    console.error(`Renfang: GraphQL ${running.url}/graphql · portal ${running.url}/`);
    // SIGTERM (orchestrators, systemd) or Ctrl-C: drain, then exit 0. One Ctrl-C under `pnpm start`
    // arrives more than once — from the terminal, and relayed by each pnpm in between (SIGINT,
    // then SIGTERM) — so signals within a second of the first are that same stop; a signal
    // later than that is someone who will not wait, and ends the process at once.
    let stopping = 0;
    const onSignal = async (signal: NodeJS.Signals) => {
      if (stopping) {
        if (Date.now() - stopping < 1000) return;
        logger.warn({ signal }, "stopping without draining");
        process.exit(1);
      }
      stopping = Date.now();
      logger.info({ signal }, "draining");
      try {
        await running.stop();
      } catch (err) {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      }
      logger.info({ ms: Date.now() - stopping }, "drained; exiting");
      process.exit(0);
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  });

program
  .command("migrate")
  .description("apply pending database migrations")
  .action(async () => {
    const c = config();
    ensureDataDir(c.dataDir);
    const applied = await migrate(c.databaseUrl);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : `up to date: ${redact(c.databaseUrl)}`);
  });

program
  .command("seed")
  .description("load the demo dataset into an empty database")
  .requiredOption("--demo", "the deterministic demo dataset (the only kind there is)")
  .option("--scale <n>", "multiply the dataset (100 ≈ 1,000,000 hazards)", positiveInt, 1)
  .option("--today <date>", "the date the demo is built around (YYYY-MM-DD)", isoDate)
  .action(async (opts: { scale: number; today?: Date }) => {
    const db = await database(config());
    try {
      await seedDemo(db.prisma, { scale: opts.scale, today: opts.today, log: (line) => console.log(line) });
    } finally {
      await db.close();
    }
  });

program
  .command("backup")
  .description("copy the SQLite database to FILE, also while the server runs (PostgreSQL: use pg_dump)")
  .argument("<file>", "where to write the backup; must not exist yet")
  .action(async (file: string) => {
    const c = config();
    const { bytes, migration } = await backupDatabase(c.databaseUrl, userFile(file));
    console.log(`backed up ${redact(c.databaseUrl)} to ${userFile(file)} (${bytes} bytes, schema ${migration})`);
  });

program
  .command("restore")
  .description("replace the SQLite database with a backup FILE, then migrate it (PostgreSQL: use pg_restore)")
  .argument("<file>", "a file written by renfang backup")
  .option("--force", "replace a database that already holds data")
  .action(async (file: string, opts: { force?: boolean }) => {
    const c = config();
    ensureDataDir(c.dataDir);
    const { applied } = await restoreDatabase(c.databaseUrl, userFile(file), { force: opts.force });
    const migrated = applied.length ? `; applied ${applied.join(", ")}` : "";
    console.log(`restored ${userFile(file)} into ${redact(c.databaseUrl)}${migrated}`);
  });

const token = program.command("token").description("bearer tokens (JWT) for people and portals");
token
  .command("create")
  .description("print a signed token")
  .requiredOption("--role <role>", `one of ${roles.join(", ")}`, role)
  .option("--region <code>", "region scope, e.g. 360100", regionCode)
  .option("--organization <code>", "organization code (UNIT_USER, and the office an officer acts for)")
  .option("--subject <id>", "who the token is for (a person code)", "cli")
  .option("--name <name>", "display name written into history and audit")
  .option("--expires <span>", "lifetime, e.g. 12h, 30d, 1y", "30d")
  .action(
    async (opts: {
      role: RoleName;
      region?: string;
      organization?: string;
      subject: string;
      name?: string;
      expires: string;
    }) => {
      const c = config();
      ensureDataDir(c.dataDir);
      let organizationId: number | null = null;
      if (opts.organization) {
        const db = await database(c);
        const org = await db.prisma.organization.findUnique({ where: { code: opts.organization } });
        await db.close();
        if (!org) throw new ConfigError(`--organization: no organization has code ${opts.organization}`);
        organizationId = org.id;
      }
      console.log(
        await signToken(tokenSecret(c.tokenSecret, c.dataDir), {
          subject: opts.subject,
          name: opts.name,
          role: opts.role,
          regionCode: opts.region,
          organizationId,
          expiresIn: opts.expires,
        }),
      );
    },
  );

const apikey = program.command("apikey").description("API keys of third-party systems (stored hashed)");
apikey
  .command("create")
  .description("create a key and print it once")
  .requiredOption("--name <name>", "which system uses it")
  .requiredOption("--role <role>", `one of ${roles.join(", ")}`, role)
  .option("--region <code>", "region scope", regionCode)
  .action(async (opts: { name: string; role: RoleName; region?: string }) => {
    const db = await database(config());
    const { key, prefix, hash } = newApiKey();
    await db.prisma.apiKey.create({
      data: { name: opts.name, prefix, hash, role: opts.role, regionCode: opts.region ?? null },
    });
    await db.close();
    console.log(key);
  });
apikey
  .command("list")
  .description("list keys (never the keys themselves)")
  .action(async () => {
    const db = await database(config());
    for (const k of await db.prisma.apiKey.findMany({ orderBy: { id: "asc" } })) {
      console.log(
        [
          k.prefix,
          k.name,
          k.role,
          k.regionCode ?? "-",
          k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "active",
        ].join("\t"),
      );
    }
    await db.close();
  });
apikey
  .command("revoke")
  .description("revoke a key by its prefix (the 8 characters after rfk_)")
  .argument("<prefix>")
  .action(async (prefix: string) => {
    const db = await database(config());
    const { count } = await db.prisma.apiKey.updateMany({
      where: { prefix, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await db.close();
    if (!count) throw new ConfigError(`no active API key has prefix ${prefix}`);
    console.log(`revoked ${prefix}`);
  });

const importCommand = program.command("import").description("import spreadsheets (all rows or none)");
importCommand
  .command("shelters")
  .description("import a census workbook (.xlsx or .csv) into the registry, upserting works by code")
  .argument("<file>", "FILE.xlsx or FILE.csv, columns as in /export/shelters-template.xlsx")
  .option("--dry-run", "check the file and count what would change; write nothing")
  .action(async (file: string, opts: { dryRun?: boolean }) => {
    const db = await database(config());
    try {
      const r = await importShelterFile(db, userFile(file), { dryRun: opts.dryRun });
      const skipped = r.skipped ? `, ${r.skipped} example row(s) skipped` : "";
      console.log(
        `${r.dryRun ? "checked" : "imported"} ${r.rows} rows: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged${skipped}`,
      );
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      console.error(issueReport(err));
      process.exitCode = 1;
    } finally {
      await db.close();
    }
  });

program
  .command("export")
  .description("write the hazard ledger or the shelter registry to FILE.xlsx, FILE.csv or FILE.pdf (printable)")
  .argument("<what>", "hazards or shelters", (v) => {
    if (v !== "hazards" && v !== "shelters") throw new InvalidArgumentError("must be hazards or shelters");
    return v as "hazards" | "shelters";
  })
  .argument("<file>", "FILE.xlsx, FILE.csv or FILE.pdf")
  .option("--region <code>", "the region and everything below it, e.g. 360100", regionCode)
  .option("--lang <lang>", "zh-CN (Chinese headers and labels) or en", "zh-CN")
  .option("--filter <query>", "more filters as in the export URL, e.g. 'status=REPORTED,RECTIFYING&overdue=true'", "")
  .action(
    async (what: "hazards" | "shelters", file: string, opts: { region?: string; lang: string; filter: string }) => {
      const db = await database(config());
      try {
        const params = new URLSearchParams(opts.filter);
        if (opts.region) params.set("regionCode", opts.region);
        params.set("lang", opts.lang);
        const ctx = { ...cliContext(db), labels: enumLabels(schema) };
        console.log(`wrote ${await exportToFile(ctx, what, userFile(file), params)} rows to ${userFile(file)}`);
      } finally {
        await db.close();
      }
    },
  );

/** Runs the command line; `bin/renfang.mjs` and `tsx src/cli.ts` call it, tests read `program`. */
export function main(argv = process.argv): void {
  program.parseAsync(argv).catch((err: unknown) => {
    // Known problems get one line that says what to fix; anything else its message.
    const message = err instanceof Error ? err.message : String(err);
    console.error(`renfang: ${message}`);
    process.exit(1);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
