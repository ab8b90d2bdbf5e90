// Generated human codes (codes.ts) can still collide with a record that was imported or seeded
// with the same code. The unique index refuses the row; the mutation then answers with a typed
// ConflictError instead of an internal error, and its transaction rolls back as a whole.
import { ConflictError } from "../errors.ts";

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

/** Runs an insert that carries the generated `code`; a duplicate becomes a ConflictError. */
export async function insertWithCode<T>(what: string, code: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`${what} code ${code} is already taken`, null);
    throw err;
  }
}
