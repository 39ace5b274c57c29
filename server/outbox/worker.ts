import "server-only";
import type PgBoss from "pg-boss";
import { withWorker } from "../db";
import { env } from "../env";
import { outboxHandlers, type OutboxMessageView } from "./handlers";
import { createJobEngine } from "./job-engine";
import { deliverDueWebhooks } from "../webhooks/deliver";
import { periodicTasks } from "./periodic";

// The outbox worker. A relay moves due, undispatched outbox messages into the pg-boss queue
// "outbox" (the job id is the message id, so a message is queued once even if two relays race or
// one dies between queueing and marking) and marks them dispatched; pg-boss workers run the
// handler registered for the message's kind, with retries and exponential backoff; periodic tasks
// run on pg-boss schedules. Everything a handler sends is deduplicated (sendEmailOnce, webhook
// deliveries), so at-least-once delivery of jobs never becomes a duplicate email.

export const OUTBOX_QUEUE = "outbox";
/** Per relay pass; the next pass follows at once while messages keep coming. */
const RELAY_BATCH = 100;
const RELAY_INTERVAL_MS = 1000;
/** Jobs worked at the same time per process (each pg-boss work() call is one fetch loop). */
const PARALLEL_JOBS = 2;

export interface OutboxWorker {
  /** Queues due messages once; returns how many were queued. */
  relayOnce(): Promise<number>;
  /** Stops taking work, lets running jobs finish (up to 20 s) and releases the database. */
  stop(): Promise<void>;
}

interface OutboxJob {
  id: string;
}

/** pg-boss queue names allow letters, digits and underscores only. */
export function periodicQueueName(taskName: string): string {
  return `periodic_${taskName.replace(/\W/g, "_")}`.slice(0, 50);
}

export async function startOutboxWorker(): Promise<OutboxWorker> {
  const boss = await createJobEngine();
  boss.on("error", (error: Error) => console.error(`[worker] job engine: ${error.message}`));
  await boss.start();

  await boss.createQueue(OUTBOX_QUEUE, {
    name: OUTBOX_QUEUE,
    // 5 s, 10 s, 20 s, ... (pg-boss doubles the delay per retry), ten retries: about 1.5 hours.
    retryLimit: 10,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: env().OUTBOX_JOB_TIMEOUT_SECONDS,
    retentionDays: 7,
  });
  for (let lane = 0; lane < PARALLEL_JOBS; lane++) {
    await boss.work<OutboxJob>(OUTBOX_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
      if (job) await runOutboxJob(job.data.id, job.retryCount);
    });
  }
  await schedulePeriodicTasks(boss);

  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const relayOnce = () => relay(boss);
  const loop = () => {
    // Webhook retries are due on their own schedule (server/webhooks/deliver.ts); the sweep rides along.
    running = Promise.all([relayOnce(), deliverDueWebhooks()])
      .then(([queued]) => queued)
      .catch((error: unknown) => {
        console.error(`[worker] relay: ${error instanceof Error ? error.message : error}`);
        return 0;
      })
      .then((queued) => {
        if (!stopping) timer = setTimeout(loop, queued === RELAY_BATCH ? 0 : RELAY_INTERVAL_MS);
      });
  };
  loop();

  return {
    relayOnce,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await running;
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}

async function relay(boss: PgBoss): Promise<number> {
  // Only kinds this version of the app can handle: a message of a kind whose handler has not landed
  // yet waits in the outbox instead of failing its retries.
  const kinds = Object.keys(outboxHandlers);
  if (kinds.length === 0) return 0;
  const due = await withWorker((tx) =>
    tx.outboxMessage.findMany({
      where: { dispatchedAt: null, availableAt: { lte: new Date() }, kind: { in: kinds } },
      orderBy: { availableAt: "asc" },
      take: RELAY_BATCH,
      select: { id: true },
    }),
  );
  if (due.length === 0) return 0;
  // ON CONFLICT DO NOTHING on (queue, id): a message queued by an earlier pass is not queued again.
  await boss.insert(due.map(({ id }) => ({ name: OUTBOX_QUEUE, id, data: { id } satisfies OutboxJob })));
  const ids = due.map(({ id }) => id);
  await withWorker((tx) => tx.outboxMessage.updateMany({ where: { id: { in: ids }, dispatchedAt: null }, data: { dispatchedAt: new Date() } }));
  return due.length;
}

/** Runs the handler of one outbox message; throws (so pg-boss retries) when it fails. */
export async function runOutboxJob(messageId: string, retryCount = 0): Promise<void> {
  const message: OutboxMessageView | null = await withWorker((tx) =>
    tx.outboxMessage.findUnique({ where: { id: messageId }, select: { id: true, tenantId: true, kind: true, dedupeKey: true, payload: true, createdAt: true } }),
  );
  // Gone with its tenant: nothing left to announce.
  if (!message) return;
  const handler = outboxHandlers[message.kind];
  try {
    if (!handler) throw new Error(`no handler for kind ${message.kind}`);
    await handler(message);
  } catch (error) {
    // One line per failed attempt; pg-boss retries with backoff.
    console.error(`[worker] ${message.kind} ${message.dedupeKey} attempt ${retryCount + 1} failed: ${describe(error)}`);
    throw error;
  }
}

async function schedulePeriodicTasks(boss: PgBoss) {
  const wanted = new Map(periodicTasks.map((task) => [periodicQueueName(task.name), task]));
  for (const [queue, task] of wanted) {
    await boss.createQueue(queue, { name: queue, retryLimit: 2, retryDelay: 30, expireInSeconds: env().OUTBOX_JOB_TIMEOUT_SECONDS, retentionDays: 1 });
    await boss.schedule(queue, task.cron, {}, { tz: "UTC" });
    await boss.work(queue, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => {
      try {
        await task.run(new Date());
      } catch (error) {
        console.error(`[worker] periodic ${task.name} failed: ${describe(error)}`);
        throw error;
      }
    });
  }
  // A task removed from the code stops being scheduled.
  for (const schedule of await boss.getSchedules()) {
    if (schedule.name.startsWith("periodic_") && !wanted.has(schedule.name)) await boss.unschedule(schedule.name);
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError) {
    const first = error.errors[0];
    return `${error.message}; first: ${first instanceof Error ? first.message : String(first)}`;
  }
  return error instanceof Error ? error.message : String(error);
}
