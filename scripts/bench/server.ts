// The production server exactly as deployed: `npm start` (migrate + seed demo data, then
// server/http/serve.mjs) on the benchmark's own build folder and database. Load only ever targets 127.0.0.1.
import { createServer } from "node:net";
import { BENCH_DIST_DIR } from "./build";
import { onCleanup } from "./cleanup";
import { sleep, spawnGroup } from "./process";

const READY_TIMEOUT_MS = 180_000;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** First free port from `start` on: another run (or a developer's server) may hold 3300. */
export async function findFreePort(start = 3300): Promise<number> {
  for (let port = start; port < start + 100; port += 1) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${start}-${start + 99}`);
}

export type BenchServer = { baseUrl: string; stop(): Promise<void> };

export async function startServer(port: number, databaseEnv: Record<string, string>): Promise<BenchServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    PORT: String(port),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    APP_ORIGIN: baseUrl,
    // The bench measures public pages; no mail is sent and the demo secret is fine.
    APP_ENV: "test",
    // The in-app outbox worker polls the database every second; its transactions would be counted
    // as if page requests caused them. Deployments may run it apart too (`npm run worker`).
    OUTBOX_WORKER: "off",
  };
  // PGLITE_DIR wins over DATABASE_URL in the app: only the bench database may be visible.
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  Object.assign(env, databaseEnv);

  // No `--hostname 127.0.0.1`: with a hostname other than the default, Next 16 treats the proxy's
  // same-origin rewrites as external (it proxies to http://localhost:PORT, which rewrites again, in
  // a loop) and every tenant page times out. Plain `npm start`, as deployed.
  const server = spawnGroup("npm", ["start"], env, "  │ ");
  const stop = onCleanup("stop server", () => server.stop());
  try {
    await waitUntilReady(`${baseUrl}/about`, server.exited);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

async function waitUntilReady(url: string, exited: Promise<number>): Promise<void> {
  let exitCode: number | undefined;
  void exited.then((code) => (exitCode = code));
  const started = Date.now();
  let lastProblem = "no answer yet";
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (exitCode !== undefined) throw new Error(`server exited with code ${exitCode} before answering ${url}`);
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === 200) {
        console.log(`[bench] server ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return;
      }
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(500);
  }
  throw new Error(`server not ready after ${READY_TIMEOUT_MS / 1000} s (${url}: ${lastProblem})`);
}
