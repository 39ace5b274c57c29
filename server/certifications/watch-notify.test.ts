import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, withTenant } from "@/server/db/client";
import { connectTestDatabase } from "@/server/testing/database";
import { startSmtpCapture, type SmtpCapture } from "../outbox/testing/smtp-capture";

// The certification watch end to end below the job engine: a change writes its outbox message,
// the registered handler mails each confirmed "certifications" subscriber once, in their language,
// through a real SMTP server.
connectTestDatabase({ role: "app" });

let smtp: SmtpCapture;
let handlers: typeof import("../outbox/handlers");
let periodic: typeof import("../outbox/periodic");
let fixtures: typeof import("./test-fixtures");
let members: typeof import("../members/test-fixtures");
let mutations: typeof import("./mutations");

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  [handlers, periodic, fixtures, members, mutations] = await Promise.all([import("../outbox/handlers"), import("../outbox/periodic"), import("./test-fixtures"), import("../members/test-fixtures"), import("./mutations")]);
});
afterAll(async () => {
  await smtp.close();
  await closeDb();
});

async function subscribe(tenantId: string, email: string, locale: "de" | "en", topics: string[], confirmed = true) {
  await withTenant(tenantId, (tx) =>
    tx.subscription.create({ data: { tenantId, email, locale, topics, confirmedAt: confirmed ? new Date() : null, unsubscribeTokenHash: randomUUID() } }),
  );
}

async function deliver(tenantId: string, kind: string) {
  const messages = await withTenant(tenantId, (tx) => tx.outboxMessage.findMany({ where: { tenantId, kind }, orderBy: { createdAt: "asc" } }));
  const handler = handlers.outboxHandlers[kind];
  if (!handler) throw new Error(`no handler for ${kind}`);
  for (const message of messages) await handler({ id: message.id, tenantId: message.tenantId, kind: message.kind, dedupeKey: message.dedupeKey, payload: message.payload, createdAt: message.createdAt });
  return messages.length;
}

describe("certification watch mails", () => {
  it("tells confirmed certification subscribers about a new certificate and a renewal, once each, in their language", async () => {
    const t = await members.staffTenant("watch");
    const tag = randomUUID().slice(0, 8);
    const de = `de-${tag}@example.com`;
    const en = `en-${tag}@example.com`;
    await subscribe(t.tenant.id, de, "de", ["certifications", "measures"]);
    await subscribe(t.tenant.id, en, "en", ["certifications"]);
    await subscribe(t.tenant.id, `measures-${tag}@example.com`, "en", ["measures"]);
    await subscribe(t.tenant.id, `unconfirmed-${tag}@example.com`, "en", ["certifications"], false);
    const mine = () => smtp.mails.filter((mail) => mail.to.some((to) => to.includes(tag)));

    const id = await fixtures.addCertification(t);
    expect(await deliver(t.tenant.id, "certification.changed")).toBe(1);
    expect(mine().map((mail) => [mail.to[0], mail.subject])).toEqual(
      expect.arrayContaining([
        [de, `${t.tenant.name}: ISO/IEC 27001 hat sich geändert`],
        [en, `${t.tenant.name}: ISO/IEC 27001 has changed`],
      ]),
    );
    expect(mine()).toHaveLength(2);
    const english = mine().find((mail) => mail.to[0] === en)!;
    expect(english.text).toContain("New certificate: ISO/IEC 27001, valid until 9 January 2028.");
    expect(english.text).toContain(`/${t.tenant.slug}/certifications`);
    expect(english.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");

    await mutations.updateCertification({ tenant: t.tenant, actor: t.owner, certificationId: id, data: fixtures.certificationInput({ validUntil: "2029-01-09" }), meta: fixtures.meta });
    // Delivering every message again (at-least-once) adds only the renewal's two mails.
    expect(await deliver(t.tenant.id, "certification.changed")).toBe(2);
    expect(mine()).toHaveLength(4);
    expect(mine().find((mail) => mail.to[0] === de && mail.text.includes("2029"))!.text).toContain("ISO/IEC 27001 ist jetzt gültig bis 9. Januar 2029 (bisher: 9. Januar 2028).");
  });

  it("runs the daily task from the periodic registry and mails an expiry notice once", async () => {
    const t = await members.staffTenant("watch-exp");
    const tag = randomUUID().slice(0, 8);
    await subscribe(t.tenant.id, `exp-${tag}@example.com`, "en", ["certifications"]);
    await fixtures.addCertification(t, { framework: "SOC2_TYPE2", issuedAt: "2025-12-01", validUntil: "2026-12-15" });
    const task = periodic.periodicTasks.find((entry) => entry.name === "certifications.expiring");
    expect(task?.cron).toBe("0 6 * * *");
    await task!.run(new Date("2026-11-28T06:00:00Z"));
    await task!.run(new Date("2026-11-28T06:00:00Z"));
    expect(await deliver(t.tenant.id, "certification.expiring")).toBe(1);
    await deliver(t.tenant.id, "certification.expiring");
    const mails = smtp.mails.filter((mail) => mail.to.some((to) => to.includes(tag)));
    expect(mails.map((mail) => mail.subject)).toEqual([`${t.tenant.name}: SOC 2 Type II expires on 15 December 2026`]);
  });
});
