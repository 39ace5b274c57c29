// One place that undoes what the benchmark set up (server, database, files), in reverse order,
// whether the run succeeds, throws, or is interrupted (Ctrl-C, SIGTERM from CI).
type Task = { label: string; fn: () => Promise<void> | void };
const tasks: Task[] = [];

/** Registers an undo step; the returned function runs it now (once) and unregisters it. */
export function onCleanup(label: string, fn: () => Promise<void> | void): () => Promise<void> {
  const task: Task = { label, fn };
  tasks.push(task);
  return async () => {
    const index = tasks.indexOf(task);
    if (index === -1) return;
    tasks.splice(index, 1);
    await task.fn();
  };
}

let running: Promise<void> | undefined;

/**
 * Single flight: on a signal, the handler and the main flow (which fails once the server is gone)
 * both call this; whichever exits the process must wait for the same, complete cleanup.
 */
export function cleanupAll(): Promise<void> {
  return (running ??= (async () => {
    while (tasks.length > 0) {
      const task = tasks.pop()!;
      try {
        await task.fn();
      } catch (error) {
        // Keep going: a failed database drop must not leave the server running.
        console.error(`[bench] cleanup "${task.label}" failed:`, error instanceof Error ? error.message : error);
      }
    }
  })());
}

let interruptedBy: NodeJS.Signals | undefined;

/** Called between phases: after a signal, nothing new should start against a server being stopped. */
export function throwIfInterrupted(): void {
  if (interruptedBy) throw new Error(`interrupted by ${interruptedBy}`);
}

export function cleanupOnSignals(): void {
  const codes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes) as [NodeJS.Signals, number][]) {
    // `on`, not `once`: tsx and npm relay the signal a second time, and a second SIGINT without a
    // listener would kill the process in the middle of dropping the database.
    process.on(signal, () => {
      if (interruptedBy) return;
      interruptedBy = signal;
      console.error(`\n[bench] ${signal}: cleaning up`);
      void cleanupAll().finally(() => process.exit(code));
    });
  }
}
