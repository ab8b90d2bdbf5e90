// The cost, depth and breadth of an operation, from its shape alone, before it runs. Field costs
// are the schema's (Pothos complexity: `extensions.complexity` of each field, see
// packages/schema/src/builder.ts), computed here with the arguments as GraphQL coerces them —
// not through Pothos' argument mappers, which would run the inputs' zod validation and turn bad
// input into a crash of the limit check instead of the mutation's typed ValidationError.
// Each named fragment is costed once per type it is spread on (issue 15: a chain of fragments
// that each spread the next twice would otherwise be walked 2^n times), and the walk stops the
// moment a limit is passed, so a hostile document costs at most one walk over its own text.
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

/** Ceilings: the walk stops as soon as one is passed (the result then names it, with the cost so far). */
export interface CostLimits {
  maxCost: number;
  maxDepth: number;
  maxBreadth: number;
}

export interface MeasuredCost extends OperationCost {
  /** The limit passed, when the walk stopped early; the numbers are then lower bounds. */
  exceeded: "cost" | "depth" | "breadth" | null;
}

type FieldCost = number | { field?: number; multiplier?: number };
type CostFn = (args: Record<string, unknown>, ctx: unknown, field: unknown) => FieldCost;

interface Walk {
  fragments: Map<string, FragmentDefinitionNode>;
  /** Cost of a fragment's selection on a type, once computed. */
  memo: Map<string, OperationCost>;
  variables: Record<string, unknown>;
  context: unknown;
  schema: GraphQLSchema;
  limits: CostLimits;
}

class LimitPassed extends Error {
  constructor(
    readonly which: "cost" | "depth" | "breadth",
    readonly cost: OperationCost,
  ) {
    super(which);
  }
}

const none = (): OperationCost => ({ complexity: 0, depth: 0, breadth: 0 });

/**
 * The cost of a selection set on `type`. `scale` is the product of the multipliers above it and
 * `level` its nesting: a part whose cost already passes a limit at the root stops the walk.
 */
function selectionCost(w: Walk, set: SelectionSetNode, type: GraphQLNamedType, scale: number, level: number) {
  const total = none();
  // Its fields sit one level deeper: past the limit, stop before walking them.
  if (level + 1 > w.limits.maxDepth) throw new LimitPassed("depth", { complexity: 0, depth: level + 1, breadth: 0 });
  const add = (c: OperationCost) => {
    total.complexity += c.complexity;
    total.breadth += c.breadth;
    total.depth = Math.max(total.depth, c.depth);
    // What is known so far of the whole operation's numbers (lower bounds), at the root's scale.
    const atRoot = () => ({ complexity: total.complexity * scale, depth: level + total.depth, breadth: total.breadth });
    if (total.breadth > w.limits.maxBreadth) throw new LimitPassed("breadth", atRoot());
    if (level + total.depth > w.limits.maxDepth) throw new LimitPassed("depth", atRoot());
    if (scale >= 1 && total.complexity * scale > w.limits.maxCost) throw new LimitPassed("cost", atRoot());
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
      const multiplier = Math.max(
        typeof cost === "object" && cost.multiplier !== undefined ? cost.multiplier : listed ? 10 : 1,
        0,
      );
      const sub = sel.selectionSet
        ? selectionCost(w, sel.selectionSet, getNamedType(field.type), scale * multiplier, level + 1)
        : none();
      add({ complexity: own + sub.complexity * multiplier, depth: 1 + sub.depth, breadth: 1 + sub.breadth });
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const on = sel.typeCondition ? w.schema.getType(sel.typeCondition.name.value) : type;
      add(selectionCost(w, sel.selectionSet, on ?? type, scale, level));
    } else {
      const fragment = w.fragments.get(sel.name.value);
      if (!fragment) continue;
      const on = w.schema.getType(fragment.typeCondition.name.value) ?? type;
      const key = `${fragment.name.value}@${on.name}`;
      let cost = w.memo.get(key);
      if (!cost) {
        cost = selectionCost(w, fragment.selectionSet, on, scale, level);
        w.memo.set(key, cost);
      }
      add(cost);
    }
  }
  return total;
}

/**
 * The cost of one operation of a valid document, given its variables as GraphQL coerced them
 * (defaults applied). `context` is handed to the schema's cost functions. With `limits`, the walk
 * stops when one is passed and says which.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  context?: unknown,
  limits: CostLimits = {
    maxCost: Number.POSITIVE_INFINITY,
    maxDepth: Number.POSITIVE_INFINITY,
    maxBreadth: Number.POSITIVE_INFINITY,
  },
): MeasuredCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const root = schema.getRootType(operation.operation);
  if (!root) return { ...none(), exceeded: null };
  const w: Walk = { fragments, memo: new Map(), variables, context, schema, limits };
  try {
    return { ...selectionCost(w, operation.selectionSet, root, 1, 0), exceeded: null };
  } catch (err) {
    if (err instanceof LimitPassed) return { ...err.cost, exceeded: err.which };
    throw err;
  }
}
