import "server-only";
import { getDb } from "../db/client";
import { env } from "../env";
import type { OutboxMessageView } from "../outbox/handlers";
import { newRevalidationRequest, SIGNATURE_HEADER } from "./revalidate-signature";

// Invalidating a tenant's cached public pages from outside a Next request: the worker (in the app
// process or `npm run worker` on its own) and scripts cannot call revalidateTag themselves, which
// needs a request of the Next server. They ask the app over HTTP, with a signed request
// (revalidate-signature.ts), and the app's route handler calls revalidateTag.
//
// With several app instances, the cache must be shared between them (a Next cache handler) for one
// request to reach every instance's pages; the signed request is then sent once, to any instance.

export const REVALIDATE_PATH = "/api/internal/revalidate";

/** Asks the app at APP_ORIGIN to drop `slug`'s cached pages; throws unless it confirms (204), so a job retries. */
export async function requestTenantRevalidation(slug: string, origin = env().APP_ORIGIN): Promise<void> {
  const { body, signature } = newRevalidationRequest(slug);
  const response = await fetch(new URL(REVALIDATE_PATH, origin), {
    method: "POST",
    // Origin: the app's own, as the same-origin rule of every mutating request wants it.
    headers: { "content-type": "application/json", origin: new URL(origin).origin, [SIGNATURE_HEADER]: signature },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
    redirect: "error",
  });
  if (response.status !== 204) throw new Error(`revalidation of ${slug} answered HTTP ${response.status}`);
}

/**
 * Outbox handler for "trust-center.revalidate" (written for a scheduled version's effective date).
 * The tenant is the message's own, read from the database: a payload cannot name another tenant.
 */
export async function revalidateTenantPages(message: OutboxMessageView): Promise<void> {
  if (!message.tenantId) throw new Error(`${message.kind} ${message.id} has no tenant`);
  const db = await getDb();
  const tenant = await db.tenant.findUnique({ where: { id: message.tenantId }, select: { slug: true } });
  // A tenant deleted since: nothing of it is cached any more that anyone could see.
  if (!tenant) return;
  await requestTenantRevalidation(tenant.slug);
}
