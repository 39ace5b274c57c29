import "server-only";
import { AppError, AuthorizationError } from "@/lib/errors";
import { recordAudit } from "../audit/record";
import { getDb, type Tx } from "../db/client";
import type { RequestMeta } from "../request-context";
import { consume, reset } from "../security/rate-limit";
import { open, seal } from "../security/secret-box";
import { createSession, deleteSession, deleteUserSessions, sessionKindFor, type CurrentSession } from "./session";
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, TOTP_SECRET_PURPOSE, totpQrSvg, totpUri } from "./totp";

// TOTP enrolment: a pending secret is stored (encrypted) until the user proves the app has it by
// entering a code; then MFA is on, ten recovery codes are shown once and stored hashed, and the
// session is replaced by one that counts as MFA-verified.

export interface PendingEnrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

/** The pending secret (created on first call); refused when MFA is already on. */
export async function pendingEnrolment(session: CurrentSession): Promise<PendingEnrolment> {
  if (session.user.totpEnabled) throw new AppError("conflict", "MFA already enabled");
  const db = await getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: session.user.id } });
  let secret = user.totpSecret ? open(user.totpSecret, TOTP_SECRET_PURPOSE) : null;
  if (!secret) {
    secret = newTotpSecret();
    await db.user.update({ where: { id: user.id }, data: { totpSecret: seal(secret, TOTP_SECRET_PURPOSE) } });
  }
  const uri = totpUri(secret, user.email);
  return { secret, uri, qrSvg: await totpQrSvg(uri) };
}

export async function confirmEnrolment(session: CurrentSession, code: string, meta: RequestMeta): Promise<{ token: string; recoveryCodes: string[] }> {
  if (session.user.totpEnabled) throw new AppError("conflict", "MFA already enabled");
  await consume("totpPerUser", session.user.id);
  const db = await getDb();
  const result = await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: session.user.id } });
    if (!user.totpSecret) return null;
    const step = matchTotp(open(user.totpSecret, TOTP_SECRET_PURPOSE), code.replace(/\s+/g, ""));
    if (step === null) return null;
    const { count } = await tx.user.updateMany({ where: { id: user.id, totpEnabledAt: null }, data: { totpEnabledAt: new Date(), totpLastStep: step } });
    if (count !== 1) return null;
    const recoveryCodes = newRecoveryCodes();
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) });
    await deleteSession(tx, session.id);
    const created = await createSession(tx, { userId: user.id, method: session.method, mfa: true, kind: await sessionKindFor(tx, user.id), ip: meta.ip, userAgent: meta.userAgent });
    await recordAudit(tx, { tenantId: null, actor: { id: user.id, email: user.email }, action: "auth.mfa.enrolled", meta });
    return { token: created.token, recoveryCodes };
  });
  if (!result) {
    await db.$transaction((tx) => recordAudit(tx, { tenantId: null, actor: { id: session.user.id, email: session.user.email }, action: "auth.mfa.failed", data: { during: "enrolment" }, meta }));
    throw new AppError("invalid", "code wrong");
  }
  await reset("totpPerUser", session.user.id);
  return result;
}

/** New recovery codes (the old ones stop working); needs an MFA-verified session. */
export async function regenerateRecoveryCodes(session: CurrentSession, meta: RequestMeta): Promise<string[]> {
  if (!session.mfa) throw new AuthorizationError("mfaRequired");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const codes = newRecoveryCodes();
    await tx.recoveryCode.deleteMany({ where: { userId: session.user.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: session.user.id, codeHash: hashRecoveryCode(c) })) });
    await recordAudit(tx, { tenantId: null, actor: { id: session.user.id, email: session.user.email }, action: "auth.mfa.recovery_codes_regenerated", meta });
    return codes;
  });
}

/**
 * Turns MFA off for a user so they enrol again (after an admin's reset); every session of the user
 * ends at once. The caller audits, in the same transaction.
 */
export async function resetUserMfa(tx: Tx, userId: string): Promise<{ sessionsEnded: number }> {
  await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  return { sessionsEnded: await deleteUserSessions(tx, userId) };
}
