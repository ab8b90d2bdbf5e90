// A throwaway PostgreSQL server that a test may stop and start: initdb + pg_ctl from
// /usr/lib/postgresql/<version>/bin on a temporary data directory and a free port (STACK.md).
// PostgreSQL refuses to run as root, so as root every command runs as the `postgres` OS user.
import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

export interface PgCluster {
  url: string;
  port: number;
  /** Asynchronous, so that an API in the same process keeps serving meanwhile. */
  start(): Promise<void>;
  /** pg_ctl stop -m fast: open connections are cut, as in a crash or failover. */
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

/** The newest installed PostgreSQL bin folder, or a sentence saying why there is none. */
export function findPgBin(): { bin: string } | { missing: string } {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  const bin = versions
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(root, v, "bin"))
    .find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")));
  if (!bin) return { missing: `no initdb/pg_ctl under ${root}/*/bin (install postgresql to run this test)` };
  if (process.getuid?.() === 0 && !osUser("postgres"))
    return { missing: "running as root but there is no `postgres` OS user" };
  return { bin };
}

function osUser(name: string): { uid: number; gid: number } | null {
  try {
    const [uid, gid] = ["-u", "-g"].map((flag) =>
      Number(execFileSync("id", [flag, name], { encoding: "utf8" }).trim()),
    );
    return { uid, gid };
  } catch {
    return null;
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startCluster(bin: string): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), "rf-pgcluster-"));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? osUser("postgres") : null;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = async (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args]]
      : [join(bin, tool), args];
    await promisify(execFile)(cmd, argv, { timeout: 120_000 });
  };
  const data = join(dir, "data");
  await run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const port = await freePort();
  // The socket goes in the temp dir, so nothing under /var/run is needed.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const cluster: PgCluster = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () => run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "-t", "60", "start"]),
    stop: () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]),
    destroy: async () => {
      await cluster.stop().catch(() => {}); // already stopped
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
