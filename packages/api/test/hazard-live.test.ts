// hazardChanged over SSE. With Redis (the local server, as in production with REDIS_URL) a step
// taken on one API instance reaches a subscriber on another instance of the same database;
// without Redis it is delivered in-process. Subscribers get only their region's changes and
// only what their token may read.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventsFor } from "../src/server.ts";
import { type Api, createApi } from "../src/yoga.ts";
import { city, county, otherCity, run, workOf } from "./hazard-helpers.ts";
import { SECRET, type TestApi, TODAY, testApi, tokenFor } from "./helpers.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

const subscription = `subscription ($r: String!) {
  hazardChanged(regionCode: $r) { code action region { code } hazard { code title status version } }
}`;
type Change = {
  code: string;
  action: string;
  region: { code: string };
  hazard: { code: string; title: string; status: string } | null;
};

/** Opens an SSE subscription on `api`; `next()` resolves with the next change, or null after `waitMs`. */
async function subscribe(api: Api, regionCode: string, token: object) {
  const abort = new AbortController();
  const res = await api.fetch("http://yoga/graphql", {
    method: "POST",
    signal: abort.signal,
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream",
      authorization: `Bearer ${await tokenFor(token)}`,
    },
    body: JSON.stringify({ query: subscription, variables: { r: regionCode } }),
  });
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let pending: Promise<ReadableStreamReadResult<string>> | null = null;
  async function next(waitMs = 5000): Promise<Change | null> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split("\n")
          .filter((l) => l.startsWith("data:"))
          .map((l) => l.slice(5).trim())
          .join("");
        if (!data) continue;
        const body = JSON.parse(data) as { data?: { hazardChanged: Change }; errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return body.data!.hazardChanged;
      }
      pending ??= reader.read();
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs).unref());
      const read = await Promise.race([pending, timeout]);
      if (read === null) return null;
      pending = null;
      if (read.done) throw new Error("the event stream ended");
      buffer += read.value;
    }
  }
  return { next, close: () => abort.abort() };
}

const title = () => `实时推送测试 ${randomUUID().slice(0, 8)}`;
const report = (shelterCode: string, t: string) => ({
  shelterCode,
  title: t,
  category: "WATER",
  level: "GENERAL",
  source: "PATROL",
});

/** Reports hazards on `on` until `sub` sees one of them (a new subscription needs a moment to reach Redis). */
async function deliver(
  t: TestApi,
  sub: Awaited<ReturnType<typeof subscribe>>,
  shelterCode: string,
  token: object = city,
) {
  const titles = new Set<string>();
  for (let attempt = 0; attempt < 5; attempt++) {
    const mine = title();
    titles.add(mine);
    expect((await run(t, "reportHazard", report(shelterCode, mine), token)).__typename).toBe("HazardPayload");
    for (let change = await sub.next(); change; change = await sub.next(500)) {
      if (change.hazard && titles.has(change.hazard.title)) return change;
    }
  }
  throw new Error("no change was delivered");
}

describe("across instances through Redis", () => {
  let a: TestApi;
  let b: Api;
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const ea = eventsFor(REDIS_URL);
    const eb = eventsFor(REDIS_URL);
    closers.push(ea.close, eb.close);
    a = await testApi({ api: { events: ea.events } });
    b = createApi({ database: a.database, tokenSecret: SECRET, now: () => TODAY, rateLimit: false, events: eb.events });
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await a?.drop();
  });

  it("delivers a step taken on instance A to a subscriber on instance B", async () => {
    const { shelter, responsibleUnitCode } = await workOf(a);
    const sub = await subscribe(b, "360100", city);
    try {
      const reported = await deliver(a, sub, shelter.code);
      expect(reported).toMatchObject({
        action: "REPORT",
        region: { code: shelter.regionCode },
        hazard: { status: "REPORTED" },
      });
      const code = reported.code;
      const assigned = await run(
        a,
        "assignRectification",
        {
          code,
          version: 1,
          responsibleUnitCode,
          responsiblePerson: "李明",
          measures: "疏通排水沟",
          deadline: "2022-07-01",
        },
        county,
      );
      expect(assigned.__typename).toBe("HazardPayload");
      let change = await sub.next();
      while (change && change.code !== code) change = await sub.next();
      expect(change).toMatchObject({ code, action: "ASSIGN", hazard: { code, status: "RECTIFYING", version: 2 } });
    } finally {
      sub.close();
    }
  });

  it("sends each subscriber only its own region's changes", async () => {
    const nanchang = await workOf(a);
    const ganzhou = await workOf(a, "360702");
    const sub = await subscribe(b, "360700", otherCity);
    try {
      // Reach Redis first with a Ganzhou change, then a Nanchang one, then Ganzhou again: the
      // subscriber must skip Nanchang's and see the second Ganzhou change next.
      await deliver(a, sub, ganzhou.shelter.code, otherCity);
      await run(a, "reportHazard", report(nanchang.shelter.code, title()), city);
      const last = title();
      await run(a, "reportHazard", report(ganzhou.shelter.code, last), otherCity);
      let change = await sub.next();
      while (change && change.hazard?.title !== last) {
        expect(change.region.code.slice(0, 4)).toBe("3607");
        change = await sub.next();
      }
      expect(change?.hazard?.title).toBe(last);
    } finally {
      sub.close();
    }
  });
});

describe("in one process without Redis", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await testApi();
  });
  afterAll(() => t?.drop());

  it("delivers in-process, and a unit hears only of its own works", async () => {
    const own = await workOf(t);
    const other = await t.database.prisma.shelter.findFirstOrThrow({
      where: {
        regionCode: "360102",
        NOT: [
          { builderId: own.unit.organizationId },
          { managerId: own.unit.organizationId },
          { userId: own.unit.organizationId },
        ],
      },
    });
    const sub = await subscribe(t.api, "360000", own.unit);
    try {
      await deliver(t, sub, own.shelter.code);
      await run(t, "reportHazard", report(other.code, title()), city);
      const mine = title();
      await run(t, "reportHazard", report(own.shelter.code, mine), city);
      const change = await sub.next();
      expect(change?.hazard?.title).toBe(mine);
    } finally {
      sub.close();
    }
  });
});
