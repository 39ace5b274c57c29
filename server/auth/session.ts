import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { isStaffRole, type StaffRole } from "@/lib/auth/permissions";
import { sessionExpiry, sessionVerdict, TOUCH_INTERVAL_MS, type SessionKind } from "@/lib/auth/session-policy";
import type { SignInMethod } from "@/lib/generated/prisma/client";
import { getDb, type Tx } from "../db/client";
import { servedOverHttps } from "../env";
import { hashToken, newToken } from "../security/tokens";

// Sessions live in the database (one row per signed-in browser); the cookie holds a random token
// whose SHA-256 is the row's key. Every request re-reads the row, so deleting it (logout, disabled
// user, removed membership, MFA reset) ends the session at once.

export function sessionCookieName(): string {
  return servedOverHttps() ? "__Host-vouchsafe.session" : "vouchsafe.session";
}

export function sessionCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, secure: servedOverHttps(), path: "/" };
}

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  locale: string;
  hasPassword: boolean;
  totpEnabled: boolean;
}

export interface CurrentSession {
  id: string;
  user: SessionUser;
  method: SignInMethod;
  /** The second factor was verified in this session. */
  mfa: boolean;
  kind: SessionKind;
  /** Roles per tenant id. */
  memberships: { tenantId: string; roles: StaffRole[] }[];
}

/** Staff (anyone with a membership) get the shorter session limits. */
export async function sessionKindFor(tx: Tx, userId: string): Promise<SessionKind> {
  await tx.$executeRaw`SELECT set_config('app.user_id', ${userId}, true)`;
  return (await tx.membership.count({ where: { userId } })) > 0 ? "staff" : "customer";
}

/** Starts a new session (always a new id: nothing from a previous session carries over). */
export async function createSession(
  tx: Tx,
  input: { userId: string; method: SignInMethod; mfa: boolean; kind: SessionKind; ip: string | null; userAgent: string | null },
): Promise<{ token: string; expires: Date }> {
  const token = newToken();
  const now = new Date();
  const expires = sessionExpiry({ createdAt: now, lastSeenAt: now }, input.kind, now);
  await tx.session.create({
    data: {
      sessionToken: hashToken(token),
      userId: input.userId,
      expires,
      createdAt: now,
      lastSeenAt: now,
      method: input.method,
      mfaAt: input.mfa ? now : null,
      ip: input.ip,
      userAgent: input.userAgent,
    },
  });
  return { token, expires };
}

export async function setSessionCookie(token: string) {
  const jar = await cookies();
  // No Max-Age: the server decides when a session ends; the cookie dies with the browser session.
  jar.set(sessionCookieName(), token, sessionCookieOptions());
}

export async function clearSessionCookie() {
  (await cookies()).delete({ name: sessionCookieName(), ...sessionCookieOptions() });
}

/** The session of the current request, or null. Cached per request. */
export const currentSession = cache(async (): Promise<CurrentSession | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  return readSession(token, new Date());
});

/** Resolves a cookie value to a live session; expired or disabled sessions are deleted. */
export async function readSession(token: string, now: Date): Promise<CurrentSession | null> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.session.findUnique({ where: { sessionToken: hashToken(token) }, include: { user: true } });
    if (!row) return null;
    await tx.$executeRaw`SELECT set_config('app.user_id', ${row.userId}, true)`;
    const memberships = await tx.membership.findMany({ where: { userId: row.userId }, select: { tenantId: true, roles: true } });
    const kind: SessionKind = memberships.length > 0 ? "staff" : "customer";
    if (row.user.disabledAt || sessionVerdict(row, kind, now) !== "active") {
      await tx.session.delete({ where: { id: row.id } });
      return null;
    }
    if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await tx.session.update({ where: { id: row.id }, data: { lastSeenAt: now, expires: sessionExpiry({ createdAt: row.createdAt, lastSeenAt: now }, kind, now) } });
    }
    return {
      id: row.id,
      user: {
        id: row.user.id,
        email: row.user.email,
        name: row.user.name,
        locale: row.user.locale,
        hasPassword: row.user.passwordHash !== null,
        totpEnabled: row.user.totpEnabledAt !== null,
      },
      method: row.method,
      mfa: row.mfaAt !== null,
      kind,
      memberships: memberships.map((m) => ({ tenantId: m.tenantId, roles: m.roles.filter(isStaffRole) })),
    };
  });
}

/** Ends one session (logout). */
export async function deleteSession(tx: Tx, sessionId: string) {
  await tx.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user (disabled, removed from a tenant, MFA reset, password changed). */
export async function deleteUserSessions(tx: Tx, userId: string, keepSessionId?: string): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
  return count;
}
