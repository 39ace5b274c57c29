import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, withTenant, withUser } from "../db/client";
import { acceptNda } from "../nda/acceptance";
import { publishNdaVersion } from "../nda/versions";
import { createAttestationRequest } from "./create-request";
import { customerDecision, decideRequest } from "./decide";
import { customerRequests, reviewerRequestDetail } from "./queries";
import { attestationTenant, customer, meta, requestInput, workflowCounts, type AttestationTenant } from "./test-fixtures";

// Requests as the running app makes them (app_user, row-level security on): idempotency, the open
// request limit, the workflow's transitions with their timeline, audit and outbox rows, and
// isolation between tenants and between customers.

connectTestDatabase({ role: "app" });
afterAll(closeDb);

async function expectRefusal(promise: Promise<unknown>, code: string, reason?: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error, "refused").toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (reason) expect((error as AppError).details?.reason).toBe(reason);
}

let t: AttestationTenant;
let other: AttestationTenant;
beforeAll(async () => {
  [t, other] = await Promise.all([attestationTenant("req"), attestationTenant("reqother")]);
});

describe("createAttestationRequest", () => {
  it("writes the request, its certifications, the first timeline event, the customer record, an audit event and the reviewers' notification", async () => {
    const requester = await customer();
    const before = await workflowCounts(t.tenant.id);
    const result = await createAttestationRequest({ tenant: t.tenant, requester, data: requestInput(t.certificationIds), meta });
    expect(result).toMatchObject({ created: true, automatic: false });
    const after = await workflowCounts(t.tenant.id);
    expect(after).toEqual({ ...before, requests: before.requests + 1, events: before.events + 1, outbox: before.outbox + 1, audit: before.audit + 1, customers: before.customers + 1 });
    const stored = await withTenant(t.tenant.id, (tx) =>
      tx.attestationRequest.findUniqueOrThrow({ where: { id: result.requestId }, include: { certifications: true, events: true, tenant: { select: { outboxMessages: { where: { dedupeKey: `attestation.submitted:${result.requestId}` } } } } } }),
    );
    expect(stored).toMatchObject({ state: "SUBMITTED", revision: 0, companyName: "Müller & Söhne GmbH", requesterEmail: requester.email, locale: "de", automatic: false });
    expect(stored.certifications.map((c) => c.certificationId).sort()).toEqual([...t.certificationIds].sort());
    expect(stored.events.map((e) => [e.fromState, e.toState, e.actorId])).toEqual([[null, "SUBMITTED", requester.id]]);
    expect(stored.tenant.outboxMessages.map((m) => [m.kind, m.payload])).toEqual([["attestation.submitted", { requestId: result.requestId }]]);
  });

  it("is idempotent: the same key, sequentially or 10 times at once, makes one request", async () => {
    const requester = await customer();
    const data = requestInput(t.certificationIds);
    const first = await createAttestationRequest({ tenant: t.tenant, requester, data, meta });
    const before = await workflowCounts(t.tenant.id);
    const again = await createAttestationRequest({ tenant: t.tenant, requester, data: { ...data, purpose: "changed on resubmit" }, meta });
    expect(again).toEqual({ requestId: first.requestId, created: false, automatic: false });
    expect(await workflowCounts(t.tenant.id)).toEqual(before);

    const burst = requestInput(t.certificationIds);
    const results = await Promise.all(Array.from({ length: 10 }, () => createAttestationRequest({ tenant: t.tenant, requester, data: burst, meta })));
    const ids = new Set(results.map((r) => r.requestId));
    const created = results.filter((r) => r.created).length;
    console.log(`idempotency: 10 parallel submissions of one form → ${ids.size} request(s), ${created} created`);
    expect(ids.size).toBe(1);
    expect(created).toBe(1);
    expect(await workflowCounts(t.tenant.id)).toEqual({ ...before, requests: before.requests + 1, events: before.events + 1, outbox: before.outbox + 1, audit: before.audit + 1 });
  });

  it("refuses a request beyond the tenant's open-request limit, writing nothing, and counts a withdrawn one as closed", async () => {
    const limited = await attestationTenant("limit", { openRequestLimit: 2 });
    const requester = await customer();
    const first = await createAttestationRequest({ tenant: limited.tenant, requester, data: requestInput(limited.certificationIds), meta });
    await createAttestationRequest({ tenant: limited.tenant, requester, data: requestInput(limited.certificationIds), meta });
    const before = await workflowCounts(limited.tenant.id);
    await expectRefusal(createAttestationRequest({ tenant: limited.tenant, requester, data: requestInput(limited.certificationIds), meta }), "conflict", "openLimit");
    expect(await workflowCounts(limited.tenant.id)).toEqual(before);
    // Another customer has their own limit.
    await createAttestationRequest({ tenant: limited.tenant, requester: await customer(), data: requestInput(limited.certificationIds), meta });
    await customerDecision({ user: requester, requestId: first.requestId, revision: 0, name: "withdraw", meta });
    await expect(createAttestationRequest({ tenant: limited.tenant, requester, data: requestInput(limited.certificationIds), meta })).resolves.toMatchObject({ created: true });
  });

  it("refuses another tenant's or an unavailable certification, writing nothing", async () => {
    const requester = await customer();
    const before = await workflowCounts(t.tenant.id);
    await expectRefusal(createAttestationRequest({ tenant: t.tenant, requester, data: requestInput([other.certificationIds[0]!]), meta }), "invalid", "certificationUnavailable");
    await expectRefusal(createAttestationRequest({ tenant: t.tenant, requester, data: requestInput([t.certificationIds[0]!, randomUUID()]), meta }), "invalid", "certificationUnavailable");
    const withdrawn = await withTenant(t.tenant.id, (tx) =>
      tx.certification.create({ data: { tenantId: t.tenant.id, framework: "TISAX", certifier: "x", issuedAt: new Date("2025-01-01"), validUntil: new Date("2030-01-01"), withdrawn: true }, select: { id: true } }),
    );
    await expectRefusal(createAttestationRequest({ tenant: t.tenant, requester, data: requestInput([withdrawn.id]), meta }), "invalid", "certificationUnavailable");
    expect(await workflowCounts(t.tenant.id)).toEqual(before);
  });

  it("asks for the NDA first when the tenant has one, and links the acceptance to the request", async () => {
    const withNda = await attestationTenant("nda", { ndaEnabled: true });
    const requester = await customer();
    // No NDA written yet: nothing to accept.
    await expect(createAttestationRequest({ tenant: withNda.tenant, requester, data: requestInput(withNda.certificationIds), meta })).resolves.toMatchObject({ created: true });
    await publishNdaVersion({ tenant: withNda.tenant, actor: withNda.owner, text: { de: "Vertraulichkeit: Inhalte nur intern verwenden.", en: "Confidentiality: use the contents internally only." }, meta });
    const before = await workflowCounts(withNda.tenant.id);
    await expectRefusal(createAttestationRequest({ tenant: withNda.tenant, requester, data: requestInput(withNda.certificationIds), meta }), "conflict", "ndaRequired");
    expect(await workflowCounts(withNda.tenant.id)).toEqual(before);

    const { acceptanceId } = await acceptNda({ tenant: withNda.tenant, user: requester, versionNumber: 1, companyName: "Müller & Söhne GmbH", locale: "de", meta });
    const { requestId } = await createAttestationRequest({ tenant: withNda.tenant, requester, data: requestInput(withNda.certificationIds), meta });
    const detail = await reviewerRequestDetail(withNda.tenant.id, requestId);
    expect(detail?.nda).toMatchObject({ companyName: "Müller & Söhne GmbH", ndaVersion: { number: 1 }, ip: meta.ip, userAgent: meta.userAgent });
    const linked = await withTenant(withNda.tenant.id, (tx) => tx.attestationRequest.findUniqueOrThrow({ where: { id: requestId }, select: { ndaAcceptanceId: true } }));
    expect(linked.ndaAcceptanceId).toBe(acceptanceId);
  });
});

