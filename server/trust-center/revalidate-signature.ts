import "server-only";
import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { AuthorizationError } from "@/lib/errors";
import { isTenantSlug } from "@/lib/tenants/slug";
import { authSecret } from "../env";
import { safeEqual } from "../security/tokens";

// The internal revalidation request (POST /api/internal/revalidate) is signed, so that only a
// process holding AUTH_SECRET (the app itself, the worker, an operator script) can make the app
// drop a tenant's cached pages. What is signed is one tenant's slug with a timestamp and a nonce:
// a captured request cannot be turned against another tenant, expires after a minute, and is
// accepted once per app instance. Anything else costs the sender one HMAC and changes nothing,
// so the endpoint is no lever to bust caches with.

export const SIGNATURE_HEADER = "x-vouchsafe-signature";
/** How far a request's timestamp may be from the receiver's clock. */
export const MAX_SKEW_MS = 60_000;

export interface RevalidationRequest {
  slug: string;
  /** Milliseconds since the epoch. */
  timestamp: number;
  /** 128 random bits, hex. */
  nonce: string;
}

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "vouchsafe", "internal-revalidate:v1", 32));
}

export function signRevalidation(request: RevalidationRequest): string {
  return createHmac("sha256", key()).update(`v1\n${request.timestamp}\n${request.nonce}\n${request.slug}`).digest("hex");
}

export function newRevalidationRequest(slug: string, now = Date.now()): { body: RevalidationRequest; signature: string } {
  const body = { slug, timestamp: now, nonce: randomBytes(16).toString("hex") };
  return { body, signature: signRevalidation(body) };
}

export type RevalidationRefusal = "malformed" | "signature" | "expired" | "replayed";

/** Nonces accepted within the skew window, per process: a replayed request is refused. */
const seen = new Map<string, number>();
const MAX_SEEN = 10_000;

function remember(nonce: string, now: number): boolean {
  for (const [value, at] of seen) {
    if (at >= now - 2 * MAX_SKEW_MS && seen.size < MAX_SEEN) break;
    seen.delete(value);
  }
  if (seen.has(nonce)) return false;
  seen.set(nonce, now);
  return true;
}

/** Checks a received request; on success the slug is one the sender signed, once, within the last minute. */
export function verifyRevalidation(body: unknown, signature: string | null, now = Date.now()): { ok: true; slug: string } | { ok: false; refusal: RevalidationRefusal } {
  if (typeof body !== "object" || body === null || !signature || !/^[0-9a-f]{64}$/.test(signature)) return { ok: false, refusal: "malformed" };
  const { slug, timestamp, nonce } = body as Record<string, unknown>;
  if (typeof slug !== "string" || !isTenantSlug(slug) || typeof timestamp !== "number" || !Number.isSafeInteger(timestamp) || typeof nonce !== "string" || !/^[0-9a-f]{32}$/.test(nonce)) {
    return { ok: false, refusal: "malformed" };
  }
  if (!safeEqual(signRevalidation({ slug, timestamp, nonce }), signature)) return { ok: false, refusal: "signature" };
  if (Math.abs(now - timestamp) > MAX_SKEW_MS) return { ok: false, refusal: "expired" };
  if (!remember(nonce, now)) return { ok: false, refusal: "replayed" };
  return { ok: true, slug };
}

/** The slug of a verified request; anything else is the typed denial "unauthenticated" (answered 401). */
export function authorizeRevalidation(body: unknown, signature: string | null, now = Date.now()): string {
  const verdict = verifyRevalidation(body, signature, now);
  if (!verdict.ok) throw new AuthorizationError("unauthenticated", `internal revalidation refused: ${verdict.refusal}`);
  return verdict.slug;
}
