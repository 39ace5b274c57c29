import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, withTenant, withWorker } from "@/server/db/client";
import { connectTestDatabase } from "@/server/testing/database";
import { startSmtpCapture, type SmtpCapture } from "./testing/smtp-capture";

// sendEmailOnce and notifySubscribers against the test database (as the app role) and a real SMTP
// server: what is sent, how often, and what is recorded.
connectTestDatabase({ role: "app" });

let smtp: SmtpCapture;
let email: typeof import("./email");
let notify: typeof import("../subscriptions/notify");
let tokens: typeof import("../subscriptions/tokens");
let tenantId: string;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  email = await import("./email");
  notify = await import("../subscriptions/notify");
  tokens = await import("../subscriptions/tokens");
  const db = await getDb();
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "mpmx" }, select: { id: true } })).id;
});
afterAll(async () => {
  await smtp.close();
  await closeDb();
});

const key = () => `test:${randomUUID()}`;
const delivery = (dedupeKey: string) => withWorker((tx) => tx.emailDelivery.findUniqueOrThrow({ where: { dedupeKey } }));
const received = (to: string) => smtp.mails.filter((mail) => mail.to.includes(to));

describe("sendEmailOnce", () => {
  it("sends once; a second call with the same key sends nothing", async () => {
    const dedupeKey = key();
    const to = `once-${randomUUID()}@example.com`;
    const mail = { tenantId, dedupeKey, to, subject: "Hello", text: "Body", html: "<p>Body</p>", headers: { "X-Test": "1" } };
    expect(await email.sendEmailOnce(mail)).toBe("sent");
    expect(await email.sendEmailOnce(mail)).toBe("already-sent");
    expect(await email.sendEmailOnce({ ...mail, subject: "Changed" })).toBe("already-sent");
    expect(received(to)).toHaveLength(1);
    expect(received(to)[0]!.subject).toBe("Hello");
    expect(received(to)[0]!.headers.get("x-test")).toBe("1");
    expect(received(to)[0]!.messageId).toBe(email.messageIdFor(dedupeKey));
    const row = await delivery(dedupeKey);
    expect(row).toMatchObject({ status: "SENT", attempts: 1, to, tenantId, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("leaves a fresh claim of another attempt alone and takes over a stale one with the same Message-ID", async () => {
    const dedupeKey = key();
    const to = `claimed-${randomUUID()}@example.com`;
    await withWorker((tx) => tx.emailDelivery.create({ data: { tenantId, dedupeKey, to, subject: "S", status: "SENDING", claimedAt: new Date(), attempts: 1 } }));
    await expect(email.sendEmailOnce({ tenantId, dedupeKey, to, subject: "S", text: "T" })).rejects.toBeInstanceOf(email.EmailInFlightError);
    expect(received(to)).toHaveLength(0);

    await withWorker((tx) => tx.emailDelivery.update({ where: { dedupeKey }, data: { claimedAt: new Date(Date.now() - email.claimLeaseMs() - 1000) } }));
    expect(await email.sendEmailOnce({ tenantId, dedupeKey, to, subject: "S", text: "T" })).toBe("sent");
    expect(received(to).map((mail) => mail.messageId)).toEqual([email.messageIdFor(dedupeKey)]);
    expect(await delivery(dedupeKey)).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("records a refused send as FAILED and sends it on the next attempt", async () => {
    const dedupeKey = key();
    const to = `refused-${randomUUID()}@example.com`;
    smtp.refuseNext(1);
    await expect(email.sendEmailOnce({ tenantId, dedupeKey, to, subject: "S", text: "T" })).rejects.toThrow(/try again later/);
    expect(await delivery(dedupeKey)).toMatchObject({ status: "FAILED", attempts: 1 });
    expect((await delivery(dedupeKey)).lastError).toMatch(/451/);
    expect(received(to)).toHaveLength(0);
    expect(await email.sendEmailOnce({ tenantId, dedupeKey, to, subject: "S", text: "T" })).toBe("sent");
    expect(await delivery(dedupeKey)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(received(to)).toHaveLength(1);
  });
});

describe("notifySubscribers", () => {
  async function subscribe(topics: string[], confirmed: boolean, locale = "en") {
    const id = randomUUID();
    const address = `sub-${id}@example.com`;
    await withTenant(tenantId, (tx) =>
      tx.subscription.create({
        data: { id, tenantId, email: address, locale, topics, confirmedAt: confirmed ? new Date() : null, unsubscribeTokenHash: tokens.unsubscribeTokenHash(id) },
        select: { id: true },
      }),
    );
    return { id, address };
  }

  it("mails each confirmed subscriber of the topic once, in their locale, with one-click unsubscribe headers", async () => {
    const german = await subscribe(["measures"], true, "de");
    const english = await subscribe(["measures", "incidents"], true, "en");
    const unconfirmed = await subscribe(["measures"], false);
    const otherTopic = await subscribe(["certifications"], true);
    const dedupeKey = key();
    const compose = ({ locale, unsubscribeUrl }: { locale: string; unsubscribeUrl: string }) => ({ subject: locale === "de" ? "Neu" : "New", text: `unsubscribe: ${unsubscribeUrl}` });

    const sentNow = await notify.notifySubscribers({ tenantId, topic: "measures", dedupeKey, compose });
    expect(sentNow).toBeGreaterThanOrEqual(2);
    expect(received(german.address).map((mail) => mail.subject)).toEqual(["Neu"]);
    expect(received(english.address).map((mail) => mail.subject)).toEqual(["New"]);
    expect(received(unconfirmed.address)).toHaveLength(0);
    expect(received(otherTopic.address)).toHaveLength(0);

    const mail = received(english.address)[0]!;
    const url = tokens.unsubscribeUrl("mpmx", english.id, "en");
    expect(url).toMatch(/\/api\/unsubscribe\/mpmx\/[A-Za-z0-9_-]{43}\?lang=en$/);
    expect(mail.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.headers.get("list-unsubscribe")).toBe(`<${url}>`);
    expect(mail.text).toContain(url);
    expect(mail.messageId).toBe(email.messageIdFor(`${dedupeKey}:${english.id}`));

    // A retried job sends nothing more.
    expect(await notify.notifySubscribers({ tenantId, topic: "measures", dedupeKey, compose })).toBe(0);
    expect(received(german.address)).toHaveLength(1);
    expect(received(english.address)).toHaveLength(1);
  });

  it("sends the others when one send fails, then throws; the retry sends only the missing one", async () => {
    // A fresh topic audience: only these two subscribers are CONFIRMED for incidents in this test's key.
    const first = await subscribe(["incidents"], true);
    const second = await subscribe(["incidents"], true);
    const dedupeKey = key();
    const compose = () => ({ subject: "Incident", text: "x" });
    const before = smtp.mails.length;
    smtp.refuseNext(1);
    await expect(notify.notifySubscribers({ tenantId, topic: "incidents", dedupeKey, compose })).rejects.toThrow(/1 of \d+ emails .* failed/);
    const afterFirst = smtp.mails.length - before;
    await notify.notifySubscribers({ tenantId, topic: "incidents", dedupeKey, compose });
    const total = smtp.mails.length - before;
    expect(total).toBe(afterFirst + 1);
    expect(received(first.address)).toHaveLength(1);
    expect(received(second.address)).toHaveLength(1);
  });
});
