import "server-only";
import { recordAudit } from "../audit/record";
import type { Tx } from "../db/client";
import { deleteUserSessions } from "../auth/session";
import { normalizeEmail } from "@/lib/auth/email";

/**
 * An operator disables (or re-enables) an account: a disabled user cannot sign in by any method,
 * and every open session ends in the same transaction.
 */
export async function setUserDisabled(tx: Tx, input: { email: string; disabled: boolean; operator: string }): Promise<{ found: boolean; sessionsEnded: number }> {
  const user = await tx.user.findUnique({ where: { email: normalizeEmail(input.email) } });
  if (!user) return { found: false, sessionsEnded: 0 };
  await tx.user.update({ where: { id: user.id }, data: { disabledAt: input.disabled ? new Date() : null } });
  const sessionsEnded = input.disabled ? await deleteUserSessions(tx, user.id) : 0;
  await recordAudit(tx, {
    tenantId: null,
    actor: { id: null, email: `operator:${input.operator}` },
    action: input.disabled ? "user.disabled" : "user.enabled",
    target: { type: "user", id: user.id },
    data: { sessionsEnded },
    meta: null,
  });
  return { found: true, sessionsEnded };
}
