// Checks the operation's root fields against their declared auth scopes before anything runs:
// a caller whose role may not use a mutation hears FORBIDDEN, never what is wrong with its
// input, and nothing is read or written. Row-level scope stays in the schema (scope.ts).
import type { Context } from "@renfang/schema";
import { refusedRootFields } from "@renfang/schema/scope";
import { type DocumentNode, GraphQLError, type GraphQLSchema, getOperationAST, Kind } from "graphql";
import type { Plugin } from "graphql-yoga";

function refusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  ctx: Context,
) {
  const operation = getOperationAST(document, operationName);
  if (!operation || !ctx?.viewer) return null;
  const root =
    operation.operation === "mutation"
      ? schema.getMutationType()
      : operation.operation === "subscription"
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const names = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  const refused = refusedRootFields(root, names, ctx.viewer);
  if (!refused.length) return null;
  return {
    errors: refused.map(
      (name) =>
        new GraphQLError(`Not authorized to resolve ${root?.name}.${name} as ${ctx.viewer.role}`, {
          extensions: { code: "FORBIDDEN" },
        }),
    ),
  };
}

export function useRootScopes(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const result = refusal(args.schema, args.document, args.operationName, args.contextValue as unknown as Context);
      if (result) setResultAndStopExecution(result);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const result = refusal(args.schema, args.document, args.operationName, args.contextValue as unknown as Context);
      if (result) setResultAndStopExecution(result);
    },
  };
}
