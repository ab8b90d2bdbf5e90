// Abuse limits per operation (issue 6): query length, depth, cost, breadth and page size. All are
// checked while the document is validated — after parsing, before the context is built and before
// any resolver or SQL runs — so a refused operation costs no database work.
// The costs are the schema's own (operation-cost.ts: a connection costs its page size times its
// selection, see packages/schema/src/builder.ts); only the ceilings live here.

import { inputLimits, isInputTree } from "@renfang/schema/rules/storable";
import {
  type DocumentNode,
  GraphQLError,
  GraphQLInt,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isObjectType,
  type ValidationRule,
  validate,
  valueFromAST,
} from "graphql";
import type { GraphQLParams, Plugin } from "graphql-yoga";
import { operationCost } from "./operation-cost.ts";

/** The first list inside `value` (variables: JSON, and uploaded files) longer than `max`, with its path. */
function longList(value: unknown, path: string, max: number): { path: string; length: number } | null {
  if (!isInputTree(value)) return null;
  if (Array.isArray(value) && value.length > max) return { path, length: value.length };
  for (const [key, v] of Object.entries(value)) {
    const found = longList(v, path ? `${path}.${key}` : key, max);
    if (found) return found;
  }
  return null;
}

export interface LimitsPluginOptions {
  /** Deepest selection nesting allowed. @default 12 */
  maxDepth?: number;
  /** Highest cost allowed (each field 1, times page sizes of the connections above it). @default 20000 */
  maxCost?: number;
  /** Most field selections in one operation (aliases included). @default 200 */
  maxBreadth?: number;
  /** Largest `first`/`last` on a connection. @default 100 */
  maxPageSize?: number;
  /** Longest query document, in characters. @default 30000 */
  maxQueryLength?: number;
}

function limitError(message: string, code: string, max: number, actual: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, max, actual } });
}

/** Refuses `first`/`last` above `max` on connection fields, naming the field and the argument. */
export function pageSizeRule(max: number, variables: Record<string, unknown>): ValidationRule {
  return (context) => ({
    Argument(node) {
      const name = node.name.value;
      if (name !== "first" && name !== "last") return;
      const field = context.getFieldDef();
      const type = field && getNamedType(field.type);
      if (!field || !isObjectType(type) || !type.getFields().pageInfo) return;
      const value = valueFromAST(node.value, GraphQLInt, variables);
      if (typeof value !== "number" || value <= max) return;
      context.reportError(
        new GraphQLError(
          `${field.name}(${name}: ${value}) asks for more than ${max} items; a page holds at most ${max} (MAX_PAGE_SIZE): page on with after/before`,
          { nodes: [node], extensions: { code: "PAGE_SIZE_EXCEEDED", argument: name, max, actual: value } },
        ),
      );
    },
  });
}

/**
 * The schema's own validation rules give the same answer for the same parsed document (yoga's
 * parser cache hands back the same object), so their result is kept per document and rule set.
 * yoga's validation cache cannot be used: its hook runs after this plugin's and would keep the
 * limit errors, which depend on each request's variables, as the document's result.
 */
function cachedValidation(validateFn: typeof validate): typeof validate {
  return (schema, documentAST, rules, ...rest) => {
    const key = rules?.map((rule) => rule.name).join(",") ?? "";
    let byRules = validated.get(documentAST);
    if (!byRules) {
      byRules = new Map();
      validated.set(documentAST, byRules);
    }
    let result = byRules.get(key);
    if (!result) {
      result = validateFn(schema, documentAST, rules, ...rest);
      byRules.set(key, result);
    }
    return result;
  };
}
const validated = new WeakMap<DocumentNode, Map<string, readonly GraphQLError[]>>();

export function useOperationLimits(options: LimitsPluginOptions = {}): Plugin {
  const maxDepth = options.maxDepth ?? 12;
  const maxCost = options.maxCost ?? 20_000;
  const maxBreadth = options.maxBreadth ?? 200;
  const maxPageSize = options.maxPageSize ?? 100;
  const maxQueryLength = options.maxQueryLength ?? 30_000;
  return {
    onParams({ params }) {
      const length = params.query?.length ?? 0;
      if (length > maxQueryLength) {
        throw new GraphQLError(`the query document has ${length} characters; at most ${maxQueryLength} are accepted`, {
          extensions: { code: "QUERY_TOO_LONG", max: maxQueryLength, actual: length, http: { status: 413 } },
        });
      }
      // GraphQL coerces every item of a variable's list before any rule sees it (30 ms for 50,000
      // enum values): a list longer than any argument accepts is refused first. The schema's own
      // bounds (packages/schema/src/rules/storable.ts) then name the argument.
      const long = longList(params.variables, "", inputLimits.listItems);
      if (long) {
        throw new GraphQLError(`$${long.path}: length: at most ${inputLimits.listItems} items (got ${long.length})`, {
          extensions: { code: "VALIDATION", rule: "length", max: inputLimits.listItems, actual: long.length },
        });
      }
    },
    onValidate({ context, params: { schema, documentAST }, validateFn, setValidationFn }) {
      setValidationFn(cachedValidation(validateFn));
      // Measured once the document is otherwise valid (a cost needs known fields), with the
      // request's variables, which yoga keeps in the initial context.
      return ({ valid, setResult }) => {
        if (!valid) return;
        const params = (context as { params?: GraphQLParams }).params;
        const operation = getOperationAST(documentAST, params?.operationName);
        if (!operation) return; // no such operation: execution refuses the request
        const variables = getVariableValues(schema, operation.variableDefinitions ?? [], params?.variables ?? {});
        if (variables.errors) return; // bad variables: execution refuses before any resolver
        const errors = [...validate(schema, documentAST, [pageSizeRule(maxPageSize, variables.coerced)])];
        const { complexity, depth, breadth, exceeded } = operationCost(
          schema,
          documentAST,
          operation,
          variables.coerced,
          context,
          { maxCost, maxDepth, maxBreadth },
        );
        // A walk that stopped early knows lower bounds only.
        const atLeast = (which: typeof exceeded) => (exceeded === which ? "at least " : "");
        if (depth > maxDepth) {
          errors.push(
            limitError(
              `the operation is nested ${atLeast("depth")}${depth} levels deep; at most ${maxDepth} are allowed`,
              "QUERY_TOO_DEEP",
              maxDepth,
              depth,
            ),
          );
        }
        if (complexity > maxCost) {
          errors.push(
            limitError(
              `the operation costs ${atLeast("cost")}${complexity}; at most ${maxCost} is allowed: ask for smaller pages or fewer nested lists`,
              "QUERY_TOO_COSTLY",
              maxCost,
              complexity,
            ),
          );
        }
        if (breadth > maxBreadth) {
          errors.push(
            limitError(
              `the operation selects ${atLeast("breadth")}${breadth} fields; at most ${maxBreadth} are allowed`,
              "QUERY_TOO_BROAD",
              maxBreadth,
              breadth,
            ),
          );
        }
        if (errors.length) setResult(errors);
      };
    },
  };
}
