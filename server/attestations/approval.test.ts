import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, withTenant } from "../db/client";
import { createAttestationRequest } from "./create-request";
import { customerDecision, decideRequest } from "./decide";
import { expireIssuedRequests, remindReviewers } from "./periodic";
import { attestationTenant, customer, meta, requestInput, workflowCounts, type AttestationTenant } from "./test-fixtures";

// Approval issues the letter in the same transaction; concurrency, auto-approval, revocation,
// expiry and reminders, against PostgreSQL as the app runs (app_user, row-level security on).

connectTestDatabase({ role: "app" });
afterAll(closeDb);

let t: AttestationTenant;
beforeAll(async () => {
  t = await attestationTenant("appr");
});

async function inReview(tenant: AttestationTenant, requester?: { id: string; email: string; name: string | null }) {
  const { requestId } = await createAttestationRequest({ tenant: tenant.tenant, requester: requester ?? (await customer()), data: requestInput(tenant.certificationIds), meta });
  await decideRequest({ tenant: tenant.tenant, actor: tenant.reviewer, requestId, revision: 0, name: "startReview", meta });
  return requestId;
}

async function requestRows(tenantId: string, requestId: string) {
  return withTenant(tenantId, async (tx) => ({
    request: await tx.attestationRequest.findUniqueOrThrow({ where: { id: requestId }, select: { state: true, revision: true, automatic: true, decisionReason: true } }),
    letters: await tx.attestationLetter.findMany({ where: { requestId }, select: { code: true, revokedAt: true, revokedReason: true, validUntil: true } }),
    decided: await tx.outboxMessage.findMany({ where: { tenantId, kind: "attestation.decided", dedupeKey: { contains: requestId } }, select: { dedupeKey: true, payload: true } }),
    events: (await tx.attestationEvent.findMany({ where: { requestId }, orderBy: { createdAt: "asc" }, select: { toState: true, automatic: true } })).map((e) => `${e.toState}${e.automatic ? " (automatic)" : ""}`),
  }));
}

describe("approval", () => {
  it("approves and issues the letter in one transaction, and tells the customer once", async () => {
    const requestId = await inReview(t);
    const result = await decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 1, name: "approve", meta });
    expect(result).toMatchObject({ state: "ISSUED", revision: 3 });
    const rows = await requestRows(t.tenant.id, requestId);
    expect(rows.request).toMatchObject({ state: "ISSUED", automatic: false });
    expect(rows.letters).toHaveLength(1);
    expect(rows.events).toEqual(["SUBMITTED", "IN_REVIEW", "APPROVED", "ISSUED"]);
    expect(rows.decided).toEqual([{ dedupeKey: `attestation.issue:${requestId}:3`, payload: { requestId, transition: "issue", state: "ISSUED" } }]);
  });

  it("50 parallel approvals of one request yield exactly 1 letter and 1 notification", async () => {
    const requestId = await inReview(t);
    const before = await workflowCounts(t.tenant.id);
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 1, name: "approve", meta })));
    const approved = outcomes.filter((o) => o.status === "fulfilled").length;
    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => (o.reason instanceof AppError ? `${o.reason.code}/${String(o.reason.details?.reason)}` : String(o.reason)));
    const rows = await requestRows(t.tenant.id, requestId);
    const after = await workflowCounts(t.tenant.id);
    console.log(
      `concurrency: 50 parallel approvals → ${approved} approved, ${refusals.length} refused (${[...new Set(refusals)].join(", ")}); ` +
        `letters for the request: ${rows.letters.length}; customer notifications: ${rows.decided.length}; letters written: ${after.letters - before.letters}; outbox messages written: ${after.outbox - before.outbox}`,
    );
    expect(approved).toBe(1);
    // Refused as a late click is: the request is no longer IN_REVIEW (or no longer at the page's revision).
    expect(refusals.filter((r) => r !== "conflict/illegalTransition" && r !== "conflict/stale")).toEqual([]);
    expect(rows.letters).toHaveLength(1);
    expect(rows.decided).toHaveLength(1);
    expect(after.letters - before.letters).toBe(1);
    expect(after.outbox - before.outbox).toBe(1);
    expect(rows.events).toEqual(["SUBMITTED", "IN_REVIEW", "APPROVED", "ISSUED"]);
  });

  it("rolls back the approval when the letter cannot be issued (a certification expired meanwhile)", async () => {
    const requestId = await inReview(t);
    await withTenant(t.tenant.id, (tx) => tx.certification.update({ where: { id: t.certificationIds[1]! }, data: { suspended: true } }));
    try {
      const before = await workflowCounts(t.tenant.id);
      await expect(decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 1, name: "approve", meta })).rejects.toMatchObject({ code: "conflict" });
      expect(await workflowCounts(t.tenant.id)).toEqual(before);
      expect((await requestRows(t.tenant.id, requestId)).request.state).toBe("IN_REVIEW");
    } finally {
      await withTenant(t.tenant.id, (tx) => tx.certification.update({ where: { id: t.certificationIds[1]! }, data: { suspended: false } }));
    }
  });

  it("revokes an issued letter with the reason, once", async () => {
    const requester = await customer();
    const requestId = await inReview(t, requester);
    await decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 1, name: "approve", meta });
    await expect(decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 3, name: "revoke", message: "", meta })).rejects.toMatchObject({ details: { reason: "messageRequired" } });
    await decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 3, name: "revoke", message: "Vertrag beendet.", meta });
    const rows = await requestRows(t.tenant.id, requestId);
    expect(rows.request).toMatchObject({ state: "REVOKED", decisionReason: "Vertrag beendet." });
    expect(rows.letters[0]).toMatchObject({ revokedReason: "Vertrag beendet." });
    expect(rows.letters[0]!.revokedAt).toBeInstanceOf(Date);
    expect(rows.decided.map((m) => m.dedupeKey).sort()).toEqual([`attestation.issue:${requestId}:3`, `attestation.revoke:${requestId}:4`]);
    await expect(decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 4, name: "revoke", message: "again", meta })).rejects.toMatchObject({ details: { reason: "illegalTransition" } });
    // The customer cannot withdraw a decided request either.
    await expect(customerDecision({ user: requester, requestId, revision: 4, name: "withdraw", meta })).rejects.toMatchObject({ details: { reason: "illegalTransition" } });
  });
});

