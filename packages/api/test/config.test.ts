// Bad configuration and bad arguments get one line that says what to fix.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, ensureDataDir, loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { startServer } from "../src/server.ts";

const cli = join(import.meta.dirname, "../src/cli.ts");
const tsx = join(import.meta.dirname, "../node_modules/.bin/tsx");

function renfang(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(tsx, [cli, ...args], { encoding: "utf8", env: { ...process.env, ...env, LOG_LEVEL: "silent" } });
  return { status: r.status, stderr: r.stderr.trim(), stdout: r.stdout.trim() };
}

describe("configuration", () => {
  it("has working defaults: port 4000, SQLite renfang.db under DATA_DIR", () => {
    const c = loadConfig({ DATA_DIR: "/tmp/rf-x" });
    expect(c.port).toBe(4000);
    expect(c.databaseUrl).toBe("file:/tmp/rf-x/renfang.db");
    expect(c.redisUrl).toBeNull();
  });

  it.each([
    [{ PORT: "http" }, /^PORT: /],
    [{ PORT: "70000" }, /^PORT: /],
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL: .*file: .*postgresql:\/\//],
    [{ REDIS_URL: "localhost:6379" }, /^REDIS_URL: must start with redis:\/\//],
    [{ TOKEN_SECRET: "short" }, /^TOKEN_SECRET: must be at least 32 characters/],
    [{ ALLOW_ANONYMOUS: "maybe" }, /^ALLOW_ANONYMOUS: /],
  ])("refuses %o with a message naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("says when DATA_DIR cannot be written", () => {
    const file = join(mkdtempSync(join(tmpdir(), "rf-dd-")), "a-file");
    writeFileSync(file, "");
    expect(() => ensureDataDir(join(file, "data"))).toThrow(/^DATA_DIR: cannot write to .*a-file\/data \(ENOTDIR\)/);
  });

  it("says when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as { port: number }).port;
    const dataDir = mkdtempSync(join(tmpdir(), "rf-port-"));
    const config = { ...loadConfig({ DATA_DIR: dataDir, PORT: String(port), SEED_DEMO: "false" }), host: "127.0.0.1" };
    await expect(startServer(config, createLogger("silent"))).rejects.toThrow(`PORT: ${port} is already in use`);
    blocker.close();
  });

  it("says when the PostgreSQL server cannot be reached", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "rf-pg-"));
    const config = loadConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: "postgresql://nobody:secret@127.0.0.1:1/none",
      SEED_DEMO: "false",
    });
    const err = await startServer(config, createLogger("silent")).catch((e: Error) => e);
    expect((err as Error).message).toMatch(
      /^DATABASE_URL: cannot open postgresql:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/,
    );
  });
});

describe("the renfang CLI", () => {
  it("prints help", () => {
    const r = renfang(["--help"]);
    expect(r.status).toBe(0);
    for (const command of ["serve", "migrate", "seed", "token"]) expect(r.stdout).toContain(command);
  });

  it("refuses a bad role with one line naming the choices", () => {
    const r = renfang(["token", "create", "--role", "KING"], { DATA_DIR: mkdtempSync(join(tmpdir(), "rf-cli-")) });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--role.*must be one of PROVINCE_ADMIN/);
  });

  it("refuses a city officer token without a region", () => {
    const r = renfang(["token", "create", "--role", "CITY_OFFICER"], {
      DATA_DIR: mkdtempSync(join(tmpdir(), "rf-cli-")),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("renfang: CITY_OFFICER needs a region (--region CODE)");
  });

  it("refuses a bad environment before doing anything", () => {
    const r = renfang(["migrate"], { DATABASE_URL: "oracle://x" });
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^renfang: DATABASE_URL: /);
  });

  it("reads and writes files where the user typed `pnpm renfang`, not in packages/api", () => {
    // A folder inside the workspace (pnpm must find it), ignored by git.
    const repo = join(import.meta.dirname, "../../..");
    mkdirSync(join(repo, "test-results"), { recursive: true });
    const here = mkdtempSync(join(repo, "test-results", "rf-cwd-"));
    try {
      const r = spawnSync("pnpm", ["--silent", "renfang", "export", "shelters", "registry.csv", "--lang", "en"], {
        cwd: here,
        encoding: "utf8",
        env: { ...process.env, INIT_CWD: "", DATA_DIR: "data-here", LOG_LEVEL: "silent" },
      });
      expect(r.stderr.trim()).toBe("");
      expect(r.stdout.trim()).toBe(`wrote 0 rows to ${join(here, "registry.csv")}`);
      expect(existsSync(join(here, "registry.csv"))).toBe(true);
      expect(existsSync(join(here, "data-here", "renfang.db"))).toBe(true); // a relative DATA_DIR too
      expect(existsSync(join(repo, "packages/api/registry.csv"))).toBe(false);
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  });

  it("prints a token the server accepts", () => {
    const dir = mkdtempSync(join(tmpdir(), "rf-cli-"));
    const r = renfang(["token", "create", "--role", "CITY_OFFICER", "--region", "360100"], { DATA_DIR: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  });
});
