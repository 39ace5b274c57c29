import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, withWorker } from "@/server/db/client";
import { connectTestDatabase } from "@/server/testing/database";
import { open } from "../security/secret-box";
import { hashToken } from "../security/tokens";
import { oneClickUnsubscribe } from "./one-click";
import { CONFIRM_TOKEN_PURPOSE, confirmSubscription, requestSubscription, unsubscribeWithToken } from "./subscribe";
import { unsubscribeToken } from "./tokens";

// Double opt-in and unsubscribing against the test database, as the code runs them (tenant and
// worker transactions as app_user); the owner connection reads what was stored.
connectTestDatabase({ role: "owner" });

let tenantId: string;
let ipCounter = 0;
const ip = () => `198.51.100.${++ipCounter}`;
const address = () => `Sub.${randomUUID().slice(0, 8)}@Example.COM`;

beforeAll(async () => {
  const db = await getDb();
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "mpmx" }, select: { id: true } })).id;
});
afterAll(closeDb);

async function subscriptionOf(email: string) {
  const db = await getDb();
  return db.subscription.findUnique({ where: { tenantId_email: { tenantId, email: email.toLowerCase() } } });
}

/** The confirmation token from the newest outbox message for a subscription (as the worker reads it). */
async function confirmToken(subscriptionId: string) {
  const messages = await withWorker((tx) => tx.outboxMessage.findMany({ where: { kind: "subscription.confirm" }, orderBy: { createdAt: "desc" } }));
  const message = messages.find((m) => (m.payload as { subscriptionId: string }).subscriptionId === subscriptionId)!;
  const payload = message.payload as { token?: string; already?: boolean };
  return { token: payload.token ? open(payload.token, CONFIRM_TOKEN_PURPOSE) : null, already: payload.already ?? false, count: messages.filter((m) => (m.payload as { subscriptionId: string }).subscriptionId === subscriptionId).length };
}

describe("subscribing", () => {
  it("stores an unconfirmed subscription with hashed tokens and queues the confirmation mail in the same transaction", async () => {
    const email = address();
    await requestSubscription({ tenantId, email: email.toLowerCase(), locale: "en", topics: ["measures", "incidents"], ip: ip() });
    const row = await subscriptionOf(email);
    expect(row).toMatchObject({ locale: "en", topics: ["measures", "incidents"], confirmedAt: null });
    const { token, already } = await confirmToken(row!.id);
    expect(already).toBe(false);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row!.confirmTokenHash).toBe(hashToken(token!));
    expect(row!.unsubscribeTokenHash).toBe(hashToken(unsubscribeToken(row!.id)));
    expect(row!.confirmExpiresAt!.getTime() - Date.now()).toBeGreaterThan(47 * 3600_000);
  });

  it("confirms once with the token; an unknown, used or expired token changes nothing", async () => {
    const email = address();
    await requestSubscription({ tenantId, email: email.toLowerCase(), locale: "de", topics: ["measures"], ip: ip() });
    const row = (await subscriptionOf(email))!;
    const { token } = await confirmToken(row.id);
    expect(await confirmSubscription(tenantId, "x".repeat(43))).toBe("unknown");
    expect((await subscriptionOf(email))!.confirmedAt).toBeNull();
    expect(await confirmSubscription(tenantId, token!, new Date(Date.now() + 49 * 3600_000))).toBe("expired");
    expect((await subscriptionOf(email))!.confirmedAt).toBeNull();
    expect(await confirmSubscription(tenantId, token!)).toBe("confirmed");
    const confirmed = (await subscriptionOf(email))!;
    expect(confirmed.confirmedAt).toBeInstanceOf(Date);
    expect(confirmed.confirmTokenHash).toBeNull();
    expect(await confirmSubscription(tenantId, token!)).toBe("unknown");
  });

  it("does not change a confirmed subscription when the address subscribes again, and mails it a note instead", async () => {
    const email = address();
    await requestSubscription({ tenantId, email: email.toLowerCase(), locale: "de", topics: ["measures"], ip: ip() });
    const row = (await subscriptionOf(email))!;
    await confirmSubscription(tenantId, (await confirmToken(row.id)).token!);
    const before = (await subscriptionOf(email))!;
    await requestSubscription({ tenantId, email: email.toLowerCase(), locale: "en", topics: ["incidents"], ip: ip() });
    expect(await subscriptionOf(email)).toEqual(before);
    const latest = await confirmToken(row.id);
    expect(latest).toMatchObject({ already: true, token: null, count: 2 });
  });

  it("limits requests per address", async () => {
    const email = address().toLowerCase();
    for (let i = 0; i < 3; i++) await requestSubscription({ tenantId, email, locale: "de", topics: ["measures"], ip: ip() });
    await expect(requestSubscription({ tenantId, email, locale: "de", topics: ["measures"], ip: ip() })).rejects.toMatchObject({ code: "rateLimited" });
  });
});

describe("unsubscribing", () => {
  it("one-click needs the RFC 8058 body and the subscription's token; the row is then gone", async () => {
    const email = address();
    await requestSubscription({ tenantId, email: email.toLowerCase(), locale: "de", topics: ["measures"], ip: ip() });
    const row = (await subscriptionOf(email))!;
    const token = unsubscribeToken(row.id);
    expect(await oneClickUnsubscribe("mpmx", token, "")).toBe("bad-request");
    expect(await oneClickUnsubscribe("mpmx", "y".repeat(43), "List-Unsubscribe=One-Click")).toBe("unknown");
    expect(await oneClickUnsubscribe("nordlicht", token, "List-Unsubscribe=One-Click")).toBe("unknown");
    expect(await subscriptionOf(email)).not.toBeNull();
    expect(await oneClickUnsubscribe("mpmx", token, "List-Unsubscribe=One-Click")).toBe("unsubscribed");
    expect(await subscriptionOf(email)).toBeNull();
    expect(await unsubscribeWithToken(tenantId, token)).toBe("unknown");
  });

  it("the List-Unsubscribe address answers GET with a redirect to the confirmation page and changes nothing", async () => {
    const email = address();
    await requestSubscription({ tenantId, email: email.toLowerCase(), locale: "en", topics: ["measures"], ip: ip() });
    const row = (await subscriptionOf(email))!;
    const token = unsubscribeToken(row.id);
    const { GET } = await import("@/app/api/unsubscribe/[tenant]/[token]/route");
    const response = await GET(new Request(`http://localhost/api/unsubscribe/mpmx/${token}?lang=en`), { params: Promise.resolve({ tenant: "mpmx", token }) });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/mpmx/unsubscribe/${token}?lang=en`);
    expect(await subscriptionOf(email)).toEqual(row);
    const unknown = await GET(new Request("http://localhost/api/unsubscribe/mpmx/short"), { params: Promise.resolve({ tenant: "mpmx", token: "short" }) });
    expect(unknown.status).toBe(404);
  });
});