describe("auto-approval", () => {
  it("approves and issues at once for an allow-listed domain, recorded as automatic; look-alikes and free mail wait for a reviewer", async () => {
    const auto = await attestationTenant("auto", { autoApproveDomains: ["acme-partner.example", "gmail.com"] });
    const trusted = await createAttestationRequest({ tenant: auto.tenant, requester: await customer("acme-partner.example"), data: requestInput(auto.certificationIds), meta });
    expect(trusted).toMatchObject({ created: true, automatic: true });
    const rows = await requestRows(auto.tenant.id, trusted.requestId);
    expect(rows.request).toMatchObject({ state: "ISSUED", automatic: true });
    expect(rows.letters).toHaveLength(1);
    expect(rows.events).toEqual(["SUBMITTED", "APPROVED (automatic)", "ISSUED (automatic)"]);
    expect(rows.decided).toHaveLength(1);
    const staffNotice = await withTenant(auto.tenant.id, (tx) => tx.outboxMessage.count({ where: { dedupeKey: `attestation.submitted:${trusted.requestId}` } }));
    expect(staffNotice).toBe(0);

    for (const domain of ["evil-acme-partner.example", "acme-partner.example.evil.org", "mail.acme-partner.example", "gmail.com"]) {
      const waiting = await createAttestationRequest({ tenant: auto.tenant, requester: await customer(domain), data: requestInput(auto.certificationIds), meta });
      expect(waiting, domain).toMatchObject({ created: true, automatic: false });
      expect((await requestRows(auto.tenant.id, waiting.requestId)).request.state, domain).toBe("SUBMITTED");
    }
  });
});

describe("periodic tasks", () => {
  it("expires issued letters after their valid-until day, once", async () => {
    const requestId = await inReview(t);
    await decideRequest({ tenant: t.tenant, actor: t.reviewer, requestId, revision: 1, name: "approve", meta });
    const { letters } = await requestRows(t.tenant.id, requestId);
    const dayAfter = new Date(letters[0]!.validUntil.getTime() + 36 * 3_600_000);
    expect(await expireIssuedRequests(new Date(letters[0]!.validUntil.getTime() + 12 * 3_600_000), [t.tenant.id])).toBe(0);
    const expired = await expireIssuedRequests(dayAfter, [t.tenant.id]);
    expect(expired).toBeGreaterThanOrEqual(1);
    expect((await requestRows(t.tenant.id, requestId)).request.state).toBe("EXPIRED");
    expect(await expireIssuedRequests(dayAfter, [t.tenant.id])).toBe(0);
  });

  it("reminds the reviewers once of a request waiting longer than the tenant's setting", async () => {
    const slow = await attestationTenant("remind", { reviewReminderHours: 24 });
    const { requestId } = await createAttestationRequest({ tenant: slow.tenant, requester: await customer(), data: requestInput(slow.certificationIds), meta });
    const now = Date.now();
    expect(await remindReviewers(new Date(now + 23 * 3_600_000), [slow.tenant.id])).toBe(0);
    expect(await remindReviewers(new Date(now + 25 * 3_600_000), [slow.tenant.id])).toBe(1);
    expect(await remindReviewers(new Date(now + 26 * 3_600_000), [slow.tenant.id])).toBe(0);
    const reminders = await withTenant(slow.tenant.id, (tx) => tx.outboxMessage.findMany({ where: { kind: "attestation.reminder" }, select: { dedupeKey: true } }));
    expect(reminders).toEqual([{ dedupeKey: `attestation.reminder:${requestId}` }]);
    // Still one after the review started and waited again.
    await decideRequest({ tenant: slow.tenant, actor: slow.reviewer, requestId, revision: 0, name: "startReview", meta });
    expect(await remindReviewers(new Date(now + 80 * 3_600_000), [slow.tenant.id])).toBe(0);
  });
});
