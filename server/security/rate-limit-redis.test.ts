import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";

// With REDIS_URL set, the limits live in Redis, so that several app instances share one count.
// Needs a Redis server: TEST_REDIS_URL (CI starts one; without it the suite says so as "skipped").
const redisUrl = process.env.TEST_REDIS_URL;
connectTestDatabase({ role: "app" });

describe.skipIf(!redisUrl)("rate limits in Redis", () => {
  afterAll(async () => {
    // process.env outlives this file in the worker.
    delete process.env.REDIS_URL;
    await (await import("../db/client")).closeDb();
  });

  it("counts in Redis under the limit's prefix and refuses the attempt over the limit", async () => {
    process.env.REDIS_URL = redisUrl;
    const { consume, RATE_LIMITS } = await import("./rate-limit");
    const { Redis } = await import("ioredis");
    const redis = new Redis(redisUrl!);
    const key = `vitest-${Date.now()}`;
    try {
      for (let i = 0; i < RATE_LIMITS.totpPerUser.points; i++) await consume("totpPerUser", key);
      expect(Number(await redis.get(`rl:totpPerUser:${key}`))).toBe(RATE_LIMITS.totpPerUser.points);
      await expect(consume("totpPerUser", key)).rejects.toMatchObject({ code: "rateLimited" });
      const ttl = await redis.pttl(`rl:totpPerUser:${key}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(RATE_LIMITS.totpPerUser.duration * 1000);
      // Nothing was written to the PostgreSQL fallback table.
      const { getDb } = await import("../db/client");
      expect(await (await getDb()).rateLimit.count({ where: { key: { contains: key } } })).toBe(0);
    } finally {
      await redis.del(`rl:totpPerUser:${key}`);
      redis.disconnect();
    }
  });
});

// One limiter per process: with TEST_REDIS_URL this file tests Redis, without it the table
// (server/auth/sign-in.test.ts exercises the table in every run).
describe.skipIf(redisUrl)("rate limits in PostgreSQL (no REDIS_URL)", () => {
  it("counts in the rate_limits table and refuses the attempt over the limit", async () => {
    const { consume, RATE_LIMITS } = await import("./rate-limit");
    const { getDb, closeDb } = await import("../db/client");
    const key = `vitest-${Date.now()}`;
    for (let i = 0; i < RATE_LIMITS.totpPerUser.points; i++) await consume("totpPerUser", key);
    await expect(consume("totpPerUser", key)).rejects.toMatchObject({ code: "rateLimited" });
    const row = await (await getDb()).rateLimit.findUniqueOrThrow({ where: { key: `totpPerUser:${key}` } });
    expect(row.points).toBe(RATE_LIMITS.totpPerUser.points + 1);
    await closeDb();
  });
});
