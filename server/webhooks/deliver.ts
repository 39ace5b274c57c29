import "server-only";
import { lookup } from "node:dns/promises";
import { DeliveryStatus, type Prisma } from "@/lib/generated/prisma/client";
import { isPrivateAddress } from "@/lib/security/private-address";
import type { WEBHOOK_EVENT_NAMES } from "@/lib/validation/webhooks";
import { withTenant, withWorker } from "../db";
import { env } from "../env";
import { open } from "../security/secret-box";
import { DELIVERY_HEADER, EVENT_HEADER, signWebhook, TIMESTAMP_HEADER, SIGNATURE_HEADER } from "./signature";

// Webhook deliveries. An event writes one delivery row per active endpoint of the tenant that wants
// it (dedupe key per event and endpoint, so a retried job writes nothing twice) and attempts each at
// once; a delivery that fails is retried by the worker's sweep on an exponential schedule, and after
// the last attempt stays FAILED in the admins' delivery log.

export const WEBHOOK_SECRET_PURPOSE = "webhook-secret";
export type WebhookEvent = (typeof WEBHOOK_EVENT_NAMES)[number];

/** Attempts in all, the first included. */
export const MAX_WEBHOOK_ATTEMPTS = 8;
const FIRST_RETRY_SECONDS = 30;
const MAX_RETRY_SECONDS = 6 * 60 * 60;
const REQUEST_TIMEOUT_MS = 10_000;
/** A claimed delivery whose sender died is attempted again after this. */
const CLAIM_LEASE_MS = 60_000;

/** Seconds until the next attempt after `attempts` failed ones: 30 s, 1, 2, 4, 8, 16, 32 min; null = give up. */
export function retryDelaySeconds(attempts: number): number | null {
  if (attempts >= MAX_WEBHOOK_ATTEMPTS) return null;
  return Math.min(FIRST_RETRY_SECONDS * 2 ** (attempts - 1), MAX_RETRY_SECONDS);
}

export async function queueWebhookEvent(input: { tenantId: string; event: WebhookEvent; dedupeKey: string; payload: Prisma.InputJsonObject }): Promise<string[]> {
  const endpoints = await withTenant(input.tenantId, (tx) =>
    tx.webhookEndpoint.findMany({ where: { tenantId: input.tenantId, active: true }, select: { id: true, events: true } }),
  );
  const wanted = endpoints.filter((endpoint) => endpoint.events.length === 0 || endpoint.events.includes(input.event));
  if (wanted.length === 0) return [];
  const keys = wanted.map((endpoint) => `${input.dedupeKey}:${endpoint.id}`);
  await withWorker((tx) =>
    tx.webhookDelivery.createMany({
      data: wanted.map((endpoint, index) => ({
        tenantId: input.tenantId,
        endpointId: endpoint.id,
        dedupeKey: keys[index]!,
        event: input.event,
        payload: input.payload,
        nextAttemptAt: new Date(),
      })),
      skipDuplicates: true,
    }),
  );
  const rows = await withWorker((tx) => tx.webhookDelivery.findMany({ where: { dedupeKey: { in: keys } }, select: { id: true } }));
  return rows.map((row) => row.id);
}

/** Attempts the deliveries that are due (the worker's sweep); returns how many were attempted. */
export async function deliverDueWebhooks(limit = 20): Promise<number> {
  const due = await withWorker((tx) =>
    tx.webhookDelivery.findMany({
      where: { status: { in: [DeliveryStatus.PENDING, DeliveryStatus.FAILED, DeliveryStatus.SENDING] }, nextAttemptAt: { lte: new Date() } },
      orderBy: { nextAttemptAt: "asc" },
      take: limit,
      select: { id: true },
    }),
  );
  for (const { id } of due) await deliverWebhook(id);
  return due.length;
}

export type DeliveryOutcome = "delivered" | "failed" | "gave-up" | "skipped";

export async function deliverWebhook(deliveryId: string, fetchImpl: typeof fetch = fetch): Promise<DeliveryOutcome> {
  const now = new Date();
  // Claim: one sender per attempt; nextAttemptAt moves past the lease so a dead sender's claim expires.
  const { count } = await withWorker((tx) =>
    tx.webhookDelivery.updateMany({
      where: { id: deliveryId, status: { not: DeliveryStatus.SENT }, nextAttemptAt: { lte: now } },
      data: { status: DeliveryStatus.SENDING, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS), attempts: { increment: 1 } },
    }),
  );
  if (count === 0) return "skipped";
  const delivery = await withWorker((tx) =>
    tx.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, select: { id: true, tenantId: true, endpointId: true, event: true, payload: true, attempts: true, createdAt: true } }),
  );
  const endpoint = await withTenant(delivery.tenantId, (tx) => tx.webhookEndpoint.findUnique({ where: { id: delivery.endpointId }, select: { url: true, secret: true, active: true } }));

  let statusCode: number | null = null;
  let problem: string | null = null;
  if (!endpoint?.active) {
    problem = "endpoint disabled";
  } else {
    const body = JSON.stringify({ id: delivery.id, event: delivery.event, createdAt: delivery.createdAt.toISOString(), data: delivery.payload });
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      if (env().APP_ENV === "production" && !(await resolvesPublicly(new URL(endpoint.url).hostname))) throw new Error("address not allowed");
      const response = await fetchImpl(endpoint.url, {
        method: "POST",
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        headers: {
          "content-type": "application/json",
          "user-agent": "Vouchsafe-Webhooks/1",
          [EVENT_HEADER]: delivery.event,
          [DELIVERY_HEADER]: delivery.id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(open(endpoint.secret, WEBHOOK_SECRET_PURPOSE), timestamp, body),
        },
      });
      statusCode = response.status;
      await response.body?.cancel();
      if (response.status < 200 || response.status >= 300) problem = `HTTP ${response.status}`;
    } catch (error) {
      problem = error instanceof Error ? (error.name === "TimeoutError" ? "timeout" : error.message) : String(error);
    }
  }

  if (!problem) {
    await withWorker((tx) =>
      tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: DeliveryStatus.SENT, deliveredAt: new Date(), lastStatusCode: statusCode, lastError: null, nextAttemptAt: null } }),
    );
    return "delivered";
  }
  const delay = endpoint?.active ? retryDelaySeconds(delivery.attempts) : null;
  await withWorker((tx) =>
    tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: DeliveryStatus.FAILED, lastStatusCode: statusCode, lastError: problem.slice(0, 300), nextAttemptAt: delay === null ? null : new Date(Date.now() + delay * 1000) },
    }),
  );
  console.error(`[worker] webhook ${delivery.event} ${delivery.id} attempt ${delivery.attempts} failed: ${problem}${delay === null ? " (giving up)" : ""}`);
  return delay === null ? "gave-up" : "failed";
}

export async function resolvesPublicly(hostname: string): Promise<boolean> {
  try {
    const addresses = await lookup(hostname.replace(/^\[|\]$/g, ""), { all: true, verbatim: true });
    return addresses.length > 0 && addresses.every((entry) => !isPrivateAddress(entry.address));
  } catch {
    return false;
  }
}
