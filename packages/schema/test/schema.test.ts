// The committed SDL is the contract: it must match the code, and every part of it is described.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../src/index.ts";

describe("schema.graphql", () => {
  it("matches the code (run `pnpm --filter @renfang/schema print-schema` after changing types)", () => {
    const committed = readFileSync(join(import.meta.dirname, "../schema.graphql"), "utf8");
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  it("describes every type, field, argument and enum value", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
