// The tests every `<name>.test.ts` runs on its widget's documents.
import type { DocumentInput } from "@urql/core";
import { describe, expect, it } from "vitest";
import { contractSchema, errorsOf, realSchema } from "./contract.js";

export function describeDocuments(widget: string, docs: Record<string, DocumentInput<any, any>>): void {
  describe(`${widget} GraphQL documents`, () => {
    for (const [name, doc] of Object.entries(docs)) {
      it(`${name} is valid against the contract (SPEC §3)`, () => {
        expect(errorsOf(contractSchema(), doc)).toEqual([]);
      });
      it.skipIf(!realSchema())(`${name} is valid against packages/schema/schema.graphql`, () => {
        expect(errorsOf(realSchema()!, doc)).toEqual([]);
      });
    }
  });
}
