// Human codes (YH-2020-360102-0001, RF-360102-0001…): a per-prefix counter incremented with a
// native upsert (INSERT … ON CONFLICT DO UPDATE) in the caller's transaction, so codes stay
// unique under concurrency on both databases.
import { z } from "zod";
import type { Tx } from "./db.ts";

/** How any code a person types must look (works, campaigns, organizations); never blank. */
export const codeFormat = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, "format: upper-case letters, digits and -, 3–40 characters");

export async function nextCode(tx: Tx, prefix: string, width = 4): Promise<string> {
  const row = await tx.codeSequence.upsert({
    where: { prefix },
    create: { prefix, value: 1 },
    update: { value: { increment: 1 } },
  });
  return `${prefix}-${String(row.value).padStart(width, "0")}`;
}
