// 50 clients take random steps of the closed loop on the same 100 hazards at once, and register
// new ones, through api.fetch (issue 10). On SQLite the requests interleave in one process; on
// PostgreSQL they are real concurrent transactions. Afterwards: every hazard's history replays to
// its row, one event was written per success and none for a refusal, every refusal was a typed
// error, no success was lost, and the generated codes are unique. The seed is in the test's name;
// CONCURRENCY_SEED=<seed> repeats each client's choices (the interleaving may still differ).
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from "@renfang/schema/errors";
import { calendarDay, nextStatus, reportedStatus, type WorkflowStep } from "@renfang/schema/rules/hazard";
import { Rand } from "@renfang/schema/seed/rand";
import { afterAll, beforeAll, expect, it } from "vitest";
import { plan, resultOf, run, type Step, type StepResult, tallyAndCount, workOf } from "./hazard-helpers.ts";
import { type TestApi, testApi } from "./helpers.ts";

const CLIENTS = 50;
const HAZARDS = 100;
const OPS_PER_CLIENT = 16;
const SEED = process.env.CONCURRENCY_SEED ?? String(Date.now());

type Status = ReturnType<typeof nextStatus>;
type Work = Awaited<ReturnType<typeof workOf>>;
type Kind = "unit" | "county" | "city" | "admin";
interface Client {
  index: number;
  kind: Kind;
  token: Record<string, unknown> & { subject: string };
  /** The works this client may see and change. */
  works: Work[];
}

/** What one request got: a payload (with the events it wrote) or a refusal's typename and code. */
interface Outcome {
  client: number;
  op: Step | "escalateOverdueHazards";
  typename: string;
  errorCode?: string;
  message?: string;
  /** The hazard the step was on, or the one registered. */
  code?: string;
  /** The version a successful step returned. */
  version?: number;
  events: number;
  escalated?: string[];
}

// The typed errors mutations answer with, by typename, and the code each carries (errors.ts).
const typedErrors = new Map(
  [
    new ValidationError([]),
    new NotFoundError("", ""),
    new ConflictError(""),
    new ForbiddenError(),
    new RuleError("", ""),
  ].map((e) => [e.constructor.name, e.code]),
);

const stepMutations: Record<WorkflowStep, Step> = {
  ASSIGN: "assignRectification",
  SUBMIT: "submitRectification",
  ACCEPT: "acceptRectification",
  REJECT: "rejectRectification",
};
const steps = Object.keys(stepMutations) as WorkflowStep[];

interface EventRow {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  at: Date;
}
interface Replayed {
  status: Status;
  version: number;
  submittedBy: string | null;
  closedOn: string | null;
  escalatedAt: string | null;
}

/**
 * What a hazard's history says its row must be now. The workflow's own nextStatus decides every
 * step (it throws on a move the closed loop forbids); an event must start where the last ended.
 */
function replay(events: EventRow[]): Replayed {
  const [first, ...rest] = events;
  if (first?.action !== "REPORT" || first.fromStatus !== null) throw new Error("history does not start with REPORT");
  const fixedOnSite = first.toStatus === reportedStatus(true);
  let s: Replayed = {
    status: first.toStatus as Status,
    version: 1,
    submittedBy: fixedOnSite ? first.actor : null,
    closedOn: null,
    escalatedAt: null,
  };
  for (const e of rest) {
    if (e.fromStatus !== s.status) throw new Error(`${e.action} from ${e.fromStatus}, but the hazard was ${s.status}`);
    if (e.action === "ESCALATE") {
      // 督办 stamps the hazard once and leaves status and version alone.
      if (s.escalatedAt) throw new Error("escalated twice");
      if (e.toStatus !== s.status) throw new Error(`ESCALATE moved the hazard to ${e.toStatus}`);
      s = { ...s, escalatedAt: e.at.toISOString() };
      continue;
    }
    const to = nextStatus(s.status, e.action as WorkflowStep);
    if (e.toStatus !== to) throw new Error(`${e.action} from ${s.status} leads to ${to}, not ${e.toStatus}`);
    s = { ...s, status: to, version: s.version + 1 };
    if (e.action === "SUBMIT") s.submittedBy = e.actor;
    if (e.action === "ACCEPT") s.closedOn = calendarDay(e.at).toISOString();
  }
  return s;
}

