// Human codes (YH-2020-360102-0001, RF-360102-0001…): a per-prefix counter incremented with a
// native upsert (INSERT … ON CONFLICT DO UPDATE) in the caller's transaction, so codes stay
// unique under concurrency on both databases.
import type { Tx } from "./db.ts";

export async function nextCode(tx: Tx, prefix: string, width = 4): Promise<string> {
  const row = await tx.codeSequence.upsert({
    where: { prefix },
    create: { prefix, value: 1 },
    update: { value: { increment: 1 } },
  });
  return `${prefix}-${String(row.value).padStart(width, "0")}`;
}
