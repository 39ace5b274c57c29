import { createHmac, timingSafeEqual } from "node:crypto";

// Webhook signatures (no "server-only": receivers and tests verify with the same code). The
// signature is HMAC-SHA256 over `${timestamp}.${body}` with the endpoint's secret, sent as
//   X-Vouchsafe-Timestamp: 1764300000
//   X-Vouchsafe-Signature: v1=<hex>
// Signing the timestamp with the body lets a receiver refuse replays older than a few minutes.

export const SIGNATURE_HEADER = "x-vouchsafe-signature";
export const TIMESTAMP_HEADER = "x-vouchsafe-timestamp";
export const EVENT_HEADER = "x-vouchsafe-event";
export const DELIVERY_HEADER = "x-vouchsafe-delivery";

/** A receiver should refuse timestamps further than this from its clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}

export type SignatureProblem = "missing" | "malformed" | "stale" | "mismatch";

/** What a receiver does: null when the request is authentic and fresh. */
export function verifyWebhook(
  secret: string,
  request: { signature: string | null; timestamp: string | null; body: string },
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureProblem | null {
  if (!request.signature || !request.timestamp) return "missing";
  if (!/^\d{1,12}$/.test(request.timestamp) || !/^v1=[0-9a-f]{64}$/.test(request.signature)) return "malformed";
  const timestamp = Number(request.timestamp);
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return "stale";
  const expected = Buffer.from(signWebhook(secret, timestamp, request.body));
  const given = Buffer.from(request.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? null : "mismatch";
}
