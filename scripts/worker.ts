// `npm run worker`: the outbox worker on its own, for scale (run the app with OUTBOX_WORKER=off
// and as many of these as needed against the same PostgreSQL). On the embedded PGlite only one
// process may open the folder, so there the app's own worker is the one that runs.
import "dotenv/config";
import { startWorkerOnce, stopOnSignals } from "@/server/outbox/run-in-process";

try {
  await startWorkerOnce();
  stopOnSignals({ exitAfterwards: true });
  console.log(`[worker] started (pid ${process.pid})`);
} catch (error) {
  console.error(`[worker] failed to start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
