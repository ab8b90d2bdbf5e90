// Validates the widgets' GraphQL documents against the contract: the subset in
// fake-api/contract.graphql always, and the real printed schema (packages/schema/schema.graphql)
// as soon as that file exists — so a drift between the widgets and the API fails a test.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type DocumentInput, stringifyDocument } from "@urql/core";
import { buildSchema, type GraphQLSchema, parse, validate } from "graphql";
import { packageDir } from "../../scripts/bundle.ts";

export const contractSdlPath = join(packageDir, "test", "helpers", "fake-api", "contract.graphql");
export const realSdlPath = join(packageDir, "..", "schema", "schema.graphql");

let contract: GraphQLSchema | undefined;
let real: GraphQLSchema | undefined;

export function contractSchema(): GraphQLSchema {
  contract ??= buildSchema(readFileSync(contractSdlPath, "utf8"));
  return contract;
}

/** The API's printed schema, or undefined while packages/schema/schema.graphql does not exist. */
export function realSchema(): GraphQLSchema | undefined {
  if (!existsSync(realSdlPath)) return undefined;
  real ??= buildSchema(readFileSync(realSdlPath, "utf8"));
  return real;
}

/** Validation errors of a widget document against a schema (empty when it is valid). */
export function errorsOf(schema: GraphQLSchema, doc: DocumentInput<any, any>): string[] {
  return validate(schema, parse(stringifyDocument(doc))).map((e) => e.message);
}
