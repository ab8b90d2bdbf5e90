// The registry through the API: regions, the shelter list with its filter and pages, scope,
// and the SQL cost of a page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, testApi } from "./helpers.ts";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

const CITIES = [
  "南昌市",
  "景德镇市",
  "萍乡市",
  "九江市",
  "新余市",
  "鹰潭市",
  "赣州市",
  "吉安市",
  "宜春市",
  "抚州市",
  "上饶市",
];

describe("regions", () => {
  it("lists Jiangxi's 11 cities with their real names and codes", async () => {
    const r = await t.gql<{ region: { name: string; children: { code: string; name: string }[] } }>(
      `{ region(code: "360000") { name children { code name } } }`,
    );
    expect(r.data?.region.name).toBe("江西省");
    expect(r.data?.region.children.map((c) => c.name)).toEqual(CITIES);
    expect(r.data?.region.children.map((c) => c.code)).toEqual(
      ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"].map((n) => `36${n}00`),
    );
  });
});

describe("shelters", () => {
  const page = `query ($filter: ShelterFilter, $first: Int, $after: String, $orderBy: [ShelterOrder!]) {
    shelters(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id code name parkingSpaces openHazardCount
        region { code name } city { code name }
        builder { code name } manager { code name } user { code name } } }
    }
  }`;
  type Page = {
    shelters: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: {
        node: {
          id: string;
          code: string;
          name: string;
          parkingSpaces: number;
          region: { code: string };
          city: { code: string; name: string };
        };
      }[];
    };
  };

  it("filters by a city's subtree with the right totalCount", async () => {
    const r = await t.gql<Page>(page, { filter: { regionCode: "360100" }, first: 10 });
    expect(r.errors).toBeUndefined();
    const expected = await t.database.prisma.shelter.count({ where: { cityCode: "360100" } });
    expect(expected).toBeGreaterThan(10);
    expect(r.data?.shelters.totalCount).toBe(expected);
    expect(r.data?.shelters.edges).toHaveLength(10);
    for (const e of r.data!.shelters.edges) {
      expect(e.node.city).toEqual({ code: "360100", name: "南昌市" });
      expect(e.node.region.code.slice(0, 4)).toBe("3601");
    }
  });

  it("filters by a county, status, use, early-work flag, open hazards and search", async () => {
    const any = await t.database.prisma.shelter.findFirstOrThrow({
      where: { cityCode: "360700", openHazardCount: { gt: 0 } },
    });
    const filter = {
      regionCode: any.regionCode,
      status: [any.status],
      peacetimeUse: [any.peacetimeUse],
      isEarlyWork: any.isEarlyWork,
      hasOpenHazards: true,
      search: any.name.slice(0, 4),
    };
    const r = await t.gql<Page>(page, { filter, first: 100 });
    const expected = await t.database.prisma.shelter.count({
      where: {
        regionCode: any.regionCode,
        status: any.status,
        peacetimeUse: any.peacetimeUse,
        isEarlyWork: any.isEarlyWork,
        openHazardCount: { gt: 0 },
        OR: [
          { code: { contains: filter.search } },
          { name: { contains: filter.search } },
          { address: { contains: filter.search } },
        ],
      },
    });
    expect(r.data?.shelters.totalCount).toBe(expected);
    expect(r.data?.shelters.edges.map((e) => e.node.code)).toContain(any.code);
  });

  it("pages forward with cursors without gaps or repeats, in the requested order", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 3; i++) {
      const r = await t.gql<Page>(page, {
        filter: { regionCode: "360400" },
        first: 7,
        after,
        orderBy: [{ field: "PARKING_SPACES", direction: "DESC" }],
      });
      seen.push(...r.data!.shelters.edges.map((e) => e.node.code));
      after = r.data!.shelters.pageInfo.endCursor;
    }
    const expected = await t.database.prisma.shelter.findMany({
      where: { cityCode: "360400" },
      orderBy: [{ parkingSpaces: "desc" }, { id: "asc" }],
      take: 21,
      select: { code: true },
    });
    expect(seen).toEqual(expected.map((s) => s.code));
  });

  it("costs a constant number of SQL statements per page, whatever its size", async () => {
    t.queries.reset();
    await t.gql(page, { first: 10 });
    const ten = t.queries.count;
    t.queries.reset();
    const r = await t.gql<Page>(page, { first: 50 });
    expect(r.data?.shelters.edges).toHaveLength(50);
    expect(t.queries.count).toBe(ten);
    expect(t.queries.count).toBeLessThanOrEqual(8);
  });
});

