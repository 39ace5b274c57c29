import "server-only";
import { createHmac, hkdfSync } from "node:crypto";
import { authSecret, env } from "../env";
import { hashToken } from "../security/tokens";

// The one-click unsubscribe token of a subscription is derived from its id with a key only the
// server has, so every email can carry it while the database stores only its hash (like every
// other token). Confirmation tokens are random and single-use (server/subscriptions/subscribe.ts).

/** Confirmation links expire after two days. */
export const CONFIRM_TOKEN_TTL_MS = 48 * 60 * 60 * 1000;

function unsubscribeKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "vouchsafe", "subscription-unsubscribe", 32));
}

export function unsubscribeToken(subscriptionId: string): string {
  return createHmac("sha256", unsubscribeKey()).update(subscriptionId, "utf8").digest("base64url");
}

export function unsubscribeTokenHash(subscriptionId: string): string {
  return hashToken(unsubscribeToken(subscriptionId));
}

/**
 * The List-Unsubscribe address (app/api/unsubscribe/[tenant]/[token]/route.ts): GET leads to a
 * confirmation page, POST is the one-click unsubscribe (RFC 8058) mail clients send without Origin.
 */
export function unsubscribeUrl(tenantSlug: string, subscriptionId: string, locale?: string): string {
  return `${env().APP_ORIGIN}/api/unsubscribe/${tenantSlug}/${unsubscribeToken(subscriptionId)}${locale ? `?lang=${locale}` : ""}`;
}

export function confirmUrl(tenantSlug: string, token: string, locale: string): string {
  return `${env().APP_ORIGIN}/${tenantSlug}/subscribe/confirm/${token}?lang=${locale}`;
}
