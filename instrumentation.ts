// Next calls register() once when a server starts. In the Node.js runtime of a running server (not
// during `next build`) it starts the outbox worker, unless OUTBOX_WORKER=off.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startWorkerInApp } = await import("./server/outbox/run-in-process");
  await startWorkerInApp();
}
