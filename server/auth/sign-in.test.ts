import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_RECOVERY_CODE, DEMO_STAFF_PASSWORD, DEMO_TOTP_SECRET } from "@/prisma/seed/demo-accounts";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { AppError } from "@/lib/errors";
import { closeDb, getDb, withTenant } from "@/server/db/client";
import { connectTestDatabase, testDatabase } from "@/server/testing/database";
import { requestMagicLink, redeemMagicLink } from "./magic-link";
import { readSession } from "./session";
import { signInWithPassword, verifySecondFactor } from "./staff-sign-in";
import { totpCode } from "./totp";

// Sign-in flows against the database as the app role: what is stored, what is refused, what is logged.
connectTestDatabase({ role: "app" });

const meta = { ip: "203.0.113.7", userAgent: "vitest", requestId: "req-sign-in-test" };
let counter = 0;
const uniqueMeta = () => ({ ...meta, ip: `198.51.100.${++counter}` });

beforeAll(async () => {
  await seedDemoData();
});
afterAll(closeDb);

async function latestLink(email: string) {
  const db = await getDb();
  const mail = await db.mailboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const url = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
  return { mail, token: url.searchParams.get("token")!, email: url.searchParams.get("email")! };
}

async function platformEvents(action: string, email: string) {
  // Platform events are not readable by the app role (no tenant): count through a definer-free path
  // is impossible by design, so read them with the owner connection of the test database.
  const { Client } = await import("pg");
  const database = testDatabase();
  if (database.kind !== "postgres") return null;
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND actor_email = $2", [action, email]);
    return rows[0].n as number;
  } finally {
    await client.end();
  }
}

