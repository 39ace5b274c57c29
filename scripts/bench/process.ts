// Child processes the benchmark owns. Each one leads its own process group (detached), because
// `npm start` and `npx next build` fork grandchildren (sh, tsx, next workers) that a plain
// child.kill() would orphan on the port; stop() signals the whole group.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export type ProcessGroup = { pid: number; exited: Promise<number>; stop(): Promise<void> };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: every member of the group has exited
  }
}

/**
 * Spawns `command` in a new process group. Output is inherited, or (with `prefix`) forwarded line by
 * line with that prefix so server logs stay distinguishable from the benchmark's own report.
 */
export function spawnGroup(command: string, args: string[], env: NodeJS.ProcessEnv, prefix?: string): ProcessGroup {
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", prefix ? "pipe" : "inherit", prefix ? "pipe" : "inherit"] });
  if (prefix) {
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on("line", (line) => console.log(`${prefix}${line}`));
    }
  }
  const exited = new Promise<number>((resolve) => {
    child.on("error", (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const pid = child.pid;
  if (pid === undefined) return { pid: -1, exited, stop: async () => {} };

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (!signalGroup(pid, "SIGTERM")) return;
      // Next shuts down within a second or two; give it ten before forcing.
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
        await sleep(100);
        if (!signalGroup(pid, 0)) return;
      }
      signalGroup(pid, "SIGKILL");
    })());
  return { pid, exited, stop };
}

/** Runs a step to completion; throws when it exits non-zero. */
export async function runStep(command: string, args: string[], env: NodeJS.ProcessEnv, onSpawn?: (group: ProcessGroup) => void) {
  const group = spawnGroup(command, args, env);
  onSpawn?.(group);
  const code = await group.exited;
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${code})`);
}
