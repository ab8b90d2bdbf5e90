// What every resolver receives: who is asking (the viewer), the database, and the clock.
import type { Db, Provider } from "./db.ts";
import type { Role } from "./generated/sqlite/client.js";
import type { HazardEvents } from "./pubsub.ts";

export type { Role };

/** Who is asking: a role and its scope (SPEC §4). */
export interface Viewer {
  /** Token subject: a person code, an API key name, or "anonymous". */
  subject: string;
  /** Display name of the subject, written into history and audit rows. */
  name: string | null;
  role: Role;
  /** Region scope (GB/T 2260 code); null = the whole deployment. */
  regionCode: string | null;
  /** Organization scope (UNIT_USER) and the office an officer acts for. */
  organizationId: number | null;
}

export const anonymous: Viewer = {
  subject: "anonymous",
  name: null,
  role: "PUBLIC",
  regionCode: null,
  organizationId: null,
};

export interface Context {
  prisma: Db;
  provider: Provider;
  viewer: Viewer;
  /** The request's clock, so that "today" is one value during a request (and settable in tests). */
  now: Date;
  pubsub: HazardEvents;
  /** Client address for the audit log. */
  ip: string | null;
  settings: Settings;
}

/** Deployment settings the schema needs (read from the environment by the API). */
export interface Settings {
  /** Minutes after which an incident report is late (情况报告 迟报). @default 60 */
  incidentLateMinutes: number;
  /** Largest page a connection returns. @default 100 */
  maxPageSize: number;
}

export const defaultSettings: Settings = { incidentLateMinutes: 60, maxPageSize: 100 };
