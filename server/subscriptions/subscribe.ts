import "server-only";
import { randomUUID } from "node:crypto";
import type { Locale } from "@/lib/i18n/locales";
import type { Topic } from "@/lib/validation/subscriptions";
import { withTenant } from "../db";
import { enqueueOutbox } from "../outbox/enqueue";
import { consume } from "../security/rate-limit";
import { seal } from "../security/secret-box";
import { hashToken, newToken } from "../security/tokens";
import { CONFIRM_TOKEN_TTL_MS, unsubscribeTokenHash } from "./tokens";

// Double opt-in. Subscribing writes (or refreshes) an unconfirmed subscription and, in the same
// transaction, an outbox message that mails the confirmation link; the answer is the same whether
// or not the address was subscribed before (an already confirmed address is told so by email, and
// nothing about it changes). The confirmation link opens a page whose button confirms (a POST):
// mail scanners that fetch links confirm nothing.

export const CONFIRM_MAIL_KIND = "subscription.confirm";
/** Sealed with secret-box: the outbox payload carries the token, but the database alone does not reveal it. */
export const CONFIRM_TOKEN_PURPOSE = "subscription-confirm";

export interface SubscribeRequest {
  tenantId: string;
  email: string;
  locale: Locale;
  topics: Topic[];
  ip: string | null;
}

export async function requestSubscription(request: SubscribeRequest): Promise<void> {
  await consume("subscribePerIp", request.ip ?? "unknown");
  await consume("subscribePerEmail", `${request.tenantId}:${hashToken(request.email)}`);
  await withTenant(request.tenantId, async (tx) => {
    const existing = await tx.subscription.findUnique({
      where: { tenantId_email: { tenantId: request.tenantId, email: request.email } },
      select: { id: true, confirmedAt: true },
    });
    if (existing?.confirmedAt) {
      await enqueueOutbox(tx, {
        tenantId: request.tenantId,
        kind: CONFIRM_MAIL_KIND,
        dedupeKey: `${CONFIRM_MAIL_KIND}:${existing.id}:already:${randomUUID()}`,
        payload: { subscriptionId: existing.id, already: true },
      });
      return;
    }
    const token = newToken();
    const confirmation = { confirmTokenHash: hashToken(token), confirmExpiresAt: new Date(Date.now() + CONFIRM_TOKEN_TTL_MS), locale: request.locale, topics: request.topics };
    let id = existing?.id;
    if (id) {
      await tx.subscription.update({ where: { id }, data: confirmation, select: { id: true } });
    } else {
      id = randomUUID();
      await tx.subscription.create({ data: { id, tenantId: request.tenantId, email: request.email, unsubscribeTokenHash: unsubscribeTokenHash(id), ...confirmation }, select: { id: true } });
    }
    await enqueueOutbox(tx, {
      tenantId: request.tenantId,
      kind: CONFIRM_MAIL_KIND,
      dedupeKey: `${CONFIRM_MAIL_KIND}:${id}:${confirmation.confirmTokenHash.slice(0, 32)}`,
      payload: { subscriptionId: id, token: seal(token, CONFIRM_TOKEN_PURPOSE) },
    });
  });
}

export type ConfirmOutcome = "confirmed" | "expired" | "unknown";

/** Confirms the subscription the token belongs to in this tenant; a token is used once. */
export async function confirmSubscription(tenantId: string, token: string, now = new Date()): Promise<ConfirmOutcome> {
  return withTenant(tenantId, async (tx) => {
    const subscription = await tx.subscription.findFirst({ where: { tenantId, confirmTokenHash: hashToken(token) }, select: { id: true, confirmExpiresAt: true } });
    if (!subscription) return "unknown";
    if (!subscription.confirmExpiresAt || subscription.confirmExpiresAt <= now) return "expired";
    // Conditional on the same token: two clicks at once confirm once.
    const { count } = await tx.subscription.updateMany({
      where: { id: subscription.id, confirmTokenHash: hashToken(token) },
      data: { confirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null },
    });
    return count === 1 ? "confirmed" : "unknown";
  });
}

export type UnsubscribeOutcome = "unsubscribed" | "unknown";

/** Ends the subscription (the row is deleted: nothing about the address is kept). */
export async function unsubscribeWithToken(tenantId: string, token: string): Promise<UnsubscribeOutcome> {
  return withTenant(tenantId, async (tx) => {
    const { count } = await tx.subscription.deleteMany({ where: { tenantId, unsubscribeTokenHash: hashToken(token) } });
    return count > 0 ? "unsubscribed" : "unknown";
  });
}
