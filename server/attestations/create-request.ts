import "server-only";
import { qualifiesForAutoApproval } from "@/lib/attestations/auto-approval";
import { OPEN_STATES } from "@/lib/attestations/transitions";
import { AppError } from "@/lib/errors";
import type { CreateAttestationRequestInput } from "@/lib/validation/attestation-requests";
import { recordAudit } from "../audit/record";
import type { TenantRef } from "../auth/guard";
import { withTenant, type Tx } from "../db/client";
import { ndaRequirementIn } from "../nda/acceptance";
import { enqueueOutbox } from "../outbox/enqueue";
import type { RequestMeta } from "../request-context";
import { issueLetter } from "./letter";
import { LETTER_TRANSACTION } from "./decide";
import { applyTransition, ATTESTATION_SUBMITTED, SYSTEM } from "./transition";

export interface Requester {
  id: string;
  email: string;
  name: string | null;
}

export interface CreatedRequest {
  requestId: string;
  /** false: the idempotency key named an existing request (double click, resubmitted form). */
  created: boolean;
  automatic: boolean;
}

/**
 * A signed-in customer's request for an attestation. Serialized per customer and tenant, so the
 * idempotency key and the open-request limit hold under double clicks: the same key answers the
 * request it made the first time; a new key beyond the limit is refused with nothing written.
 */
export async function createAttestationRequest(input: { tenant: TenantRef; requester: Requester; data: CreateAttestationRequestInput; meta: RequestMeta | null; now?: Date }): Promise<CreatedRequest> {
  const { tenant, requester, data } = input;
  const now = input.now ?? new Date();
  return withTenant(tenant.id, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`attestation-requests:${tenant.id}:${requester.id}`}, 0))`;
    const existing = await tx.attestationRequest.findUnique({
      where: { tenantId_userId_idempotencyKey: { tenantId: tenant.id, userId: requester.id, idempotencyKey: data.idempotencyKey } },
      select: { id: true, automatic: true },
    });
    if (existing) return { requestId: existing.id, created: false, automatic: existing.automatic };

    const settings = await tx.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { openRequestLimit: true, autoApproveDomains: true } });
    // The NDA module's rule (current version, accepted within 12 months; or switched off / none written).
    const nda = await ndaRequirementIn(tx, tenant.id, requester.id, now);
    if (nda.required) throw new AppError("conflict", "the NDA must be accepted first", { reason: "ndaRequired" });
    const ndaAcceptanceId = nda.reason === "accepted" ? nda.acceptanceId : null;

    await assertRequestableCertifications(tx, tenant.id, data.certificationIds, now);
    const open = await tx.attestationRequest.count({ where: { tenantId: tenant.id, userId: requester.id, state: { in: [...OPEN_STATES] } } });
    if (open >= settings.openRequestLimit) throw new AppError("conflict", "open request limit reached", { reason: "openLimit", limit: settings.openRequestLimit });

    const automatic = qualifiesForAutoApproval(requester.email, settings.autoApproveDomains);
    const customer = await tx.customer.upsert({
      where: { tenantId_userId: { tenantId: tenant.id, userId: requester.id } },
      create: { tenantId: tenant.id, userId: requester.id, companyName: data.companyName },
      update: { companyName: data.companyName },
      select: { id: true },
    });
    const request = await tx.attestationRequest.create({
      data: {
        tenantId: tenant.id,
        userId: requester.id,
        customerId: customer.id,
        requesterEmail: requester.email,
        requesterName: requester.name,
        companyName: data.companyName,
        purpose: data.purpose,
        contractReference: data.contractReference ?? null,
        locale: data.locale,
        idempotencyKey: data.idempotencyKey,
        ndaAcceptanceId,
        automatic,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.attestationRequestCertification.createMany({
      data: data.certificationIds.map((certificationId) => ({ tenantId: tenant.id, requestId: request.id, certificationId })),
    });
    await tx.attestationEvent.createMany({
      data: { tenantId: tenant.id, requestId: request.id, fromState: null, toState: "SUBMITTED", actorId: requester.id, actorName: requester.name ?? requester.email, createdAt: now },
    });
    const actor = { id: requester.id, email: requester.email, name: requester.name };
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor,
      action: "attestation.requested",
      target: { type: "attestation_request", id: request.id },
      data: { certificationIds: data.certificationIds, companyName: data.companyName, locale: data.locale },
      meta: input.meta,
    });

    if (automatic) {
      const locked = { id: request.id, tenantId: tenant.id, userId: requester.id, state: "SUBMITTED" as const, revision: 0 };
      await applyTransition(tx, { tenantId: tenant.id, request: locked, name: "autoApprove", actor: SYSTEM, automatic: true, meta: input.meta });
      await issueLetter(tx, { tenantId: tenant.id, requestId: request.id, now, automatic: true });
      return { requestId: request.id, created: true, automatic: true };
    }
    // The reviewers hear of a request that waits for them (an auto-approved one does not).
    await enqueueOutbox(tx, { tenantId: tenant.id, kind: ATTESTATION_SUBMITTED, dedupeKey: `attestation.submitted:${request.id}`, payload: { requestId: request.id } });
    return { requestId: request.id, created: true, automatic: false };
  }, LETTER_TRANSACTION);
}

/** Every chosen certification must be this tenant's and currently attestable (not withdrawn, suspended or expired). */
async function assertRequestableCertifications(tx: Tx, tenantId: string, ids: readonly string[], now: Date): Promise<void> {
  const found = await tx.certification.count({
    where: { tenantId, id: { in: [...ids] }, withdrawn: false, suspended: false, validUntil: { gte: startOfUtcDay(now) } },
  });
  if (found !== ids.length) throw new AppError("invalid", "a chosen certification cannot be attested", { reason: "certificationUnavailable", field: "certificationIds" });
}

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
