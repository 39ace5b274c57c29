import "server-only";
import { closeDb } from "../db/client";
import { env } from "../env";
import { startOutboxWorker, type OutboxWorker } from "./worker";

// Starting the worker inside a long-running process (the Next server, `npm run worker`) and stopping
// it gracefully on SIGTERM/SIGINT: running jobs finish, then the database is released.
const holder = globalThis as unknown as { __vouchsafeWorker?: Promise<OutboxWorker> };

export function startWorkerOnce(): Promise<OutboxWorker> {
  return (holder.__vouchsafeWorker ??= startOutboxWorker());
}

/** The app's own worker, unless OUTBOX_WORKER=off (separate `npm run worker` processes deliver). */
export async function startWorkerInApp(): Promise<void> {
  if (env().OUTBOX_WORKER === "off") return;
  try {
    await startWorkerOnce();
    stopOnSignals({ exitAfterwards: false });
  } catch (error) {
    holder.__vouchsafeWorker = undefined;
    // The app still serves pages; the outbox waits for a worker.
    console.error(`[worker] not started: ${error instanceof Error ? error.message : error}`);
  }
}

let hooked = false;
export function stopOnSignals({ exitAfterwards }: { exitAfterwards: boolean }) {
  if (hooked) return;
  hooked = true;
  const stop = async (signal: NodeJS.Signals) => {
    const pending = holder.__vouchsafeWorker;
    holder.__vouchsafeWorker = undefined;
    try {
      await (await pending)?.stop();
      if (exitAfterwards) await closeDb();
    } catch (error) {
      console.error(`[worker] stop: ${error instanceof Error ? error.message : error}`);
    }
    if (exitAfterwards) process.exit(signal === "SIGINT" ? 130 : 0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
