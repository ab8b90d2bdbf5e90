// What the root README tells a newcomer to do works as written: the "Try:" block pasted whole into
// GraphiQL runs with the token the README makes, and the CLI table names every command there is.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { program } from "../src/cli.ts";
import { type TestApi, testApi } from "./helpers.ts";

const readme = readFileSync(join(import.meta.dirname, "../../../README.md"), "utf8");

describe("the README's first steps", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await testApi();
  });
  afterAll(() => t?.drop());

  it("runs the Try: block, pasted whole, with the CITY_OFFICER token it makes", async () => {
    expect(readme).toContain("pnpm renfang token create --role CITY_OFFICER --region 360100");
    const block = /Try:\s*```graphql\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const r = await t.gql<{ region: { children: unknown[] }; shelters: { totalCount: number; edges: unknown[] } }>(
      block!,
      undefined,
      { role: "CITY_OFFICER", regionCode: "360100" },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.region.children).toHaveLength(11);
    expect(r.data?.shelters.totalCount).toBeGreaterThan(0);
    expect(r.data?.shelters.edges.length).toBe(Math.min(10, r.data!.shelters.totalCount));
  });
});

describe("the README's CLI table", () => {
  it("lists every command of `renfang`, subcommands included, and no other", () => {
    const commands = program.commands.flatMap((c) =>
      c.commands.length ? c.commands.map((s) => `${c.name()} ${s.name()}`) : [c.name()],
    );
    const table = readme.slice(readme.indexOf("## CLI"), readme.indexOf("## ", readme.indexOf("## CLI") + 3));
    const documented = [...table.matchAll(/^\| `([a-z]+(?: [a-z]+)?)/gm)].map((m) =>
      commands.includes(m[1]) ? m[1] : m[1].split(" ")[0],
    );
    expect(commands.length).toBeGreaterThan(8);
    expect(documented.sort()).toEqual(commands.sort());
  });
});