let t: TestApi;
let works: Work[];
let pool: { code: string; work: Work }[];

beforeAll(async () => {
  t = await testApi();
  // One work per county of Nanchang (the county's first managed work, as the other hazard tests use).
  const counties = await t.database.prisma.shelter.findMany({
    where: { cityCode: "360100", managerId: { not: null }, status: { in: ["IN_USE", "IDLE"] } },
    distinct: ["regionCode"],
    select: { regionCode: true },
    orderBy: { regionCode: "asc" },
  });
  works = await Promise.all(counties.map((c) => workOf(t, c.regionCode)));
  // The 100 hazards, registered at once by each work's county office: a third MAJOR, some fixed on site.
  pool = await Promise.all(
    Array.from({ length: HAZARDS }, (_, i) => {
      const work = works[i % works.length];
      const level = i % 3 === 0 ? "MAJOR" : "GENERAL";
      const office = { role: "COUNTY_OFFICER", regionCode: work.shelter.regionCode, subject: "P-conc-setup" };
      const input = report(work, level, "PATROL", level === "GENERAL" && i % 5 === 1);
      return run(t, "reportHazard", input, office).then((r) => ({ code: r.hazard!.code, work }));
    }),
  );
}, 180_000);
afterAll(() => t?.drop());

function report(work: Work, level: "MAJOR" | "GENERAL", source: string, fixedOnSite: boolean) {
  return {
    shelterCode: work.shelter.code,
    title: "并发测试隐患",
    category: "FIRE",
    level,
    source,
    discoveredOn: "2022-06-01",
    fixedOnSite,
  };
}

/** In turn: two units (a work's manager), its county's office, the city's office, the province's. */
function clientsFor(works: Work[]): Client[] {
  const kinds: Kind[] = ["unit", "unit", "county", "city", "admin"];
  return Array.from({ length: CLIENTS }, (_, index) => {
    const kind = kinds[index % kinds.length];
    const work = works[index % works.length];
    const subject = `P-conc-${index}`;
    const name = `并发用户${index}`;
    if (kind === "unit") return { index, kind, token: { ...work.unit, subject, name }, works: [work] };
    if (kind === "county") {
      const token = { role: "COUNTY_OFFICER", regionCode: work.shelter.regionCode, subject, name };
      return { index, kind, token, works: works.filter((w) => w.shelter.regionCode === work.shelter.regionCode) };
    }
    const token =
      kind === "city"
        ? { role: "CITY_OFFICER", regionCode: "360100", subject, name }
        : { role: "PROVINCE_ADMIN", regionCode: null, subject, name };
    return { index, kind, token, works };
  });
}

const read = `query ($code: String!) { hazard(code: $code) { status version } }`;
const escalate = `mutation ($input: EscalateOverdueHazardsInput!) {
  escalateOverdueHazards(input: $input) {
    __typename
    ... on EscalationPayload { count hazards { code } }
    ... on Error { code message }
  }
}`;

/** The step a person in this role would take next, or null when the role has none here. */
function properStep(status: Status, kind: Kind, rand: Rand): WorkflowStep | null {
  const office = kind !== "unit";
  if (status === "REPORTED") return office ? "ASSIGN" : null;
  if (status === "RECTIFYING") return !office || rand.chance(0.2) ? "SUBMIT" : null;
  if (status === "PENDING_ACCEPTANCE") return office ? (rand.chance(0.4) ? "ACCEPT" : "REJECT") : null;
  return null;
}

function stepInput(step: WorkflowStep, code: string, version: number, work: Work, rand: Rand) {
  if (step === "ASSIGN") {
    // Some deadlines already past (so 督办 has work), a few before discovery (a ValidationError).
    const deadline = rand.weighted([
      ["2022-07-15", 6],
      ["2022-06-10", 3],
      ["2022-05-01", 1],
    ] as const);
    return plan(code, version, work.responsibleUnitCode, { deadline, funds: 5000, contingencyPlan: "专人值守" });
  }
  if (step === "SUBMIT") return { code, version, note: "已整改" };
  if (step === "ACCEPT") return { code, version, comment: "同意销号" };
  return { code, version, reason: "整改不到位" };
}

