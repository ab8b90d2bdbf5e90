// `pnpm start` stopped with Ctrl-C, as a person does it: the terminal sends SIGINT to the whole
// foreground process group (pnpm, its shells, the server), and pnpm relays it once more. The
// server drains and everything exits 0, without pnpm's ELIFECYCLE error.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { SECRET, type TestDb, testDatabase } from "./helpers.ts";

let child: ChildProcess | undefined;
let db: TestDb | undefined;
afterAll(async () => {
  if (child?.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
  await db?.drop();
});

describe("pnpm start", () => {
  it("ends cleanly on Ctrl-C: the server drains, exit code 0, no ELIFECYCLE", { timeout: 180_000 }, async () => {
    db = await testDatabase({ demo: false });
    child = spawn("pnpm", ["start"], {
      cwd: join(import.meta.dirname, "../../.."),
      // Its own process group, like a terminal's foreground job, so that the group can be signalled.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        DATA_DIR: mkdtempSync(join(tmpdir(), "rf-start-")),
        DATABASE_URL: db.url,
        PORT: "0",
        HOST: "127.0.0.1",
        SEED_DEMO: "false",
        TOKEN_SECRET: SECRET,
        LOG_LEVEL: "info",
      },
    });
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child!.once("exit", (code, signal) => resolve([code, signal])),
    );
    const output: string[] = [];
    createInterface({ input: child.stdout! }).on("line", (line) => output.push(line));
    let url = "";
    for await (const line of createInterface({ input: child.stderr! })) {
      output.push(line);
      url = /^Renfang: GraphQL (http:\S+)\/graphql/.exec(line)?.[1] ?? "";
      if (url) break;
    }
    expect(url, output.join("\n")).not.toBe("");
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    process.kill(-child.pid!, "SIGINT");
    const [code, signal] = await exited;
    const text = output.join("\n");
    expect({ code, signal }, text).toEqual({ code: 0, signal: null });
    expect(text).toContain('"msg":"drained; exiting"');
    expect(text).not.toMatch(/ELIFECYCLE|ERR_PNPM|Command failed/);
  });
});
