import "server-only";
import type { TransitionName } from "@/lib/attestations/transitions";
import { AppError } from "@/lib/errors";
import type { TenantRef } from "../auth/guard";
import { withTenant, withUser } from "../db/client";
import { currentActorRoles, type StaffActor } from "../members/context";
import type { RequestMeta } from "../request-context";
import { issueLetter } from "./letter";
import { applyTransition, lockRequest, type LockedRequest } from "./transition";

// The reviewer's and the customer's decisions on one request. Each runs in one transaction under
// the request's row lock: the state the page showed (revision) must still be the state, so a second
// click, a second reviewer or 50 parallel approvals change it once and are refused after that.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ReviewerTransition = Extract<TransitionName, "startReview" | "requestInformation" | "approve" | "reject" | "revoke">;
export type CustomerTransition = Extract<TransitionName, "withdraw" | "answer">;

export interface ReviewDecision {
  tenant: TenantRef;
  actor: StaffActor & { name?: string | null };
  requestId: string;
  revision: number;
  name: ReviewerTransition;
  message?: string | null;
  meta: RequestMeta | null;
  now?: Date;
}

/**
 * A transaction that could not even start because every pooled connection is busy (Prisma P2028,
 * e.g. 50 reviewers clicking at once while the first renders the letter) is tried again after a
 * short, jittered pause: it then sees the decided state and is refused as any late click is.
 */
/** Approval renders the letter's PDF inside the transaction: more than Prisma's default 5 s on a busy machine. */
export const LETTER_TRANSACTION = { timeout: 30_000 } as const;

export async function retryWhenPoolBusy<T>(run: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      // P2028 is also "transaction timed out": only a transaction that never started is safe to retry.
      const busy = typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2028" && String((error as { message?: unknown }).message).includes("Unable to start a transaction");
      if (!busy || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
    }
  }
}

export async function decideRequest(input: ReviewDecision): Promise<LockedRequest> {
  const now = input.now ?? new Date();
  return retryWhenPoolBusy(() => withTenant(input.tenant.id, async (tx) => {
    // The reviewer's roles as they are now, not as the session began.
    const roles = await currentActorRoles(tx, input.tenant.id, input.actor, "attestations.review");
    const request = await lockRequest(tx, input.tenant.id, input.requestId);
    const actor = { kind: "reviewer" as const, id: input.actor.id, email: input.actor.email, name: input.actor.name ?? null, roles };
    const changed = await applyTransition(tx, { tenantId: input.tenant.id, request, name: input.name, actor, message: input.message, expectedRevision: input.revision, meta: input.meta });
    if (input.name === "approve") {
      // Approval issues the letter in the same transaction: approved without a letter never commits.
      await issueLetter(tx, { tenantId: input.tenant.id, requestId: request.id, now, automatic: false });
      return lockRequest(tx, input.tenant.id, request.id);
    }
    if (input.name === "revoke") {
      await tx.attestationLetter.update({ where: { requestId: request.id }, data: { revokedAt: now, revokedReason: input.message?.trim() ?? "" } });
    }
    return changed;
  }, LETTER_TRANSACTION));
}

export interface CustomerDecision {
  user: { id: string; email: string; name: string | null };
  requestId: string;
  revision: number;
  name: CustomerTransition;
  message?: string | null;
  meta: RequestMeta | null;
}

/**
 * The customer withdraws or answers their own request (from /account, any tenant): the request is
 * found through their own rows, then changed in its tenant's context. Someone else's request is
 * "not found", exactly like one that does not exist.
 */
export async function customerDecision(input: CustomerDecision): Promise<LockedRequest & { tenantSlug: string }> {
  if (!UUID.test(input.requestId)) throw new AppError("notFound", "no such attestation request");
  const own = await withUser(input.user.id, (tx) =>
    tx.attestationRequest.findFirst({ where: { id: input.requestId, userId: input.user.id }, select: { tenantId: true, tenant: { select: { slug: true } } } }),
  );
  if (!own) throw new AppError("notFound", "no such attestation request");
  const changed = await retryWhenPoolBusy(() =>
    withTenant(own.tenantId, async (tx) => {
      const request = await lockRequest(tx, own.tenantId, input.requestId);
      if (request.userId !== input.user.id) throw new AppError("notFound", "no such attestation request");
      const actor = { kind: "customer" as const, id: input.user.id, email: input.user.email, name: input.user.name };
      return applyTransition(tx, { tenantId: own.tenantId, request, name: input.name, actor, message: input.message, expectedRevision: input.revision, meta: input.meta });
    }),
  );
  return { ...changed, tenantSlug: own.tenant.slug };
}