describe("magic link", () => {
  it("mails a single-use link whose token is stored only as a hash", async () => {
    const email = `Magic.${Date.now()}@Example.com`;
    await requestMagicLink({ email, next: "/account", locale: "de", meta: uniqueMeta() });
    const link = await latestLink(email.toLowerCase());
    expect(link.mail.subject).toBe("Ihr Anmeldelink für Vouchsafe");
    expect(link.email).toBe(email.toLowerCase());
    const db = await getDb();
    const stored = await db.verificationToken.findMany({ where: { identifier: email.toLowerCase() } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token).not.toBe(link.token);
    expect(stored[0]!.expires.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);

    const { token } = await redeemMagicLink({ email: link.email, token: link.token, meta });
    const session = await readSession(token, new Date());
    expect(session?.user.email).toBe(email.toLowerCase());
    expect(session?.method).toBe("MAGIC_LINK");
    expect(session?.mfa).toBe(false);
    expect(session?.kind).toBe("customer");

    await expect(redeemMagicLink({ email: link.email, token: link.token, meta })).rejects.toMatchObject({ code: "invalid" });
    expect(await db.verificationToken.count({ where: { identifier: email.toLowerCase() } })).toBe(0);
    const failed = await platformEvents("auth.signin.failed", email.toLowerCase());
    if (failed !== null) expect(failed).toBe(1);
  });

  it("refuses an expired link, a link for another address and a forged token", async () => {
    const email = `expired.${Date.now()}@example.com`;
    await requestMagicLink({ email, next: "/account", locale: "en", meta: uniqueMeta() });
    const link = await latestLink(email);
    await expect(redeemMagicLink({ email: "someone.else@example.com", token: link.token, meta })).rejects.toBeInstanceOf(AppError);
    await expect(redeemMagicLink({ email, token: `${link.token}x`, meta })).rejects.toBeInstanceOf(AppError);
    const db = await getDb();
    await db.verificationToken.updateMany({ where: { identifier: email }, data: { expires: new Date(Date.now() - 1) } });
    await expect(redeemMagicLink({ email, token: link.token, meta })).rejects.toMatchObject({ code: "invalid" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("lets exactly one of two concurrent redemptions through", async () => {
    const email = `race.${Date.now()}@example.com`;
    await requestMagicLink({ email, next: "/account", locale: "en", meta: uniqueMeta() });
    const link = await latestLink(email);
    const results = await Promise.allSettled([redeemMagicLink({ email, token: link.token, meta }), redeemMagicLink({ email, token: link.token, meta })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("limits links per address: the fourth request within 15 minutes is refused and sends nothing", async () => {
    const email = `limit.${Date.now()}@example.com`;
    for (let i = 0; i < 3; i++) await requestMagicLink({ email, next: "/account", locale: "en", meta: uniqueMeta() });
    await expect(requestMagicLink({ email, next: "/account", locale: "en", meta: uniqueMeta() })).rejects.toMatchObject({ code: "rateLimited" });
    const db = await getDb();
    expect(await db.mailboxMessage.count({ where: { to: email } })).toBe(3);
  });
});

describe("staff sign-in", () => {
  it("answers a wrong password and an unknown account alike, and creates no session", async () => {
    const db = await getDb();
    const before = await db.session.count();
    await expect(signInWithPassword({ email: "owner@nordlicht.example", password: "wrong password here", meta: uniqueMeta() })).rejects.toMatchObject({ code: "invalid", message: "email or password wrong" });
    await expect(signInWithPassword({ email: "nobody@nordlicht.example", password: DEMO_STAFF_PASSWORD, meta: uniqueMeta() })).rejects.toMatchObject({ code: "invalid", message: "email or password wrong" });
    expect(await db.session.count()).toBe(before);
  });

  it("opens a pre-MFA session, then replaces it by an MFA session; a TOTP code works once", async () => {
    const first = await signInWithPassword({ email: "reviewer@mpmx.example", password: DEMO_STAFF_PASSWORD, meta: uniqueMeta() });
    expect(first.needsEnrolment).toBe(false);
    const preMfa = await readSession(first.token, new Date());
    expect(preMfa).toMatchObject({ mfa: false, kind: "staff", method: "PASSWORD" });

    const code = totpCode(DEMO_TOTP_SECRET);
    const verified = await verifySecondFactor(preMfa!, code, meta);
    expect(verified.usedRecoveryCode).toBe(false);
    expect(await readSession(first.token, new Date())).toBeNull();
    const mfaSession = await readSession(verified.token, new Date());
    expect(mfaSession).toMatchObject({ mfa: true, kind: "staff" });
    expect(mfaSession!.memberships).toHaveLength(1);
    expect(mfaSession!.memberships[0]!.roles).toEqual(["SECURITY_REVIEWER"]);

    // The same code again (replay) is refused, even inside its 30 s window.
    const second = await signInWithPassword({ email: "reviewer@mpmx.example", password: DEMO_STAFF_PASSWORD, meta: uniqueMeta() });
    const again = await readSession(second.token, new Date());
    await expect(verifySecondFactor(again!, code, meta)).rejects.toMatchObject({ code: "invalid" });
    // A recovery code works exactly once.
    const recovered = await verifySecondFactor(again!, DEMO_RECOVERY_CODE.toUpperCase(), meta);
    expect(recovered.usedRecoveryCode).toBe(true);
    const third = await signInWithPassword({ email: "reviewer@mpmx.example", password: DEMO_STAFF_PASSWORD, meta: uniqueMeta() });
    await expect(verifySecondFactor((await readSession(third.token, new Date()))!, DEMO_RECOVERY_CODE, meta)).rejects.toMatchObject({ code: "invalid" });
  });

  it("locks an account's password attempts after five failures", async () => {
    for (let i = 0; i < 5; i++) {
      await expect(signInWithPassword({ email: "approver@mpmx.example", password: `wrong password ${i}`, meta: uniqueMeta() })).rejects.toMatchObject({ code: "invalid" });
    }
    await expect(signInWithPassword({ email: "approver@mpmx.example", password: DEMO_STAFF_PASSWORD, meta: uniqueMeta() })).rejects.toMatchObject({ code: "rateLimited" });
  });

  it("counts wrong passwords per IP address, not an office's correct ones: the 31st failure from one address is refused", async () => {
    const office = { ...meta, ip: "192.0.2.77" };
    // 40 correct sign-ins from one shared address (more than the 30 the address may fail).
    for (let i = 0; i < 40; i++) {
      const { token } = await signInWithPassword({ email: "editor@mpmx.example", password: DEMO_STAFF_PASSWORD, meta: office });
      expect(token).toMatch(/\S{20,}/);
    }
    // Wrong passwords for 30 made-up accounts (5 per account would lock the account first) use up the address.
    for (let i = 0; i < 30; i++) {
      await expect(signInWithPassword({ email: `guess.${i}.${Date.now()}@example.com`, password: "wrong password", meta: office })).rejects.toMatchObject({ code: "invalid" });
    }
    await expect(signInWithPassword({ email: "editor@mpmx.example", password: DEMO_STAFF_PASSWORD, meta: office })).rejects.toMatchObject({ code: "rateLimited" });
  });
});

describe("sessions end on the server", () => {
  it("disabling a user ends their sessions at the next request", async () => {
    const email = `disable.${Date.now()}@example.com`;
    await requestMagicLink({ email, next: "/account", locale: "en", meta: uniqueMeta() });
    const link = await latestLink(email);
    const { token } = await redeemMagicLink({ email, token: link.token, meta });
    expect(await readSession(token, new Date())).not.toBeNull();
    const db = await getDb();
    await db.user.update({ where: { email }, data: { disabledAt: new Date() } });
    expect(await readSession(token, new Date())).toBeNull();
    expect(await db.session.count({ where: { user: { email } } })).toBe(0);
  });

  it("a staff session idle for 30 minutes is gone; removing the membership makes the user a customer", async () => {
    const first = await signInWithPassword({ email: "editor@mpmx.example", password: DEMO_STAFF_PASSWORD, meta: uniqueMeta() });
    const now = new Date();
    expect(await readSession(first.token, new Date(now.getTime() + 29 * 60_000))).not.toBeNull();
    const db = await getDb();
    const user = await db.user.findUniqueOrThrow({ where: { email: "editor@mpmx.example" } });
    const second = await signInWithPassword({ email: "editor@mpmx.example", password: DEMO_STAFF_PASSWORD, meta: uniqueMeta() });
    expect(await readSession(second.token, new Date(now.getTime() + 31 * 60_000))).toBeNull();
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "mpmx" } });
    await withTenant(tenant.id, (tx) => tx.membership.deleteMany({ where: { userId: user.id } }));
    // Without a membership the same row is judged by customer limits.
    expect((await readSession(first.token, new Date()))?.kind).toBe("customer");
  });
});
