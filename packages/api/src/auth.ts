// Bearer tokens (SPEC §4): JWTs signed with the deployment's key (HS256, jose), or API keys of
// third-party systems, stored as SHA-256 hashes. Either names a role and a scope.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Db, Viewer } from "@renfang/schema";
import { errors, jwtVerify, SignJWT } from "jose";

export const roles = ["PROVINCE_ADMIN", "CITY_OFFICER", "COUNTY_OFFICER", "UNIT_USER", "ANALYST", "PUBLIC"] as const;
export type RoleName = (typeof roles)[number];

/** TOKEN_SECRET, or the one generated once and kept in DATA_DIR so CLI and server agree. */
export function tokenSecret(configured: string | null, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, "token-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

export interface TokenClaims {
  subject: string;
  name?: string | null;
  role: RoleName;
  regionCode?: string | null;
  organizationId?: number | null;
  /** e.g. "30d", "12h"; default 30 days. */
  expiresIn?: string;
}

export class AuthError extends Error {}

export async function signToken(secret: string, claims: TokenClaims): Promise<string> {
  if (!roles.includes(claims.role)) throw new AuthError(`role must be one of ${roles.join(", ")}`);
  if ((claims.role === "CITY_OFFICER" || claims.role === "COUNTY_OFFICER") && !claims.regionCode) {
    throw new AuthError(`${claims.role} needs a region (--region CODE)`);
  }
  if (claims.role === "UNIT_USER" && claims.organizationId == null) {
    throw new AuthError("UNIT_USER needs an organization (--organization CODE)");
  }
  return new SignJWT({
    role: claims.role,
    region: claims.regionCode ?? null,
    org: claims.organizationId ?? null,
    name: claims.name ?? null,
  })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.subject)
    .setIssuer("renfang")
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? "30d")
    .sign(new TextEncoder().encode(secret));
}

const apiKeyPattern = /^rfk_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{20,})$/;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** A new API key: the key (shown once) and what is stored. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("base64url").replace(/[-_]/g, "x").slice(0, 8);
  const key = `rfk_${prefix}_${randomBytes(24).toString("base64url")}`;
  return { key, prefix, hash: hashApiKey(key) };
}

// Per secret: the secret as a key, imported once (jose would import it for every request), and
// the tokens already verified, until they expire: a client sends the same token with every
// request, and checking its signature costs more than the rest of a small request. Bounded: the
// oldest token is forgotten first (and simply verified again when it comes back).
const MAX_VERIFIED = 1000;
interface SecretState {
  key: Promise<CryptoKey>;
  verified: Map<string, { viewer: Viewer; expiresAt: number }>;
}
const secrets = new Map<string, SecretState>();
function stateOf(secret: string): SecretState {
  let state = secrets.get(secret);
  if (!state) {
    const bytes = new TextEncoder().encode(secret);
    const key = crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
    state = { key, verified: new Map() };
    secrets.set(secret, state);
  }
  return state;
}

/** The viewer a bearer token names; throws AuthError for a bad, expired or revoked token. */
export async function verifyToken(secret: string, token: string, prisma: Db): Promise<Viewer> {
  if (apiKeyPattern.test(token)) {
    const key = await prisma.apiKey.findUnique({ where: { hash: hashApiKey(token) } });
    if (!key || key.revokedAt) throw new AuthError("API key is unknown or revoked");
    return {
      subject: `apikey:${key.name}`,
      name: key.name,
      role: key.role,
      regionCode: key.regionCode,
      organizationId: key.organizationId,
    };
  }
  const { key, verified } = stateOf(secret);
  const known = verified.get(token);
  if (known && Date.now() < known.expiresAt) return known.viewer;
  try {
    const { payload } = await jwtVerify(token, await key, {
      issuer: "renfang",
      algorithms: ["HS256"],
    });
    const role = payload.role as RoleName;
    if (!roles.includes(role)) throw new AuthError("token names no valid role");
    const viewer: Viewer = {
      subject: String(payload.sub ?? "unknown"),
      name: (payload.name as string | null) ?? null,
      role,
      regionCode: (payload.region as string | null) ?? null,
      organizationId: (payload.org as number | null) ?? null,
    };
    if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value as string);
    const expiresAt = payload.exp === undefined ? Number.POSITIVE_INFINITY : payload.exp * 1000;
    verified.set(token, { viewer: Object.freeze(viewer), expiresAt });
    return viewer;
  } catch (err) {
    if (err instanceof AuthError) throw err;
    if (err instanceof errors.JWTExpired) throw new AuthError("token expired");
    throw new AuthError("token is not valid for this deployment");
  }
}
