import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/server/db/client";
import { connectTestDatabase } from "@/server/testing/database";
import { startSmtpCapture, type SmtpCapture } from "../outbox/testing/smtp-capture";

// The "measures.published" announcement as a subscriber reads it: their language, the change
// summary, kind, effective date and the redline against the previous published version.
connectTestDatabase({ role: "owner" });

let smtp: SmtpCapture;
let mail: typeof import("./measures-mail");
let tokens: typeof import("./tokens");

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  mail = await import("./measures-mail");
  tokens = await import("./tokens");
});
afterAll(async () => {
  await smtp.close();
  await closeDb();
});

describe("measures announcements", () => {
  it("mails each measures subscriber in their language with summary, kind, effective date and redline link", async () => {
    const db = await getDb();
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "mpmx" }, select: { id: true, name: true } });
    const versions = await db.measuresVersion.findMany({ where: { tenantId: tenant.id, status: "PUBLISHED" }, orderBy: { number: "desc" }, take: 2 });
    const [latest, previous] = versions;
    const subscribers = await Promise.all(
      (["de", "en"] as const).map(async (locale) => {
        const id = randomUUID();
        const email = `announce-${locale}-${id.slice(0, 8)}@example.com`;
        await db.subscription.create({ data: { id, tenantId: tenant.id, email, locale, topics: ["measures"], confirmedAt: new Date(), unsubscribeTokenHash: tokens.unsubscribeTokenHash(id) } });
        return { id, email, locale };
      }),
    );
    const dedupeKey = `measures.published:${latest!.id}:${randomUUID()}`;
    await mail.announcePublishedVersion({ id: randomUUID(), tenantId: tenant.id, kind: "measures.published", dedupeKey, payload: { versionId: latest!.id, number: latest!.number }, createdAt: new Date() });

    const english = smtp.mails.filter((m) => m.to.includes(subscribers[1]!.email));
    const german = smtp.mails.filter((m) => m.to.includes(subscribers[0]!.email));
    expect(english).toHaveLength(1);
    expect(german).toHaveLength(1);
    expect(english[0]!.subject).toBe(`${tenant.name}: version ${latest!.number} of the security measures published`);
    expect(german[0]!.subject).toBe(`${tenant.name}: Fassung ${latest!.number} der Sicherheitsmaßnahmen veröffentlicht`);
    const summary = (latest!.changeSummary as Record<string, string>).en!;
    expect(english[0]!.text).toContain(summary.trim().split("\n")[0]!);
    expect(english[0]!.text).toContain(`Kind of change: ${latest!.changeKind === "MATERIAL" ? "material" : "editorial (no change in substance)"}`);
    expect(english[0]!.text).toMatch(/Effective from: \d{1,2} \w+ \d{4}/);
    expect(english[0]!.text).toContain(`/mpmx/measures/compare?from=${previous!.number}&to=${latest!.number}&lang=en`);
    expect(german[0]!.text).toContain(`/mpmx/measures/compare?from=${previous!.number}&to=${latest!.number}&lang=de`);
    expect(english[0]!.text).toContain(tokens.unsubscribeUrl("mpmx", subscribers[1]!.id, "en"));
    expect(english[0]!.headers.get("list-unsubscribe")).toBe(`<${tokens.unsubscribeUrl("mpmx", subscribers[1]!.id, "en")}>`);

    // Run again (a retried job): nobody gets a second email.
    const before = smtp.mails.length;
    await mail.announcePublishedVersion({ id: randomUUID(), tenantId: tenant.id, kind: "measures.published", dedupeKey, payload: { versionId: latest!.id, number: latest!.number }, createdAt: new Date() });
    expect(smtp.mails.length).toBe(before);
  });
});
