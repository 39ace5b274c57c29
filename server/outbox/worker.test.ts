import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb, withTenant, withWorker } from "@/server/db/client";
import { connectTestDatabase } from "@/server/testing/database";
import { openFreshTestDatabase } from "@/server/testing/fresh-database";
import { enqueueOutbox } from "./enqueue";
import { outboxHandlers, type OutboxMessageView } from "./handlers";
import { OUTBOX_QUEUE, startOutboxWorker, type OutboxWorker } from "./worker";

// The outbox worker against the test database (PostgreSQL server or embedded PGlite), as the app
// role: pg-boss's schema comes from the migrations, the relay queues each message once, handlers
// run (and are retried) through pg-boss.
connectTestDatabase({ role: "app" });
process.env.OUTBOX_JOB_TIMEOUT_SECONDS = "30";

const calls: { id: string; payload: unknown }[] = [];
let failuresLeft = 0;
let worker: OutboxWorker;
let tenantId: string;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  // The worker relays every tenant's due messages: in the run's shared database it would first work
  // through everything the other test files left in the outbox.
  dropDatabase = (await openFreshTestDatabase()).drop;
  outboxHandlers["test.recorded"] = async (message: OutboxMessageView) => {
    calls.push({ id: message.id, payload: message.payload });
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new Error("handler failed on purpose");
    }
  };
  tenantId = randomUUID();
  await withTenant(tenantId, (tx) => tx.tenant.create({ data: { id: tenantId, slug: `worker-${tenantId.slice(0, 8)}`, name: "Worker test" }, select: { id: true } }));
  worker = await startOutboxWorker();
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  delete outboxHandlers["test.recorded"];
  await closeDb();
  await dropDatabase?.();
});

async function enqueue(kind: string, availableAt?: Date) {
  const dedupeKey = `${kind}:${randomUUID()}`;
  await withTenant(tenantId, (tx) => enqueueOutbox(tx, { tenantId, kind, dedupeKey, payload: { n: 1 }, ...(availableAt ? { availableAt } : {}) }));
  return withWorker((tx) => tx.outboxMessage.findUniqueOrThrow({ where: { dedupeKey } }));
}

const callsFor = (id: string) => calls.filter((call) => call.id === id).length;
const message = (id: string) => withWorker((tx) => tx.outboxMessage.findUniqueOrThrow({ where: { id } }));

/** Jobs pg-boss holds for a message (queued, active, done or archived). */
async function jobsFor(id: string): Promise<number> {
  const db = await getDb();
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT ((SELECT count(*) FROM pgboss.job WHERE name = $1 AND id = $2::uuid) + (SELECT count(*) FROM pgboss.archive WHERE name = $1 AND id = $2::uuid))::int AS n`,
    OUTBOX_QUEUE,
    id,
  );
  return rows[0]!.n;
}

describe("outbox worker", () => {
  it("dispatches a due message once and runs its handler once", async () => {
    const queued = await enqueue("test.recorded");
    await vi.waitFor(() => expect(callsFor(queued.id)).toBe(1), { timeout: 15_000, interval: 100 });
    expect(calls.find((call) => call.id === queued.id)!.payload).toEqual({ n: 1 });
    expect((await message(queued.id)).dispatchedAt).toBeInstanceOf(Date);
    expect(await jobsFor(queued.id)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(callsFor(queued.id)).toBe(1);
  });

  it("queues a message once even when a relay died between queueing and marking it dispatched", async () => {
    const queued = await enqueue("test.recorded");
    await vi.waitFor(() => expect(callsFor(queued.id)).toBe(1), { timeout: 15_000, interval: 100 });
    // The crash window: queued in pg-boss, but the outbox row still says undispatched.
    await withWorker((tx) => tx.outboxMessage.update({ where: { id: queued.id }, data: { dispatchedAt: null } }));
    await vi.waitFor(async () => expect((await message(queued.id)).dispatchedAt).toBeInstanceOf(Date), { timeout: 5000, interval: 100 });
    expect(await worker.relayOnce()).toBe(0);
    expect(await jobsFor(queued.id)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(callsFor(queued.id)).toBe(1);
  });

  it("leaves messages that are not due yet, or whose kind has no handler, in the outbox", async () => {
    const later = await enqueue("test.recorded", new Date(Date.now() + 60 * 60_000));
    const unknown = await enqueue(`test.unhandled`);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await message(later.id)).dispatchedAt).toBeNull();
    expect((await message(unknown.id)).dispatchedAt).toBeNull();
    expect(await jobsFor(later.id)).toBe(0);
    expect(await jobsFor(unknown.id)).toBe(0);
    expect(callsFor(later.id)).toBe(0);
  });

  it("retries a failing handler with backoff and logs one line per failed attempt", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      failuresLeft = 1;
      const queued = await enqueue("test.recorded");
      await vi.waitFor(() => expect(callsFor(queued.id)).toBe(2), { timeout: 25_000, interval: 200 });
      const lines = errors.mock.calls.map((args) => String(args[0])).filter((line) => line.includes(queued.dedupeKey));
      expect(lines).toEqual([`[worker] test.recorded ${queued.dedupeKey} attempt 1 failed: handler failed on purpose`]);
    } finally {
      errors.mockRestore();
    }
  }, 40_000);
});