describe("the review workflow", () => {
  it("review, question, answer, rejection: each step with its event, audit action and notification", async () => {
    const requester = await customer();
    const { requestId } = await createAttestationRequest({ tenant: t.tenant, requester, data: requestInput(t.certificationIds), meta });
    const decide = (name: "startReview" | "requestInformation" | "reject", revision: number, message?: string) => decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision, name, message, meta });

    expect(await decide("startReview", 0)).toMatchObject({ state: "IN_REVIEW", revision: 1 });
    await expectRefusal(decide("requestInformation", 1, "  "), "invalid", "messageRequired");
    expect(await decide("requestInformation", 1, "Wofür genau benötigen Sie die Bestätigung?")).toMatchObject({ state: "INFO_REQUESTED", revision: 2 });
    // The customer cannot act with a stale page, nor answer without text.
    await expectRefusal(customerDecision({ user: requester, requestId, revision: 1, name: "answer", message: "x", meta }), "conflict", "stale");
    expect(await customerDecision({ user: requester, requestId, revision: 2, name: "answer", message: "Für die Ausschreibung 2027.", meta })).toMatchObject({ state: "IN_REVIEW", revision: 3 });
    // The reviewer's page of revision 2 is stale now.
    await expectRefusal(decide("reject", 2, "zu spät"), "conflict", "stale");
    expect(await decide("reject", 3, "Kein Vertragsverhältnis.")).toMatchObject({ state: "REJECTED", revision: 4 });
    // Final: nothing more is possible.
    await expectRefusal(decide("startReview", 4), "conflict", "illegalTransition");
    await expectRefusal(customerDecision({ user: requester, requestId, revision: 4, name: "withdraw", meta }), "conflict", "illegalTransition");

    const detail = await reviewerRequestDetail(t.tenant.id, requestId);
    expect(detail?.request.events.map((e) => [e.fromState, e.toState, e.message])).toEqual([
      [null, "SUBMITTED", null],
      ["SUBMITTED", "IN_REVIEW", null],
      ["IN_REVIEW", "INFO_REQUESTED", "Wofür genau benötigen Sie die Bestätigung?"],
      ["INFO_REQUESTED", "IN_REVIEW", "Für die Ausschreibung 2027."],
      ["IN_REVIEW", "REJECTED", "Kein Vertragsverhältnis."],
    ]);
    expect(detail?.request.decisionReason).toBe("Kein Vertragsverhältnis.");
    const audit = await withTenant(t.tenant.id, (tx) => tx.auditEvent.findMany({ where: { tenantId: t.tenant.id, targetId: requestId }, orderBy: { seq: "asc" }, select: { action: true, actorId: true } }));
    expect(audit).toEqual([
      { action: "attestation.requested", actorId: requester.id },
      { action: "attestation.review_started", actorId: t.reviewer.id },
      { action: "attestation.info_requested", actorId: t.reviewer.id },
      { action: "attestation.answered", actorId: requester.id },
      { action: "attestation.rejected", actorId: t.reviewer.id },
    ]);
    const outbox = await withTenant(t.tenant.id, (tx) => tx.outboxMessage.findMany({ where: { tenantId: t.tenant.id, dedupeKey: { contains: requestId } }, orderBy: { createdAt: "asc" }, select: { kind: true, dedupeKey: true } }));
    expect(outbox.map((m) => m.dedupeKey).sort()).toEqual(
      [`attestation.submitted:${requestId}`, `attestation.requestInformation:${requestId}:2`, `attestation.answer:${requestId}:3`, `attestation.reject:${requestId}:4`].sort(),
    );
    expect(outbox.map((m) => m.kind).sort()).toEqual(["attestation.answered", "attestation.decided", "attestation.decided", "attestation.submitted"]);
  });

  it("lets only a reviewer of the request's tenant decide (another tenant's request is not found)", async () => {
    const { requestId } = await createAttestationRequest({ tenant: t.tenant, requester: await customer(), data: requestInput(t.certificationIds), meta });
    const before = await workflowCounts(t.tenant.id);
    await expectRefusal(decideRequest({ tenant: other.tenant, actor: other.reviewer, requestId, revision: 0, name: "startReview", meta }), "notFound");
    // A reviewer of the other tenant naming this tenant is no reviewer here.
    await expect(decideRequest({ tenant: t.tenant, actor: other.reviewer, requestId, revision: 0, name: "startReview", meta })).rejects.toMatchObject({ name: "AuthorizationError", code: "forbidden" });
    await expectRefusal(decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId: "not-a-uuid", revision: 0, name: "startReview", meta }), "notFound");
    expect(await reviewerRequestDetail(other.tenant.id, requestId)).toBeNull();
    expect(await workflowCounts(t.tenant.id)).toEqual(before);
  });
});

