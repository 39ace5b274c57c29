import "server-only";
import type { Tx } from "../db/client";

/**
 * Issues the letter of an APPROVED request inside the caller's transaction: snapshot of the
 * certifications as of `now`, verification code, PDF hash; the request becomes ISSUED.
 * Contract between the request workflow (caller) and the letter module (implementation).
 */
export async function issueLetter(tx: Tx, input: { tenantId: string; requestId: string; now: Date; automatic: boolean }): Promise<{ letterId: string; code: string }> {
  void tx;
  void input;
  throw new Error("issueLetter: the letter module has not landed yet");
}
