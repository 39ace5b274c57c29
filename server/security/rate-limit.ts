import "server-only";
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";
import { getDb } from "../db/client";
import { env } from "../env";

// Limits shared by every app instance: in PostgreSQL (rate_limits) by default, in Redis when
// REDIS_URL is set. Keys never contain raw emails (hashed by the caller where it matters).
export const RATE_LIMITS = {
  /**
   * Password sign-in attempts per account and per IP address. A correct password gives the IP
   * address its point back: the per-IP limit counts failures, so the staff of one office behind a
   * shared address can all sign in, while guessing from one address stops after 30 wrong tries.
   */
  signInPerAccount: { points: 5, duration: 15 * 60 },
  signInPerIp: { points: 30, duration: 15 * 60 },
  /** Magic links requested per address and per IP address. */
  magicLinkPerEmail: { points: 3, duration: 15 * 60 },
  magicLinkPerIp: { points: 20, duration: 15 * 60 },
  /** Single sign-on starts per IP address (each fetches the provider's discovery document). */
  ssoStartPerIp: { points: 20, duration: 15 * 60 },
  /** Second-factor attempts per user. */
  totpPerUser: { points: 5, duration: 15 * 60 },
  /** Invitations sent per tenant. */
  invitationsPerTenant: { points: 50, duration: 60 * 60 },
  /** Trust centers a signed-in user creates at /new. */
  tenantsPerUser: { points: 5, duration: 24 * 60 * 60 },
  /** Subscribe requests (each may send a confirmation email) per IP address and per address. */
  subscribePerIp: { points: 20, duration: 60 * 60 },
  subscribePerEmail: { points: 3, duration: 60 * 60 },
  /** Attestation letter checks (/verify/{code}, page, JSON and file check) per IP address. */
  verifyPerIp: { points: 60, duration: 60 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

const holder = globalThis as unknown as { __vouchsafeLimiters?: Map<RateLimitName, Promise<RateLimiterAbstract>> };

async function createLimiter(name: RateLimitName): Promise<RateLimiterAbstract> {
  const { points, duration } = RATE_LIMITS[name];
  const url = env().REDIS_URL;
  if (url) {
    const { Redis } = await import("ioredis");
    // Commands wait for the connection (the first requests after a start) but fail fast when Redis
    // is down; the in-memory insurance limiter then keeps counting per instance instead of failing.
    const redis = new Redis(url, { maxRetriesPerRequest: 1 });
    redis.on("error", (error: Error) => console.error("[rate-limit] redis:", error.message));
    return new RateLimiterRedis({ storeClient: redis, keyPrefix: `rl:${name}`, points, duration, insuranceLimiter: new RateLimiterMemory({ points, duration }) });
  }
  return new RateLimiterPrisma({ storeClient: await getDb(), tableName: "rateLimit", keyPrefix: name, points, duration, clearExpiredByTimeout: false });
}

function limiter(name: RateLimitName) {
  const limiters = (holder.__vouchsafeLimiters ??= new Map());
  let pending = limiters.get(name);
  if (!pending) {
    pending = createLimiter(name);
    limiters.set(name, pending);
  }
  return pending;
}

/** Counts one attempt; throws AppError("rateLimited") with retryAfterSeconds when over the limit. */
export async function consume(name: RateLimitName, key: string): Promise<void> {
  try {
    await (await limiter(name)).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new AppError("rateLimited", `rate limit ${name}`, { retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) });
    }
    throw error;
  }
}

/** Gives back the one attempt `consume` counted for a key (an attempt that turned out legitimate). */
export async function refund(name: RateLimitName, key: string): Promise<void> {
  await (await limiter(name)).reward(key, 1);
}

/** Forgets the attempts of a key (after a successful sign-in). */
export async function reset(name: RateLimitName, key: string): Promise<void> {
  await (await limiter(name)).delete(key);
}
