import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, withTenant } from "@/server/db/client";
import { connectTestDatabase } from "@/server/testing/database";
import type { OutboxMessageView } from "../outbox/handlers";
import { startSmtpCapture, type SmtpCapture } from "../outbox/testing/smtp-capture";
import { createAttestationRequest } from "./create-request";
import { customerDecision, decideRequest } from "./decide";
import { attestationTenant, customer, meta, requestInput, type AttestationTenant } from "./test-fixtures";

// The workflow's mails as the worker sends them: the outbox messages a request and its decisions
// wrote, handed to the registered handlers (twice: delivery is at least once), through a real SMTP
// server. Reviewers get the new request and the answer; the customer every decision, in the
// request's language; each mail once.

connectTestDatabase({ role: "app" });

let smtp: SmtpCapture;
let handlers: typeof import("../outbox/handlers");
let t: AttestationTenant;
beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  handlers = await import("../outbox/handlers");
  t = await attestationTenant("mail");
});
afterAll(async () => {
  await smtp.close();
  await closeDb();
});

async function deliver(requestId: string): Promise<void> {
  const messages = await withTenant(t.tenant.id, (tx) => tx.outboxMessage.findMany({ where: { tenantId: t.tenant.id, dedupeKey: { contains: requestId } }, orderBy: { createdAt: "asc" } }));
  for (const attempt of [1, 2]) {
    for (const message of messages) {
      const handler = handlers.outboxHandlers[message.kind];
      expect(handler, `a handler for ${message.kind} (attempt ${attempt})`).toBeDefined();
      await handler!(message as OutboxMessageView);
    }
  }
}

const to = (address: string) => smtp.mails.filter((mail) => mail.to.includes(address));

describe("attestation mails", () => {
  it("tell the reviewers of a request and an answer, and the customer of each decision in the letter's language, once each", async () => {
    const requester = await customer();
    const { requestId } = await createAttestationRequest({ tenant: t.tenant, requester, data: requestInput(t.certificationIds, { locale: "en", companyName: "Groß & Co. KG" }), meta });
    await decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 0, name: "startReview", meta });
    await decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 1, name: "requestInformation", message: "Which contract is this for?", meta });
    await customerDecision({ user: requester, requestId, revision: 2, name: "answer", message: "Rahmenvertrag 2027.", meta });
    await decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 3, name: "approve", meta });
    await deliver(requestId);

    // The reviewer's account is German (the default): German mails with a link to the request.
    expect(to(t.reviewer.email).map((m) => m.subject)).toEqual(["Neue Anfrage für eine Bestätigung von Groß & Co. KG", "Groß & Co. KG hat Ihre Rückfrage beantwortet"]);
    expect(to(t.reviewer.email)[0]!.text).toContain(`/${t.tenant.slug}/admin/attestations/${requestId}`);
    // The customer asked for an English letter: English mails.
    const customerMails = to(requester.email);
    expect(customerMails.map((m) => m.subject)).toEqual([`${t.tenant.name} needs more information about your attestation request`, `Your attestation letter from ${t.tenant.name} is ready`]);
    expect(customerMails[0]!.text).toContain("Which contract is this for?");
    expect(customerMails[1]!.text).toContain(`/account/attestations#request-${requestId}`);
  });

  it("gives the customer the reason of a rejection", async () => {
    const requester = await customer();
    const { requestId } = await createAttestationRequest({ tenant: t.tenant, requester, data: requestInput(t.certificationIds), meta });
    await decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 0, name: "reject", message: "Kein Vertragsverhältnis.", meta });
    await deliver(requestId);
    const mails = to(requester.email);
    expect(mails.map((m) => m.subject)).toEqual([`Ihre Anfrage bei ${t.tenant.name} wurde abgelehnt`]);
    expect(mails[0]!.text).toContain("Kein Vertragsverhältnis.");
  });
});
