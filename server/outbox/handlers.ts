import "server-only";
import { revalidateTenantPages } from "../trust-center/revalidate";
import { handleCertificationChanged, handleCertificationExpiring } from "../certifications/watch-notify";
import { attestationHandlers } from "../attestations/notifications";
import { sendSubscriptionConfirmation } from "../subscriptions/confirm-mail";
import { announcePublishedVersion, announceVersionInEffect } from "../subscriptions/measures-mail";

// What the worker does with each kind of outbox message. A feature that writes a kind adds its
// handler here (one line each). A handler may run more than once for one message (at-least-once
// delivery): everything it sends goes through a dedupe key (sendEmailOnce, webhook deliveries).

export interface OutboxMessageView {
  id: string;
  tenantId: string | null;
  kind: string;
  dedupeKey: string;
  payload: unknown;
  createdAt: Date;
}

export type OutboxHandler = (message: OutboxMessageView) => Promise<void>;

export const outboxHandlers: Record<string, OutboxHandler> = {
  "subscription.confirm": sendSubscriptionConfirmation,
  "measures.published": announcePublishedVersion,
  "measures.took_effect": announceVersionInEffect,
  // A scheduled measures version's effective date: the tenant's cached pages show it as current.
  "trust-center.revalidate": revalidateTenantPages,
  "certification.changed": handleCertificationChanged,
  "certification.expiring": handleCertificationExpiring,
  // Attestation requests: reviewers on a new request, an answer or a reminder; the customer on every decision.
  ...attestationHandlers,
};
