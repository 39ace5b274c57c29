import "server-only";
import { AppError, AuthorizationError } from "@/lib/errors";
import { recordAudit } from "../audit/record";
import { getDb } from "../db/client";
import type { RequestMeta } from "../request-context";
import { hashPassword, passwordProblem, verifyPassword, type PasswordProblem } from "./password";
import { deleteUserSessions, type CurrentSession } from "./session";

export class PasswordRejected extends AppError {
  constructor(readonly field: "password" | "currentPassword", readonly problem: PasswordProblem | "currentPasswordWrong") {
    super("invalid", `password rejected: ${problem}`);
  }
}

/**
 * Sets the first password or changes it. Changing needs the current password and, once MFA is on,
 * an MFA-verified session; every other session of the user ends.
 */
export async function setPassword(session: CurrentSession, input: { currentPassword?: string; password: string }, meta: RequestMeta): Promise<void> {
  const db = await getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: session.user.id } });
  const changing = user.passwordHash !== null;
  if (changing) {
    if (user.totpEnabledAt && !session.mfa) throw new AuthorizationError("mfaRequired");
    if (!(await verifyPassword(user.passwordHash, input.currentPassword ?? ""))) throw new PasswordRejected("currentPassword", "currentPasswordWrong");
  }
  const problem = passwordProblem(input.password, user.email);
  if (problem) throw new PasswordRejected("password", problem);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const ended = await deleteUserSessions(tx, user.id, session.id);
    await recordAudit(tx, { tenantId: null, actor: { id: user.id, email: user.email }, action: changing ? "auth.password.changed" : "auth.password.set", data: { otherSessionsEnded: ended }, meta });
  });
}