/** A request's result as an Outcome; anything but a payload or a typed error is kept as it came. */
async function attempt(
  client: Client,
  op: Outcome["op"],
  send: () => Promise<StepResult | Record<string, unknown>>,
  code?: string,
): Promise<Outcome> {
  try {
    const r = (await send()) as StepResult & { count?: number; hazards?: { code: string }[] };
    const base = { client: client.index, op, typename: r.__typename, code };
    if (r.__typename === "HazardPayload")
      return { ...base, code: r.hazard!.code, version: r.hazard!.version, events: 1 };
    if (r.__typename === "EscalationPayload")
      return { ...base, events: r.count!, escalated: r.hazards!.map((h) => h.code) };
    return { ...base, errorCode: r.code, message: r.message, events: 0 };
  } catch (err) {
    return { client: client.index, op, typename: "unexpected", message: (err as Error).message, code, events: 0 };
  }
}

async function runClient(client: Client, rand: Rand, outcomes: Outcome[]): Promise<void> {
  const mine = pool.filter((h) => client.works.includes(h.work));
  const known = new Map<string, { status: Status; version: number }>();
  for (let i = 0; i < OPS_PER_CLIENT; i++) {
    const r = rand.float();
    if (r < 0.05) {
      // A new hazard: units register their self-checks, offices their patrols; some fixed on site.
      const work = rand.pick(client.works);
      const source = client.kind === "unit" ? "SELF_CHECK" : "PATROL";
      const input = report(work, rand.chance(0.3) ? "MAJOR" : "GENERAL", source, false);
      if (input.level === "GENERAL") input.fixedOnSite = rand.chance(0.3);
      outcomes.push(await attempt(client, "reportHazard", () => run(t, "reportHazard", input, client.token)));
      continue;
    }
    if (r < 0.08) {
      // 督办 of the token's own region (a unit is refused before execution).
      const send = async () =>
        resultOf(await t.gql(escalate, { input: {} }, client.token), "escalateOverdueHazards") as StepResult;
      outcomes.push(await attempt(client, "escalateOverdueHazards", send));
      continue;
    }
    const { code, work } = rand.pick(mine);
    // Mostly a fresh look at the hazard; sometimes what this client saw earlier, maybe stale.
    let seen = known.get(code);
    if (!seen || rand.chance(0.8)) {
      const got = await t.gql<{ hazard: { status: Status; version: number } }>(read, { code }, client.token);
      if (!got.data?.hazard) throw new Error(`client ${client.index} cannot read ${code}: ${JSON.stringify(got)}`);
      seen = got.data.hazard;
      known.set(code, seen);
    }
    // Mostly the step this role takes next; otherwise any step, which the rules may refuse.
    const step = (rand.chance(0.85) && properStep(seen.status, client.kind, rand)) || rand.pick(steps);
    const input = stepInput(step, code, seen.version, work, rand);
    const name = stepMutations[step];
    outcomes.push(await attempt(client, name, () => run(t, name, input, client.token), code));
  }
}

const tally = (items: string[]) =>
  Object.fromEntries([...new Set(items)].sort().map((k) => [k, items.filter((x) => x === k).length]));

