// HTTP load with autocannon, always against the loopback server the benchmark started.
import autocannon from "autocannon";

export const CONNECTIONS = 50;
export const DURATION_S = 10;

export type PageResult = {
  path: string;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses with a status outside 2xx. */
  non2xx: number;
  /** Connection errors and timeouts (autocannon counts timeouts among errors). */
  errors: number;
  /** No response within autocannon's 10 s timeout. */
  timeouts: number;
  statusCodes: Record<string, number>;
};

/**
 * The first request of a cacheable page renders it and stores it; later ones should be cache hits.
 * Redirects are not followed: autocannon does not follow them either and would count them as non-2xx.
 */
export type WarmUp = { timings: number[]; bytes: number; cache: string | null };

export async function warmUp(baseUrl: string, path: string, times = 5): Promise<WarmUp> {
  const timings: number[] = [];
  let bytes = 0;
  let cache: string | null = null;
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    const response = await fetch(baseUrl + path, { redirect: "manual", signal: AbortSignal.timeout(30_000) }).catch((error: unknown) => {
      throw new Error(`warm-up: ${path}: ${error instanceof Error ? error.message : String(error)}`);
    });
    bytes = (await response.arrayBuffer()).byteLength;
    timings.push(performance.now() - started);
    if (response.status < 200 || response.status > 299) throw new Error(`warm-up: ${path} answered HTTP ${response.status}`);
    // Next's own verdict on the last request (HIT = served from its page cache): shown in the report.
    cache = response.headers.get("x-nextjs-cache");
  }
  return { timings, bytes, cache };
}

/** Request headers of a browser that matter to the server's answer: it accepts compressed bodies. */
export const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br, zstd" };

export async function measure(baseUrl: string, path: string, durationS = DURATION_S, headers: Record<string, string> = {}): Promise<PageResult> {
  const result = await autocannon({ url: baseUrl + path, connections: CONNECTIONS, duration: durationS, headers });
  return {
    path,
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
  };
}
