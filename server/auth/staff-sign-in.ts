import "server-only";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit/record";
import { getDb } from "../db/client";
import type { RequestMeta } from "../request-context";
import { consume, refund, reset } from "../security/rate-limit";
import { open } from "../security/secret-box";
import { hashToken } from "../security/tokens";
import { normalizeEmail } from "@/lib/auth/email";
import { verifyPassword } from "./password";
import { createSession, deleteSession, sessionKindFor, type CurrentSession } from "./session";
import { hashRecoveryCode, matchTotp, TOTP_SECRET_PURPOSE } from "./totp";

// Staff sign-in: email + password opens a session that reaches only the second-factor step (or,
// without a second factor yet, only the enrolment); a verified TOTP or recovery code replaces it
// with a new session marked MFA. Every failure answers the same "email or password is wrong".

export async function signInWithPassword(input: { email: string; password: string; meta: RequestMeta }): Promise<{ token: string; needsEnrolment: boolean }> {
  const email = normalizeEmail(input.email);
  await consume("signInPerIp", input.meta.ip ?? "unknown");
  await consume("signInPerAccount", hashToken(email));
  const db = await getDb();
  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok || user.disabledAt) {
    await db.$transaction((tx) =>
      recordAudit(tx, { tenantId: null, actor: { id: user?.id ?? null, email }, action: "auth.signin.failed", data: { method: "password", reason: user?.disabledAt ? "disabled" : "bad_credentials" }, meta: input.meta }),
    );
    throw new AppError("invalid", "email or password wrong");
  }
  await reset("signInPerAccount", hashToken(email));
  await refund("signInPerIp", input.meta.ip ?? "unknown");
  const session = await db.$transaction(async (tx) => {
    const created = await createSession(tx, { userId: user.id, method: "PASSWORD", mfa: false, kind: await sessionKindFor(tx, user.id), ip: input.meta.ip, userAgent: input.meta.userAgent });
    await recordAudit(tx, { tenantId: null, actor: { id: user.id, email }, action: "auth.password.verified", meta: input.meta });
    return created;
  });
  return { token: session.token, needsEnrolment: user.totpEnabledAt === null };
}

/**
 * Completes sign-in with a TOTP code or a recovery code. The pre-MFA session is replaced by a new
 * one (a new id once the user is fully authenticated).
 */
export async function verifySecondFactor(session: CurrentSession, code: string, meta: RequestMeta): Promise<{ token: string; usedRecoveryCode: boolean }> {
  await consume("totpPerUser", session.user.id);
  const db = await getDb();
  const result = await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: session.user.id } });
    if (!user.totpSecret || !user.totpEnabledAt) return null;
    const trimmed = code.replace(/\s+/g, "");
    let usedRecoveryCode = false;
    const step = matchTotp(open(user.totpSecret, TOTP_SECRET_PURPOSE), trimmed);
    if (step !== null && (user.totpLastStep === null || step > user.totpLastStep)) {
      // Conditional update: of two concurrent uses of one code only one succeeds.
      const { count } = await tx.user.updateMany({ where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
      if (count !== 1) return null;
    } else {
      const { count } = await tx.recoveryCode.updateMany({ where: { userId: user.id, codeHash: hashRecoveryCode(trimmed), usedAt: null }, data: { usedAt: new Date() } });
      if (count !== 1) return null;
      usedRecoveryCode = true;
    }
    await deleteSession(tx, session.id);
    const created = await createSession(tx, { userId: user.id, method: session.method, mfa: true, kind: await sessionKindFor(tx, user.id), ip: meta.ip, userAgent: meta.userAgent });
    await recordAudit(tx, { tenantId: null, actor: { id: user.id, email: user.email }, action: usedRecoveryCode ? "auth.mfa.recovery_code_used" : "auth.mfa.verified", meta });
    await recordAudit(tx, { tenantId: null, actor: { id: user.id, email: user.email }, action: "auth.signin.succeeded", data: { method: `${session.method.toLowerCase()}+mfa` }, meta });
    return { token: created.token, usedRecoveryCode };
  });
  if (!result) {
    await db.$transaction((tx) => recordAudit(tx, { tenantId: null, actor: { id: session.user.id, email: session.user.email }, action: "auth.mfa.failed", meta }));
    throw new AppError("invalid", "second factor wrong");
  }
  await reset("totpPerUser", session.user.id);
  return result;
}
