import "server-only";
import { AWAITING_REVIEW_STATES } from "@/lib/attestations/transitions";
import { getDb, withTenant } from "../db/client";
import { enqueueOutbox } from "../outbox/enqueue";
import type { PeriodicTask } from "../outbox/periodic";
import { ATTESTATION_REMINDER, fireTransition, SYSTEM } from "./transition";

// Clock-driven steps of the workflow. Both are idempotent: an expired request is no longer ISSUED,
// and a reminder's dedupe key names the request (one reminder per request, however often this runs).

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Every tenant, or only the given ones (tests run beside other tests' tenants). */
async function tenantIds(only?: readonly string[]): Promise<string[]> {
  const db = await getDb();
  const tenants = await db.tenant.findMany({ where: only ? { id: { in: [...only] } } : {}, select: { id: true }, orderBy: { createdAt: "asc" } });
  return tenants.map((t) => t.id);
}

/** ISSUED → EXPIRED once the letter's valid-until day has passed. Returns how many expired. */
export async function expireIssuedRequests(now: Date, only?: readonly string[]): Promise<number> {
  let expired = 0;
  for (const tenantId of await tenantIds(only)) {
    expired += await withTenant(tenantId, async (tx) => {
      const due = await tx.attestationRequest.findMany({ where: { tenantId, state: "ISSUED", letter: { validUntil: { lt: startOfUtcDay(now) }, revokedAt: null } }, select: { id: true }, take: 500 });
      for (const { id } of due) await fireTransition(tx, { tenantId, requestId: id, name: "expire", actor: SYSTEM, automatic: true, meta: null });
      return due.length;
    });
  }
  return expired;
}

/** A reminder to the reviewers for each request that has waited longer than the tenant's setting. */
export async function remindReviewers(now: Date, only?: readonly string[]): Promise<number> {
  let reminded = 0;
  for (const tenantId of await tenantIds(only)) {
    reminded += await withTenant(tenantId, async (tx) => {
      const { reviewReminderHours } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { reviewReminderHours: true } });
      const before = new Date(now.getTime() - reviewReminderHours * 60 * 60_000);
      const waiting = await tx.attestationRequest.findMany({ where: { tenantId, state: { in: [...AWAITING_REVIEW_STATES] }, updatedAt: { lt: before }, reminderSentAt: null }, select: { id: true }, take: 500 });
      let count = 0;
      for (const request of waiting) {
        count += await enqueueOutbox(tx, { tenantId, kind: ATTESTATION_REMINDER, dedupeKey: `attestation.reminder:${request.id}`, payload: { requestId: request.id } });
        // Raw: a Prisma update would bump updated_at, which is the waiting time itself.
        await tx.$executeRaw`UPDATE attestation_requests SET reminder_sent_at = ${now} WHERE id = ${request.id}::uuid AND reminder_sent_at IS NULL`;
      }
      return count;
    });
  }
  return reminded;
}

export const attestationPeriodicTasks: PeriodicTask[] = [
  { name: "attestations.expire", cron: "*/15 * * * *", run: async (now) => void (await expireIssuedRequests(now)) },
  { name: "attestations.remind", cron: "*/10 * * * *", run: async (now) => void (await remindReviewers(now)) },
];
