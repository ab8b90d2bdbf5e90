// The `findUnique` of every node type (node, nodes, and Pothos re-loading a parent by id), kept
// within the viewer's scope without one statement per id.
// A scoped where is not a unique where, so Prisma cannot batch such lookups: `nodes` with 20 ids
// would send 20 statements. Instead, the ids of a model asked for in the same tick are checked
// against the scope in one statement (a DataLoader), and an id found in scope becomes a plain
// unique where, which Prisma batches with the others into one findMany; an id outside the scope
// becomes the unique where of a row that cannot exist (ids count up from 1), batched alike and
// found nowhere. Two statements per model, however many ids.
import DataLoader from "dataloader";
import type { Context } from "./context.ts";

type Where = Record<string, unknown>;
interface IdDelegate {
  findMany(args: { where: Where; select: { id: true } }): Promise<{ id: number }[]>;
}

const loaders = new WeakMap<Context, Map<string, DataLoader<number, boolean>>>();

const nowhere = { id: -1 };

/** The where that finds row `id` of `model` only when `scope` (a where of that model) holds for it. */
export async function nodeWhere(ctx: Context, model: string, id: number, scope: Where): Promise<{ id: number }> {
  // Not a number (a malformed global id): no row.
  if (!Number.isSafeInteger(id)) return nowhere;
  let byModel = loaders.get(ctx);
  if (!byModel) {
    byModel = new Map();
    loaders.set(ctx, byModel);
  }
  let inScope = byModel.get(model);
  if (!inScope) {
    const delegate = (ctx.prisma as unknown as Record<string, IdDelegate>)[model[0].toLowerCase() + model.slice(1)];
    inScope = new DataLoader(
      async (ids) => {
        const rows = await delegate.findMany({ where: { id: { in: [...ids] }, AND: [scope] }, select: { id: true } });
        const found = new Set(rows.map((r) => r.id));
        return ids.map((i) => found.has(i));
      },
      // Batching only: a row written later in the same request is judged afresh.
      { cache: false },
    );
    byModel.set(model, inScope);
  }
  return (await inScope.load(id)) ? { id } : nowhere;
}
