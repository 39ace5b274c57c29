// Publish → visible for `npm run bench` (target < 1 s): runs scripts/bench/publish-visible.ts in its
// own process (server code needs the react-server condition) against the running production server
// and its database. The embedded PGlite folder is held by the server process alone, so this part
// needs the PostgreSQL bench database (DATABASE_URL).
import { execFile } from "node:child_process";
import { promisify } from "node:util";

export const PUBLISH_TARGET_MS = 1000;

export interface PublishResult {
  runs: number;
  medianMs: number;
  p95Ms: number;
  /** Medians of the parts: the publishing transaction, the signed invalidation request. */
  publishMedianMs: number;
  invalidateMedianMs: number;
  samplesMs: number[];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

export async function benchPublishToVisible(baseUrl: string, databaseEnv: Record<string, string>, runs = 7): Promise<PublishResult | null> {
  if (!databaseEnv.DATABASE_URL) return null;
  const env: NodeJS.ProcessEnv = { ...process.env, ...databaseEnv, APP_ORIGIN: baseUrl, APP_ENV: "test" };
  delete env.PGLITE_DIR;
  const { stdout } = await promisify(execFile)("npx", ["tsx", "--conditions=react-server", "scripts/bench/publish-visible.ts", baseUrl, String(runs)], { env, maxBuffer: 1 << 20 });
  const line = stdout.trim().split("\n").at(-1) ?? "";
  const { runs: samples } = JSON.parse(line) as { runs: Array<{ publishMs: number; invalidateMs: number; visibleMs: number }> };
  const visible = samples.map((s) => s.visibleMs).sort((a, b) => a - b);
  return {
    runs: samples.length,
    medianMs: percentile(visible, 50),
    p95Ms: percentile(visible, 95),
    publishMedianMs: median(samples.map((s) => s.publishMs)),
    invalidateMedianMs: median(samples.map((s) => s.invalidateMs)),
    samplesMs: samples.map((s) => Number(s.visibleMs.toFixed(1))),
  };
}

export function describePublish(result: PublishResult | null): string {
  if (!result) return "publish → visible: not measured (the embedded PGlite folder is the server's alone; set DATABASE_URL to measure it)";
  const ms = (value: number) => value.toFixed(0);
  return (
    `publish → visible (${result.runs} runs, approveAndPublish → public page shows it): median ${ms(result.medianMs)} ms, p95 ${ms(result.p95Ms)} ms ` +
    `(transaction ${ms(result.publishMedianMs)} ms, invalidation ${ms(result.invalidateMedianMs)} ms) → ${result.p95Ms < PUBLISH_TARGET_MS ? "PASS" : "FAIL"} (target < ${PUBLISH_TARGET_MS} ms)`
  );
}
