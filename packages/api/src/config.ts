// Configuration from the environment (SPEC §6). A bad value stops start-up with one line that
// says which variable is wrong and what it should be.
import { accessSync, constants, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_TIME_ZONE, isTimeZone, zoneOffsetMs } from "@renfang/office-time";
import { providerOf } from "@renfang/schema";
import { z } from "zod";
import type { ApiOptions } from "./yoga.ts";

/** The repository root: DATA_DIR defaults to ./data there, whatever the working directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export class ConfigError extends Error {}

/**
 * The folder the user typed the command in. `pnpm renfang …` and `pnpm start` run in
 * packages/api; pnpm keeps where they were typed in INIT_CWD, so relative paths (files, DATA_DIR,
 * a `file:` DATABASE_URL) mean what the user meant.
 */
export function userDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD || process.cwd();
}

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
    .optional(),
  TOKEN_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  CORS_ORIGINS: z.string().optional(),
  ALLOW_ANONYMOUS: bool.default(true),
  SEED_DEMO: bool.default(true),
  INCIDENT_LATE_MINUTES: z.coerce.number().int().positive().default(60),
  MAX_PAGE_SIZE: z.coerce.number().int().positive().max(1000).default(100),
  MAX_DEPTH: z.coerce.number().int().positive().default(12),
  MAX_COST: z.coerce.number().int().positive().default(20_000),
  MAX_BREADTH: z.coerce.number().int().positive().default(200),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(10_000_000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0, "must be 0 (off) or more").default(600),
  RATE_LIMIT_BURST: z.coerce.number().int().positive().default(100),
  INTROSPECTION: bool.default(true),
  CSRF_PREVENTION: bool.default(true),
  TRUSTED_DOCUMENTS_ONLY_FOR_PUBLIC: bool.default(false),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.string().default("production"),
  // Read again wherever a date is written (@renfang/office-time); checked here so a typo stops the start.
  TZ: z
    .string()
    .trim()
    .refine(isTimeZone, "must be an IANA time zone such as Asia/Shanghai")
    // Date-only values (UTC midnight) are compared with instants assuming the office day holds that midnight.
    .refine((zone) => !isTimeZone(zone) || zoneOffsetMs(new Date(), zone) >= 0, "must be a time zone at or east of UTC")
    .default(DEFAULT_TIME_ZONE),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  redisUrl: string | null;
  tokenSecret: string | null;
  corsOrigins: string[];
  allowAnonymous: boolean;
  seedDemo: boolean;
  incidentLateMinutes: number;
  maxPageSize: number;
  logLevel: string;
  development: boolean;
  /** The offices' time zone (TZ): "today", file names and title rows follow it. */
  timeZone: string;
  /** Abuse limits and browser protections (issue 6), as createApi takes them. */
  security: Pick<
    ApiOptions,
    | "limits"
    | "rateLimit"
    | "maxBodyBytes"
    | "introspection"
    | "csrfPrevention"
    | "trustedDocumentsOnlyForPublic"
    | "trustedProxyHops"
  >;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue.path.join(".")}: ${issue.message} (got "${env[String(issue.path[0])]}")`);
  }
  const e = parsed.data;
  const dataDir = resolve(userDir(env), e.DATA_DIR ?? join(repoRoot, "data"));
  const databaseUrl = e.DATABASE_URL ?? `file:${join(dataDir, "renfang.db")}`;
  try {
    providerOf(databaseUrl);
  } catch (err) {
    throw new ConfigError(`DATABASE_URL: ${(err as Error).message}`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: databaseUrl.startsWith("file:") ? `file:${resolve(userDir(env), databaseUrl.slice(5))}` : databaseUrl,
    redisUrl: e.REDIS_URL ?? null,
    tokenSecret: e.TOKEN_SECRET ?? null,
    corsOrigins: (e.CORS_ORIGINS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    allowAnonymous: e.ALLOW_ANONYMOUS,
    seedDemo: e.SEED_DEMO,
    incidentLateMinutes: e.INCIDENT_LATE_MINUTES,
    maxPageSize: e.MAX_PAGE_SIZE,
    logLevel: e.LOG_LEVEL,
    development: e.NODE_ENV === "development",
    timeZone: e.TZ,
    security: {
      limits: { maxDepth: e.MAX_DEPTH, maxCost: e.MAX_COST, maxBreadth: e.MAX_BREADTH },
      rateLimit:
        e.RATE_LIMIT_PER_MINUTE === 0 ? false : { perMinute: e.RATE_LIMIT_PER_MINUTE, burst: e.RATE_LIMIT_BURST },
      maxBodyBytes: e.MAX_BODY_BYTES,
      introspection: e.INTROSPECTION,
      csrfPrevention: e.CSRF_PREVENTION,
      trustedDocumentsOnlyForPublic: e.TRUSTED_DOCUMENTS_ONLY_FOR_PUBLIC,
      trustedProxyHops: e.TRUST_PROXY_HOPS,
    },
  };
}

/** Creates DATA_DIR if needed and fails clearly when it cannot be written. */
export function ensureDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (err) {
    throw new ConfigError(
      `DATA_DIR: cannot write to ${dataDir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); set DATA_DIR to a writable folder`,
    );
  }
}
