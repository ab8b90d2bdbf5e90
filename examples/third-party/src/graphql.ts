// Typed operations: gql.tada reads Renfang's committed SDL (packages/schema/schema.graphql,
// turned into src/generated/graphql-env.d.ts by `pnpm generate`) so that every query below is
// checked against the real schema and its result and variables are typed, with no codegen step
// per operation.
import { initGraphQLTada } from "gql.tada";
import type { introspection } from "./generated/graphql-env.d.ts";

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Date: string; DateTime: string; File: Blob };
}>();

export type { ResultOf, VariablesOf } from "gql.tada";
