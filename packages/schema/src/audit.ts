// The audit trail (SPEC §4, issue 6): every mutation writes who, when, from where, what, and the
// record before/after — inside the mutation's own transaction, so a failed mutation leaves none.
import type { Context } from "./context.ts";
import type { Tx } from "./db.ts";

export interface AuditEntry {
  operation: string;
  model: string;
  recordId: string | number | null;
  before?: unknown;
  after?: unknown;
}

export async function audit(tx: Tx, ctx: Context, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actor: ctx.viewer.subject,
      role: ctx.viewer.role,
      ip: ctx.ip,
      operation: entry.operation,
      model: entry.model,
      recordId: entry.recordId == null ? null : String(entry.recordId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  });
}