it(`${CLIENTS} clients on ${HAZARDS} hazards: histories replay, nothing lost, refusals typed (seed ${SEED})`, async () => {
  const p = t.database.prisma;
  const firstEvent = ((await p.hazardEvent.aggregate({ _max: { id: true } }))._max.id ?? 0) + 1;
  const clients = clientsFor(works);
  const root = new Rand(`concurrency/${SEED}`);
  const outcomes: Outcome[] = [];
  const started = Date.now();
  await Promise.all(clients.map((c) => runClient(c, root.child(`client-${c.index}`), outcomes)));
  const successes = outcomes.filter((o) => o.events > 0 || o.typename.endsWith("Payload"));
  const refusals = outcomes.filter((o) => !successes.includes(o));
  console.info(
    `concurrency on ${t.database.provider}, seed ${SEED}: ${outcomes.length} mutations in ${Date.now() - started} ms,`,
    `${successes.length} succeeded ${JSON.stringify(tally(successes.map((o) => o.op)))},`,
    `refused ${JSON.stringify(tally(refusals.map((o) => `${o.typename}:${o.errorCode}`)))}`,
  );

  // Every refusal is a typed error with its own code: a stale version, a rule, bad input, a role.
  const untyped = refusals.filter((o) => typedErrors.get(o.typename) !== o.errorCode);
  expect(untyped).toEqual([]);
  expect(refusals.some((o) => o.typename === "ConflictError")).toBe(true);
  expect(refusals.some((o) => o.typename === "RuleError")).toBe(true);

  // One event per success (an escalation writes one per hazard it stamped), none for a refusal.
  const created = await p.hazardEvent.findMany({ where: { id: { gte: firstEvent } }, orderBy: { id: "asc" } });
  expect(created.length).toBe(successes.reduce((n, o) => n + o.events, 0));

  // Codes registered now are unique and each names the hazard that was registered.
  const registered = successes.filter((o) => o.op === "reportHazard").map((o) => o.code!);
  expect(new Set(registered).size).toBe(registered.length);
  for (const c of registered) expect(c).toMatch(/^YH-2022-\d{6}-\d{4}$/);

  // Each hazard's history replays to its row, and its steps are exactly the successes the clients
  // got, in version order: no step was lost or applied twice.
  const codes = [...pool.map((h) => h.code), ...registered];
  const hazards = await p.hazard.findMany({
    where: { code: { in: codes } },
    include: { events: { orderBy: { id: "asc" } } },
  });
  expect(hazards.length).toBe(codes.length);
  const mismatches: string[] = [];
  for (const h of hazards) {
    const row: Replayed = {
      status: h.status,
      version: h.version,
      submittedBy: h.submittedBy,
      closedOn: h.closedOn?.toISOString() ?? null,
      escalatedAt: h.escalatedAt?.toISOString() ?? null,
    };
    let replayed: Replayed | string;
    try {
      replayed = replay(h.events);
    } catch (err) {
      replayed = (err as Error).message;
    }
    const took = h.events.filter((e) => e.id >= firstEvent && steps.includes(e.action as WorkflowStep));
    const got = successes
      .filter((o) => o.code === h.code && o.op !== "reportHazard")
      .sort((a, b) => a.version! - b.version!);
    const asSteps = (list: { action: string; actor: string }[]) => list.map((e) => `${e.action} by ${e.actor}`);
    const fromClients = got.map((o) => ({
      action: steps.find((s) => stepMutations[s] === o.op)!,
      actor: clients[o.client].token.subject,
    }));
    if (JSON.stringify(replayed) !== JSON.stringify(row))
      mismatches.push(
        `${h.code}: row ${JSON.stringify(row)}, history ${JSON.stringify(replayed)} ${h.events.map((e) => `${e.id}:${e.action}:${e.fromStatus}>${e.toStatus}`)}`,
      );
    if (JSON.stringify(asSteps(took)) !== JSON.stringify(asSteps(fromClients)))
      mismatches.push(`${h.code}: steps ${asSteps(took)}, clients got ${asSteps(fromClients)}`);
  }
  expect(mismatches).toEqual([]);

  // 督办 stamped each hazard at most once, however many offices ran it at the same time.
  const escalations = await p.hazardEvent.groupBy({
    by: ["hazardId"],
    where: { action: "ESCALATE" },
    _count: { _all: true },
  });
  expect(escalations.filter((e) => e._count._all > 1)).toEqual([]);
  const escalated = successes.flatMap((o) => o.escalated ?? []);
  expect(new Set(escalated).size).toBe(escalated.length);

  // The works' open counts still match their hazards.
  for (const w of works) {
    const shelter = await p.shelter.findUniqueOrThrow({ where: { id: w.shelter.id } });
    const open = await p.hazard.count({ where: { shelterId: w.shelter.id, status: { not: "CLOSED" } } });
    expect(shelter.openHazardCount, w.shelter.code).toBe(open);
  }

  // hazardStats' tally (kept by triggers, rows locked in key order on PostgreSQL) still counts right.
  const kept = await tallyAndCount(t);
  expect(kept.tally).toEqual(kept.counted);
}, 240_000);
