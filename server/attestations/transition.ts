import "server-only";
import { checkTransition, transitionNamed, type AttestationStateName, type TransitionActor, type TransitionName } from "@/lib/attestations/transitions";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit/record";
import type { Tx } from "../db/client";
import { enqueueOutbox } from "../outbox/enqueue";
import type { RequestMeta } from "../request-context";

// The one place a request changes state: the row is locked, the transition table
// (lib/attestations/transitions.ts) decides, and the timeline event, the audit event and the
// outbox notification are written in the caller's transaction. Nothing else updates `state`.

export interface ActingParty {
  kind: TransitionActor;
  /** null for the system (auto-approval, expiry). */
  id: string | null;
  email: string | null;
  name?: string | null;
  roles?: readonly string[];
}

export const SYSTEM: ActingParty = { kind: "system", id: null, email: null };

export interface LockedRequest {
  id: string;
  tenantId: string;
  userId: string;
  state: AttestationStateName;
  revision: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Locks one request of this tenant until the transaction ends (50 parallel approvals queue here
 * and each sees the state the previous one left). Another tenant's or an unknown id is "not found".
 */
export async function lockRequest(tx: Tx, tenantId: string, requestId: string): Promise<LockedRequest> {
  if (!UUID.test(requestId)) throw new AppError("notFound", "no such attestation request");
  const rows = await tx.$queryRaw<Array<{ id: string; user_id: string; state: AttestationStateName; revision: number }>>`
    SELECT id, user_id, state::text AS state, revision FROM attestation_requests
    WHERE id = ${requestId}::uuid AND tenant_id = ${tenantId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("notFound", "no such attestation request");
  return { id: row.id, tenantId, userId: row.user_id, state: row.state, revision: Number(row.revision) };
}

export interface TransitionInput {
  tenantId: string;
  request: LockedRequest;
  name: TransitionName;
  actor: ActingParty;
  /** Reason, question or answer (required where the table says so). */
  message?: string | null;
  /** The revision the acting page showed; omitted by the system. */
  expectedRevision?: number;
  automatic?: boolean;
  meta: RequestMeta | null;
}

/** Applies one transition to a locked request; returns the request's new state and revision. */
export async function applyTransition(tx: Tx, input: TransitionInput): Promise<LockedRequest> {
  const { request, name, actor } = input;
  const transition = transitionNamed(name);
  const message = input.message?.trim() || null;
  const refusal = checkTransition(name, request.state, actor.kind, message);
  if (refusal === "wrongActor") throw new AppError("forbidden", `${actor.kind} may not ${name}`, { reason: "wrongActor" });
  if (refusal === "messageRequired") throw new AppError("invalid", `${name} needs a message`, { reason: "messageRequired", field: "message" });
  if (refusal) throw new AppError("conflict", `${name} is not allowed from ${request.state}`, { reason: "illegalTransition", state: request.state });
  if (input.expectedRevision !== undefined && input.expectedRevision !== request.revision) {
    throw new AppError("conflict", "the request changed meanwhile", { reason: "stale", state: request.state });
  }

  const revision = request.revision + 1;
  const decisionReason = name === "reject" || name === "revoke" ? message : undefined;
  const { count } = await tx.attestationRequest.updateMany({
    where: { id: request.id, tenantId: input.tenantId, revision: request.revision, state: request.state },
    data: { state: transition.to, revision, ...(decisionReason !== undefined ? { decisionReason } : {}) },
  });
  if (count !== 1) throw new AppError("conflict", "the request changed meanwhile", { reason: "stale" });

  await tx.attestationEvent.createMany({
    data: {
      tenantId: input.tenantId,
      requestId: request.id,
      fromState: request.state,
      toState: transition.to,
      actorId: actor.id,
      actorName: actor.name ?? actor.email,
      message,
      automatic: input.automatic ?? false,
    },
  });
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actor: { id: actor.id, email: actor.email, roles: actor.roles ?? [] },
    action: transition.audit,
    target: { type: "attestation_request", id: request.id },
    data: { from: request.state, to: transition.to, revision, automatic: input.automatic ?? false, ...(message ? { message } : {}) },
    meta: input.meta,
  });
  if (transition.notify) {
    await enqueueOutbox(tx, {
      tenantId: input.tenantId,
      kind: transition.notify === "customer" ? ATTESTATION_DECIDED : ATTESTATION_ANSWERED,
      // One mail per change: the revision names the change (information may be asked for twice).
      dedupeKey: `attestation.${name}:${request.id}:${revision}`,
      // The question or reason as written now: the mail may be sent after later steps.
      payload: { requestId: request.id, transition: name, state: transition.to, ...(message ? { message } : {}) },
    });
  }
  return { ...request, state: transition.to, revision };
}

/** Outbox kinds of this workflow (handlers in server/attestations/notifications.ts). */
export const ATTESTATION_SUBMITTED = "attestation.submitted";
export const ATTESTATION_ANSWERED = "attestation.answered";
export const ATTESTATION_DECIDED = "attestation.decided";
export const ATTESTATION_REMINDER = "attestation.reminder";

/** Lock + transition in one call, for callers holding nothing but the id (the letter module, periodic tasks). */
export async function fireTransition(tx: Tx, input: Omit<TransitionInput, "request"> & { requestId: string }): Promise<LockedRequest> {
  const request = await lockRequest(tx, input.tenantId, input.requestId);
  return applyTransition(tx, { ...input, request });
}
