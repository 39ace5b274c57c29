// Fixtures for the members and tenants integration tests (not a test file itself). Everything is
// written the way the app writes it: as app_user, inside a tenant's context where RLS applies.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { StaffRole } from "@/lib/auth/permissions";
import { AppError, AuthorizationError } from "@/lib/errors";
import { createSession, readSession, type CurrentSession } from "../auth/session";
import { getDb, withTenant } from "../db/client";
import { createTenant } from "../tenants/create-tenant";
import type { StaffActor } from "./context";

export const meta = { ip: "203.0.113.9", userAgent: "vitest", requestId: "req-members" };

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function createUser(email: string, name: string | null = null) {
  const db = await getDb();
  return db.user.create({ data: { email, name, emailVerified: new Date() }, select: { id: true, email: true } });
}

export interface StaffTenant {
  tenant: { id: string; slug: string; name: string };
  owner: StaffActor;
}

/** A fresh tenant (through createTenant, as an operator would) with its first owner. */
export async function staffTenant(prefix = "t"): Promise<StaffTenant> {
  const slug = unique(prefix);
  const owner = await createUser(`owner@${slug}.example`, "First Owner");
  const name = `${slug} GmbH`;
  const { id } = await createTenant({ slug, name, owner, actor: { id: null, email: null }, via: "cli", meta: null });
  return { tenant: { id, slug, name }, owner: { ...owner, roles: ["OWNER"] } };
}

/** Adds a member directly (a fixture, not the invitation flow). */
export async function addMember(tenantId: string, email: string, roles: StaffRole[]): Promise<StaffActor & { memberId: string }> {
  const user = await createUser(email);
  const membership = await withTenant(tenantId, (tx) => tx.membership.create({ data: { tenantId, userId: user.id, roles }, select: { id: true } }));
  return { ...user, roles, memberId: membership.id };
}

export async function memberId(tenantId: string, userId: string): Promise<string> {
  return withTenant(tenantId, async (tx) => (await tx.membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId, userId } } })).id);
}

export async function rolesOf(tenantId: string, userId: string): Promise<string[] | null> {
  return withTenant(tenantId, async (tx) => (await tx.membership.findUnique({ where: { tenantId_userId: { tenantId, userId } } }))?.roles ?? null);
}

/** A signed-in browser of this user: the cookie value. */
export async function signIn(userId: string, method: "PASSWORD" | "MAGIC_LINK" = "MAGIC_LINK"): Promise<string> {
  const db = await getDb();
  const { token } = await db.$transaction((tx) => createSession(tx, { userId, method, mfa: method === "PASSWORD", kind: "customer", ip: null, userAgent: null }));
  return token;
}

export async function sessionOf(userId: string): Promise<CurrentSession> {
  const session = await readSession(await signIn(userId), new Date());
  if (!session) throw new Error("no session");
  return session;
}

export async function mailsTo(to: string) {
  const db = await getDb();
  return db.mailboxMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
}

/** The token of the newest invitation link mailed to this address. */
export async function invitationToken(to: string): Promise<string> {
  const mails = await mailsTo(to);
  const match = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mails.at(-1)?.text ?? "");
  if (!match?.[1]) throw new Error(`no invitation link mailed to ${to}`);
  return match[1];
}

/** The tenant's audit events, read as the app reads them (its own chain only). */
export async function auditEvents(tenantId: string) {
  return withTenant(tenantId, (tx) =>
    tx.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { chain: true, seq: true, tenantId: true, action: true, actorId: true, actorEmail: true, actorRoles: true, targetType: true, targetId: true, data: true, ip: true, requestId: true } }),
  );
}

export async function auditActions(tenantId: string): Promise<string[]> {
  return (await auditEvents(tenantId)).map((event) => event.action);
}

/** Runs `fn`, expecting a typed failure with this code (and reason); returns the error. */
export async function expectAppError(fn: () => Promise<unknown>, code: AppError["code"], reason?: string): Promise<AppError> {
  const error = await fn().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, `expected AppError(${code}${reason ? `, ${reason}` : ""})`).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe(code);
  if (reason !== undefined) expect(appError.details?.reason).toBe(reason);
  return appError;
}

export async function expectDenied(fn: () => Promise<unknown>): Promise<void> {
  const error = await expectAppError(fn, "forbidden");
  expect(error).toBeInstanceOf(AuthorizationError);
}
