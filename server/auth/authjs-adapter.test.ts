import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_LIMITS } from "@/lib/auth/session-policy";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, getDb } from "../db/client";
import { addMember, createUser, staffTenant, unique, type StaffTenant } from "../members/test-fixtures";
import { hashToken, newToken } from "../security/tokens";
import { vouchsafeAdapter, type SsoSignInContext } from "./authjs-adapter";
import { readSession } from "./session";

// The adapter Auth.js uses for customer SSO, as the running app uses it: as app_user.

connectTestDatabase({ role: "app" });
afterAll(closeDb);

const meta = { ip: "198.51.100.7", userAgent: "vitest-sso", requestId: "req-sso-adapter" };
let acme: StaffTenant;
let context: SsoSignInContext;
beforeAll(async () => {
  acme = await staffTenant("sso");
  context = { tenant: { id: acme.tenant.id, slug: acme.tenant.slug }, meta, locale: "en" };
});

async function adapter() {
  return vouchsafeAdapter(await getDb(), context);
}

/** Platform-chain audit events are invisible to app_user; the test reads them as the login role. */
async function platformEvents(actorId: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('role', session_user::text, true)`;
    return tx.auditEvent.findMany({ where: { actorId, tenantId: null }, orderBy: { seq: "asc" } });
  });
}

async function customersOf(userId: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.user_id', ${userId}, true)`;
    return tx.customer.findMany({ where: { userId }, select: { tenantId: true, companyName: true } });
  });
}

