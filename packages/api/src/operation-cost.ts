// The cost, depth and breadth of an operation, from its shape alone, before it runs. Field costs
// are the schema's (Pothos complexity: `extensions.complexity` of each field, see
// packages/schema/src/builder.ts), computed here with the arguments as GraphQL coerces them —
// not through Pothos' argument mappers, which would run the inputs' zod validation and turn bad
// input into a crash of the limit check instead of the mutation's typed ValidationError.
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

export interface OperationCost {
  /** Each field's cost, its selection's cost times its multiplier (page size, list) added. */
  complexity: number;
  /** Deepest nesting of selections. */
  depth: number;
  /** Number of field selections, aliases included. */
  breadth: number;
}

type FieldCost = number | { field?: number; multiplier?: number };
type CostFn = (args: Record<string, unknown>, ctx: unknown, field: unknown) => FieldCost;

interface Walk {
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  context: unknown;
  schema: GraphQLSchema;
}

function selectionCost(w: Walk, set: SelectionSetNode, type: GraphQLNamedType): OperationCost {
  const total: OperationCost = { complexity: 0, depth: 0, breadth: 0 };
  const add = (c: OperationCost) => {
    total.complexity += c.complexity;
    total.breadth += c.breadth;
    total.depth = Math.max(total.depth, c.depth);
  };
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[sel.name.value] : undefined;
      if (!field) {
        add({ complexity: 1, depth: 1, breadth: 1 }); // __typename, __schema…: shape only
        continue;
      }
      let cost = (field.extensions?.complexity ?? 1) as FieldCost | CostFn;
      if (typeof cost === "function") cost = cost(getArgumentValues(field, sel, w.variables), w.context, field);
      const own = typeof cost === "number" ? cost : (cost.field ?? 1);
      const listed = isListType(getNullableType(field.type));
      const multiplier = typeof cost === "object" && cost.multiplier !== undefined ? cost.multiplier : listed ? 10 : 1;
      const sub = sel.selectionSet
        ? selectionCost(w, sel.selectionSet, getNamedType(field.type))
        : { complexity: 0, depth: 0, breadth: 0 };
      add({
        complexity: own + sub.complexity * Math.max(multiplier, 0),
        depth: 1 + sub.depth,
        breadth: 1 + sub.breadth,
      });
    } else {
      const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : w.fragments.get(sel.name.value);
      if (!fragment) continue;
      const on = fragment.typeCondition ? w.schema.getType(fragment.typeCondition.name.value) : type;
      add(selectionCost(w, fragment.selectionSet, on ?? type));
    }
  }
  return total;
}

/**
 * The cost of one operation of a valid document, given its variables as GraphQL coerced them
 * (defaults applied). `context` is handed to the schema's cost functions.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  context?: unknown,
): OperationCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const root = schema.getRootType(operation.operation);
  if (!root) return { complexity: 0, depth: 0, breadth: 0 };
  return selectionCost({ fragments, variables, context, schema }, operation.selectionSet, root);
}
