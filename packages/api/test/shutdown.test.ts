// Graceful shutdown (issue 10): `renfang serve` on SIGTERM completes open subscription streams,
// lets an in-flight request finish, refuses new connections, and exits 0.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { SECRET, type TestDb, testDatabase, tokenFor } from "./helpers.ts";
import { freePort } from "./pg-cluster.ts";

let child: ChildProcess | undefined;
let db: TestDb | undefined;
afterAll(async () => {
  if (child?.exitCode === null) child.kill("SIGKILL");
  await db?.drop();
});

/** Starts `bin/renfang.mjs serve` (the real entry point) on a fresh database (TEST_DATABASE_URL picks PostgreSQL). */
async function serve(port: number) {
  db = await testDatabase({ demo: false });
  const env = {
    ...process.env,
    DATA_DIR: mkdtempSync(join(tmpdir(), "rf-shutdown-")),
    PORT: String(port),
    HOST: "127.0.0.1",
    SEED_DEMO: "false",
    TOKEN_SECRET: SECRET,
    LOG_LEVEL: "info",
    DATABASE_URL: db.url,
  };
  child = spawn(process.execPath, [join(import.meta.dirname, "../bin/renfang.mjs"), "serve"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
  const logs: string[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => logs.push(line));
  for await (const line of createInterface({ input: child.stderr! })) {
    if (line.startsWith("Renfang: GraphQL")) break;
    if (line.startsWith("renfang:")) throw new Error(line);
  }
  return { exited, logs };
}

/** A POST whose body is sent only when `finish()` is called; resolves once the server has read its headers. */
function slowRequest(port: number, token: string, query: string) {
  const body = JSON.stringify({ query });
  const req = request({
    host: "127.0.0.1",
    port,
    method: "POST",
    path: "/graphql",
    headers: {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      authorization: `Bearer ${token}`,
      expect: "100-continue",
    },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.on("data", (d) => {
        text += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
  });
  const accepted = new Promise<void>((resolve) => req.once("continue", resolve));
  req.flushHeaders();
  return { accepted, finish: () => req.end(body), response };
}

function connectError(port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(null);
    });
    socket.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

describe("renfang serve on SIGTERM", () => {
  it("completes SSE streams, drains an in-flight request, then exits 0", { timeout: 240_000 }, async () => {
    const port = await freePort();
    const { exited, logs } = await serve(port);
    const base = `http://127.0.0.1:${port}`;
    const token = await tokenFor({ role: "PROVINCE_ADMIN", regionCode: "360000" });

    const stream = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { accept: "text/event-stream", "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `subscription { hazardChanged(regionCode: "360000") { code } }` }),
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let sse = (await reader.read()).value ?? ""; // yoga's first ping: the stream is open

    const slow = slowRequest(port, token, "{ shelters(first: 1) { totalCount } }");
    await slow.accepted; // the server has this request in hand

    child!.kill("SIGTERM");
    // Draining has begun once the subscription completes.
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) sse += chunk.value;
    expect(sse).toMatch(/event: complete\n/);
    expect(await connectError(port)).toBe("ECONNREFUSED"); // new connections are refused

    slow.finish(); // the in-flight request's body arrives after the signal
    expect(await slow.response).toEqual({
      status: 200,
      body: JSON.stringify({ data: { shelters: { totalCount: 0 } } }),
    });

    expect(await exited).toBe(0);
    const messages = logs.filter((l) => l.startsWith("{")).map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages).toEqual(expect.arrayContaining(["draining", "drained; exiting"]));
    expect(messages).not.toContain("drain deadline passed; closing the remaining connections");
  });
});
