// A Prisma client that runs each distinct read once and then answers it from memory: the API
// served over it costs what its GraphQL layer costs (yoga, Pothos' selections, execution,
// JSON), with a database that costs nothing. The bench sets that beside the hand-written SQL
// handler to show the most the ledger could reach while it is served through that layer.
import type { Db } from "@renfang/schema";

export function memoized(prisma: Db): Db {
  const answers = new Map<string, Promise<unknown>>();
  return prisma.$extends({
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          const key = `${model}.${operation}:${JSON.stringify(args)}`;
          let answer = answers.get(key);
          if (!answer) {
            answer = query(args);
            answers.set(key, answer);
          }
          // Fresh row objects each time, as a real read returns.
          return answer.then((rows) => (Array.isArray(rows) ? rows.map((row) => ({ ...row })) : rows));
        },
      },
    },
  }) as unknown as Db;
}