describe("sessions Auth.js creates through the wrapped adapter", () => {
  it("are stored hashed, shaped like Vouchsafe's own, and readable by readSession with the raw token", async () => {
    const user = await createUser(`anna@${unique("kunde")}.example`);
    const token = newToken();
    const before = Date.now();
    const created = await (await adapter()).createSession!({ sessionToken: token, userId: user.id, expires: new Date(before + 30 * 86_400_000) });
    expect(created.sessionToken).toBe(token);
    expect(created.userId).toBe(user.id);

    const db = await getDb();
    const rows = await db.session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.sessionToken).toBe(hashToken(token));
    expect(row.sessionToken).not.toContain(token);
    expect(row).toMatchObject({ method: "OIDC", mfaAt: null, ip: meta.ip, userAgent: meta.userAgent });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.lastSeenAt.getTime()).toBe(row.createdAt.getTime());
    // Customer limits, not Auth.js's 30-day default: idle expiry from now.
    expect(row.expires.getTime() - row.createdAt.getTime()).toBe(SESSION_LIMITS.customer.idleMs);
    expect(created.expires.getTime()).toBe(row.expires.getTime());

    const session = await readSession(token, new Date());
    expect(session).toMatchObject({ id: row.id, method: "OIDC", mfa: false, kind: "customer", memberships: [], user: { id: user.id, email: user.email } });
    // The stored value is not a usable cookie.
    expect(await readSession(hashToken(token), new Date())).toBeNull();
  });

  it("gives the user a customer record of the tenant once, with the email domain as placeholder company", async () => {
    const domain = `${unique("firma")}.example`;
    const user = await createUser(`ben@${domain}`);
    const sso = await adapter();
    await sso.createSession!({ sessionToken: newToken(), userId: user.id, expires: new Date() });
    await sso.createSession!({ sessionToken: newToken(), userId: user.id, expires: new Date() });
    expect(await customersOf(user.id)).toEqual([{ tenantId: acme.tenant.id, companyName: domain }]);

    const events = await platformEvents(user.id);
    expect(events.map((e) => [e.action, e.data])).toEqual([
      ["auth.signin.succeeded", { method: "oidc", tenant: acme.tenant.slug, customerCreated: true }],
      ["auth.signin.succeeded", { method: "oidc", tenant: acme.tenant.slug, customerCreated: false }],
    ]);
    expect(events[0]).toMatchObject({ chain: "platform", actorEmail: user.email, ip: meta.ip, userAgent: meta.userAgent, requestId: meta.requestId });
  });

  it("keeps an existing customer record's company name", async () => {
    const user = await createUser(`carla@${unique("firma")}.example`);
    const db = await getDb();
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${acme.tenant.id}, true)`;
      await tx.customer.create({ data: { tenantId: acme.tenant.id, userId: user.id, companyName: "Carla & Co KG" } });
    });
    await (await adapter()).createSession!({ sessionToken: newToken(), userId: user.id, expires: new Date() });
    expect(await customersOf(user.id)).toEqual([{ tenantId: acme.tenant.id, companyName: "Carla & Co KG" }]);
  });

  it("uses the staff limits for a user with a membership", async () => {
    const member = await addMember(acme.tenant.id, `dora@${unique("staff")}.example`, ["LEGAL_EDITOR"]);
    const token = newToken();
    await (await adapter()).createSession!({ sessionToken: token, userId: member.id, expires: new Date() });
    const session = await readSession(token, new Date());
    expect(session).toMatchObject({ kind: "staff", mfa: false, method: "OIDC" });
    const db = await getDb();
    const row = await db.session.findUniqueOrThrow({ where: { sessionToken: hashToken(token) } });
    expect(row.expires.getTime() - row.createdAt.getTime()).toBe(SESSION_LIMITS.staff.idleMs);
  });

  it("finds, updates and deletes sessions by the raw token", async () => {
    const user = await createUser(`emil@${unique("kunde")}.example`);
    const sso = await adapter();
    const token = newToken();
    await sso.createSession!({ sessionToken: token, userId: user.id, expires: new Date() });

    const found = await sso.getSessionAndUser!(token);
    expect(found?.session.sessionToken).toBe(token);
    expect(found?.user).toMatchObject({ id: user.id, email: user.email });
    expect(await sso.getSessionAndUser!(hashToken(token))).toBeNull();

    const later = new Date(Date.now() + 3_600_000);
    expect(await sso.updateSession!({ sessionToken: token, expires: later })).toEqual({ sessionToken: token, userId: user.id, expires: later });
    expect(await sso.updateSession!({ sessionToken: newToken(), expires: later })).toBeNull();

    await sso.deleteSession!(token);
    expect(await readSession(token, new Date())).toBeNull();
    const db = await getDb();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("users and accounts Auth.js creates", () => {
  it("creates the user with a lower-case, verified address in the request's language", async () => {
    const email = `Fritz@${unique("Kunde")}.EXAMPLE`;
    const user = await (await adapter()).createUser!({ id: "ignored", email, emailVerified: null, name: "Fritz" });
    const db = await getDb();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ email: email.toLowerCase(), name: "Fritz", locale: "en", passwordHash: null });
    expect(row.emailVerified).toBeInstanceOf(Date);
    expect(user.id).not.toBe("ignored");
  });

  it("links the provider account without storing its tokens", async () => {
    const user = await createUser(`gina@${unique("kunde")}.example`);
    const providerAccountId = unique("sub");
    await (await adapter()).linkAccount!({
      userId: user.id,
      type: "oidc",
      provider: `oidc-${acme.tenant.slug}`,
      providerAccountId,
      access_token: "access-secret",
      id_token: "id-token-secret",
      refresh_token: "refresh-secret",
      token_type: "bearer",
      scope: "openid email",
      expires_at: 123,
    });
    const db = await getDb();
    const account = await db.account.findUniqueOrThrow({ where: { provider_providerAccountId: { provider: `oidc-${acme.tenant.slug}`, providerAccountId } } });
    expect(account).toMatchObject({ userId: user.id, type: "oidc", access_token: null, id_token: null, refresh_token: null, expires_at: null });
    expect((await (await adapter()).getUserByAccount!({ provider: `oidc-${acme.tenant.slug}`, providerAccountId }))?.id).toBe(user.id);
  });
});