describe("a city officer's scope", () => {
  const nanchang = { role: "CITY_OFFICER" as const, regionCode: "360100", subject: "P-test-nc" };

  it("never sees another city's shelter: list, shelter(code), node(id), nodes and nested fields", async () => {
    const other = await t.database.prisma.shelter.findFirstOrThrow({ where: { cityCode: "360700" } });
    const admin = await t.gql<{ shelter: { id: string } }>(
      `query ($c: String!) { shelter(code: $c) { id } }`,
      { c: other.code },
      {},
    );
    const globalId = admin.data!.shelter.id;

    const list = await t.gql<{ shelters: { totalCount: number; edges: { node: { city: { code: string } } }[] } }>(
      `{ shelters(first: 100) { totalCount edges { node { city { code } } } } }`,
      {},
      nanchang,
    );
    expect(list.data!.shelters.totalCount).toBe(
      await t.database.prisma.shelter.count({ where: { cityCode: "360100" } }),
    );
    expect(new Set(list.data!.shelters.edges.map((e) => e.node.city.code))).toEqual(new Set(["360100"]));

    const explicit = await t.gql<{ shelters: { totalCount: number } }>(
      `{ shelters(filter: { regionCode: "360700" }, first: 5) { totalCount } }`,
      {},
      nanchang,
    );
    expect(explicit.data!.shelters.totalCount).toBe(0);

    const byCode = await t.gql<{ shelter: unknown }>(
      `query ($c: String!) { shelter(code: $c) { id name } }`,
      { c: other.code },
      nanchang,
    );
    expect(byCode.data!.shelter).toBeNull();

    const byNode = await t.gql<{ node: unknown; nodes: unknown[] }>(
      `query ($id: ID!) { node(id: $id) { id ... on Shelter { name } } nodes(ids: [$id]) { id } }`,
      { id: globalId },
      nanchang,
    );
    expect(byNode.data?.node ?? null).toBeNull();
    expect(byNode.data?.nodes ?? [null]).toEqual([null]);
    expect(JSON.stringify(byNode)).not.toContain(other.name);

    const nested = await t.gql<{ organizations: { edges: { node: { region: { code: string } } }[] } }>(
      `{ organizations(first: 100) { edges { node { region { code } } } } }`,
      {},
      nanchang,
    );
    for (const e of nested.data!.organizations.edges) expect(e.node.region.code.slice(0, 4)).toBe("3601");
  });
});

describe("nodes", () => {
  const nanchang = { role: "CITY_OFFICER" as const, regionCode: "360100", subject: "P-test-nc" };
  const query = `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Shelter { code } ... on Hazard { code shelter { code } } } }`;
  const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64");

  /** `count` ids, alternately a Nanchang shelter and hazard, then as many of another city. */
  async function ids(count: number) {
    const rows = async (cityCode: string) => ({
      shelters: await t.database.prisma.shelter.findMany({
        where: { cityCode },
        take: count,
        select: { id: true, code: true },
      }),
      hazards: await t.database.prisma.hazard.findMany({
        where: { cityCode },
        take: count,
        select: { id: true, code: true },
      }),
    });
    const pick = (r: Awaited<ReturnType<typeof rows>>) =>
      Array.from({ length: count }, (_, i) =>
        i % 2
          ? { id: globalId("Hazard", r.hazards[i].id), code: r.hazards[i].code }
          : { id: globalId("Shelter", r.shelters[i].id), code: r.shelters[i].code },
      );
    return { own: pick(await rows("360100")), other: pick(await rows("360700")) };
  }

  it("answers each id in order, null outside the scope, in the same statements for 4 ids as for 20", async () => {
    const statements: number[] = [];
    for (const count of [4, 20]) {
      const { own, other } = await ids(count);
      t.queries.reset();
      const r = await t.gql<{ nodes: ({ code: string } | null)[] }>(
        query,
        { ids: [...own, ...other].map((n) => n.id) },
        nanchang,
      );
      statements.push(t.queries.count);
      expect(r.errors).toBeUndefined();
      expect(r.data!.nodes.slice(0, count).map((n) => n?.code)).toEqual(own.map((n) => n.code));
      expect(r.data!.nodes.slice(count)).toEqual(other.map(() => null));
    }
    expect(statements[1]).toBe(statements[0]);
  });

  it("answers null for malformed and unknown ids", async () => {
    const r = await t.gql<{ nodes: unknown[] }>(
      query,
      { ids: [globalId("Hazard", 999_999_999), globalId("Shelter", Number.NaN)] },
      {},
    );
    expect(r.data?.nodes).toEqual([null, null]);
  });
});