describe("row-level security and customer isolation", () => {
  it("shows a customer only their own requests, and another customer's request is not found", async () => {
    const anna = await customer();
    const bert = await customer();
    const { requestId } = await createAttestationRequest({ tenant: t.tenant, requester: anna, data: requestInput(t.certificationIds), meta });
    await createAttestationRequest({ tenant: other.tenant, requester: anna, data: requestInput(other.certificationIds), meta });

    const annas = await customerRequests(anna.id);
    expect(annas.map((r) => r.tenant.slug).sort()).toEqual([t.tenant.slug, other.tenant.slug].sort());
    expect(await customerRequests(bert.id)).toEqual([]);
    await expectRefusal(customerDecision({ user: bert, requestId, revision: 0, name: "withdraw", meta }), "notFound");
    // The database itself hides the row from Bert's user context and from another tenant's context.
    expect(await withUser(bert.id, (tx) => tx.attestationRequest.findMany({ where: { id: requestId } }))).toEqual([]);
    expect(await withUser(bert.id, (tx) => tx.attestationEvent.findMany({ where: { requestId } }))).toEqual([]);
    expect(await withTenant(other.tenant.id, (tx) => tx.attestationRequest.findMany({ where: { id: requestId } }))).toEqual([]);
    expect(await withUser(anna.id, (tx) => tx.attestationRequest.count({ where: { id: requestId } }))).toBe(1);
    // Writing into another tenant's request from one's own context is refused by the policies.
    const updated = await withTenant(other.tenant.id, (tx) => tx.attestationRequest.updateMany({ where: { id: requestId }, data: { state: "APPROVED" } }));
    expect(updated.count).toBe(0);
  });
});
