// The one SchemaBuilder. Plugins: prisma (selections, no N+1), relay (Node, connections),
// scope-auth (who may see what, via scope.ts), errors (typed mutation results), validation
// (zod on inputs), complexity (cost limits), simple-objects (payloads and stats rows), storableInput
// (no NUL, unpaired surrogate or year 0 in any argument).
import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import SimpleObjectsPlugin from "@pothos/plugin-simple-objects";
import ValidationPlugin from "@pothos/plugin-validation";
import { type GraphQLField, getNullableType, isListType } from "graphql";
import type { Context } from "./context.ts";
import { ForbiddenError, ValidationError } from "./errors.ts";
import type PrismaTypes from "./generated/pothos-types.ts";
import { getDatamodel } from "./generated/pothos-types.ts";
import { isInputTree } from "./rules/storable.ts";
import { grantedScopes } from "./scope.ts";
import StorableInputPlugin from "./storable-input-plugin.ts";

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    /** Any role that may change records. */
    writer: boolean;
    /** Offices: PROVINCE_ADMIN, CITY_OFFICER, COUNTY_OFFICER (not units, analysts or the public). */
    officer: boolean;
    /** PROVINCE_ADMIN only. */
    admin: boolean;
    /** Roles that may see people's names and phone numbers. */
    personalData: boolean;
    /** Anything but the anonymous/PUBLIC role. */
    staff: boolean;
  };
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    /** An uploaded file (GraphQL multipart request); input only. */
    File: { Input: File; Output: never };
  };
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Connection: { totalCount: number | (() => number | Promise<number>) };
}>({
  plugins: [
    ScopeAuthPlugin,
    ErrorsPlugin,
    StorableInputPlugin,
    ValidationPlugin,
    PrismaPlugin,
    RelayPlugin,
    ComplexityPlugin,
    SimpleObjectsPlugin,
  ],
  scopeAuth: {
    authScopes: (ctx) => grantedScopes(ctx.viewer),
    unauthorizedError: (_parent, _ctx, _info, result) => new ForbiddenError(result.message),
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    // Every prismaConnection/relatedConnection pages at most the deployment's MAX_PAGE_SIZE. Pothos
    // accepts a function here at run time (its type says number); a larger `first`/`last` is
    // refused with an error before execution (packages/api/src/use-limits.ts), never cut silently.
    maxConnectionSize: ((_args: unknown, ctx: Context) => ctx.settings.maxPageSize) as unknown as number,
    onUnusedQuery: process.env.NODE_ENV === "development" ? "warn" : null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeQueryOptions: {
      description: "Any entity by its opaque global id (Relay). Null when not found or not visible.",
    },
    nodesQueryOptions: { description: "Several entities by their global ids, in order (Relay)." },
    pageInfoTypeOptions: { description: "Where a page sits in its connection (Relay)." },
    nodeTypeOptions: { description: "An entity with an opaque global id (Relay)." },
    idFieldOptions: { description: "Opaque global id (Relay)." },
    firstArgOptions: { description: "Return the first N items (at most the deployment's page size, 100 by default)." },
    lastArgOptions: { description: "Return the last N items." },
    afterArgOptions: { description: "Items after this cursor." },
    beforeArgOptions: { description: "Items before this cursor." },
    pageInfoFieldOptions: { description: "Where this page sits." },
    edgesFieldOptions: { nullable: false, description: "The items of this page with their cursors." },
    nodeFieldOptions: { nullable: false, description: "The item." },
    cursorFieldOptions: { description: "Opaque cursor of this item, for after/before." },
    hasNextPageFieldOptions: { description: "More items follow." },
    hasPreviousPageFieldOptions: { description: "Items precede." },
    startCursorFieldOptions: { description: "Cursor of the first item of the page." },
    endCursorFieldOptions: { description: "Cursor of the last item of the page." },
  },
  errors: {
    defaultTypes: [],
    directResult: true,
    // zod failures of `validate:` inputs come back as the mutation's typed ValidationError (field
    // and rule) instead of a top-level error. They are reported before auth scopes run, which
    // only tells a caller what is wrong with its own input.
    unsafelyHandleInputErrors: true,
    defaultUnionOptions: {
      description: "The mutation's payload, or the typed error that refused it (nothing was written).",
      name: ({ fieldName }) => `${fieldName[0].toUpperCase()}${fieldName.slice(1)}Result`,
    },
  },
  validation: {
    validationError: (result) =>
      new ValidationError(
        result.issues.map((issue) => {
          const path = (issue.path ?? []).map((p) => (typeof p === "object" ? p.key : p)).join(".");
          return {
            field: path.replace(/^input\./, "") || "input",
            rule: ruleOf(issue.message),
            message: issue.message,
          };
        }),
      ),
  },
  // Costs only: the limits (depth, cost, breadth, page size) are the deployment's and are checked
  // while the document is validated, before any resolver runs (packages/api/src/use-limits.ts).
  complexity: { fieldComplexity },
});

/**
 * What a field costs: 1 plus one per item of its list arguments (each id of `nodes` is a lookup,
 * each filter value a term), plus its selection times a multiplier — a connection's page size
 * (`first`/`last`, else the default page of 20), the number of `ids` asked for, or 10 for any
 * other list. `edges` is not multiplied again: its connection already counts the page.
 */
function fieldComplexity(args: Record<string, unknown>, _ctx: Context, field: GraphQLField<unknown, Context>) {
  const own = 1 + listItems(args);
  if (field.args.some((a) => a.name === "first")) {
    return { field: own, multiplier: Number(args.first ?? args.last ?? 20) };
  }
  if (Array.isArray(args.ids)) return { field: own, multiplier: args.ids.length };
  if (field.name === "edges") return { field: own, multiplier: 1 };
  return { field: own, multiplier: isListType(getNullableType(field.type)) ? 10 : 1 };
}

/** Items of every list inside `value`. */
function listItems(value: unknown): number {
  if (!isInputTree(value)) return 0;
  const values = Object.values(value);
  return (Array.isArray(value) ? value.length : 0) + values.reduce((n: number, v) => n + listItems(v), 0);
}

/** Our zod messages start with "rule: …" so that errors carry a machine-readable rule name. */
function ruleOf(message: string): string {
  const m = /^([a-z][a-zA-Z]+): /.exec(message);
  return m ? m[1] : "invalid";
}

builder.queryType({
  description:
    "Read the registry, the ledgers, targets and reports. Rows outside the token's scope are left out of lists and lookups answer null; only a field whose description lists `Roles:` refuses the other roles, with a top-level FORBIDDEN error.",
});
builder.mutationType({
  description:
    "Change records. Each mutation takes one `input` and returns a payload or a typed error. A refusal has one of two shapes, and nothing is written in either: a role that the mutation's `Roles:` does not list is refused before anything runs, with a top-level error (`extensions.code` FORBIDDEN) and no `data` (HTTP 403 under application/graphql-response+json); a listed role refused for this record, region, organization or workflow step gets the result union's `ForbiddenError`, in `data`.",
});
