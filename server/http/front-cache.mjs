// @ts-check
import { gunzipSync, gzipSync } from "node:zlib";

// The front cache: the public pages Next serves from its page cache, kept as finished responses in
// memory and served without entering Next at all.
//
// Why: a cache hit in Next still runs its whole request pipeline (router, proxy.ts, the app-page
// handler, its page cache): ~3 ms of CPU per request on the benchmark machine, which capped a
// trivial page at ~300 req/s on two cores, with p99 latencies of seconds under 50 connections.
// Answering from memory costs a small fraction of that (`npm run bench` shows the numbers).
//
// What is kept: exactly what Next itself served from its page cache (x-nextjs-cache: HIT, 200, an
// HTML page, no cookie): those bytes are the same for everyone already. Everything else (the
// signed-in area, per-request pages, RSC requests of client navigation, posts, assets) goes to
// Next as before, compressed by Next as before. Each entry holds the page plain and gzip-compressed
// (as Next sent it, or compressed here once), for clients with and without gzip.
//
// Freshness: any revalidateTag/revalidatePath in this process (publishing, a certification change,
// a scheduled version becoming current; server/cache/page-cache-handler.mjs) and any change of a
// custom domain (server/tenants/domains.ts) empties the cache through clearFrontCache(); entries
// also expire after ttlMs, which bounds what another instance's change can leave behind here.
// Memory is bounded (maxBytes, least recently used first out), so made-up query strings cannot
// grow it.

const GLOBAL_KEY = Symbol.for("vouchsafe.frontCache");

/** Request headers with which a page request is not a plain document request (Next's client router). */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url"];
/** Response headers not replayed: per connection, or recomputed when sent. */
const NOT_REPLAYED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date"]);

/**
 * @typedef {{ status: number; headers: Array<[string, string | string[]]>; body: Buffer; gzip: Buffer | null; storedAt: number; bytes: number }} Entry
 * @typedef {{ get(key: string): Entry | null; set(key: string, entry: Entry): void; clear(): void; readonly generation: number; readonly size: number; readonly bytes: number }} FrontCache
 */

/**
 * @param {{ maxBytes?: number; ttlMs?: number; now?: () => number }} [options]
 * @returns {FrontCache}
 */
export function createFrontCache({ maxBytes = 32 * 1024 * 1024, ttlMs = 30_000, now = Date.now } = {}) {
  /** @type {Map<string, Entry>} insertion order = least recently used first */
  const entries = new Map();
  let bytes = 0;
  let generation = 0;
  /** @param {string} key */
  const remove = (key) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (now() - entry.storedAt >= ttlMs) {
        remove(key);
        return null;
      }
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    },
    set(key, entry) {
      if (entry.bytes > maxBytes) return;
      remove(key);
      entries.set(key, entry);
      bytes += entry.bytes;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
    },
    clear() {
      entries.clear();
      bytes = 0;
      generation += 1;
    },
    get generation() {
      return generation;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}

/** Makes `cache` the one clearFrontCache() empties (one per process). @param {FrontCache} cache */
export function registerFrontCache(cache) {
  /** @type {any} */ (globalThis)[GLOBAL_KEY] = cache;
}

/** Empties this process's front cache, if it runs one (not under `next dev` or in tests). */
export function clearFrontCache() {
  /** @type {FrontCache | undefined} */ (/** @type {any} */ (globalThis)[GLOBAL_KEY])?.clear();
}

/**
 * The cache key of a request that may be answered from the front cache, or null.
 * @param {import("node:http").IncomingMessage} request
 * @returns {string | null}
 */
export function frontCacheKey(request) {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const url = request.url ?? "";
  if (!url.startsWith("/") || url.startsWith("/_next/") || url.startsWith("/api/") || url.includes("_rsc=")) return null;
  if (ROUTER_HEADERS.some((name) => request.headers[name] !== undefined)) return null;
  return `${(request.headers.host ?? "").toLowerCase()} ${url}`;
}

/** @param {string | undefined} header */
function acceptsGzip(header) {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [coding = "", ...params] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "gzip") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Sends a stored response.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {Entry} entry
 */
export function sendEntry(request, response, entry) {
  const gzip = entry.gzip !== null && acceptsGzip(request.headers["accept-encoding"]);
  const body = gzip && entry.gzip ? entry.gzip : entry.body;
  /** @type {Array<[string, string | string[]]>} */
  const headers = [...entry.headers, ["content-length", String(body.length)]];
  if (gzip) headers.push(["content-encoding", "gzip"]);
  response.writeHead(entry.status, headers.flatMap(([name, value]) => (Array.isArray(value) ? value.map((v) => [name, v]) : [[name, value]])).flat());
  response.end(request.method === "HEAD" ? undefined : body);
}

/**
 * Lets `handle` answer the request and keeps the response when Next served it from its page cache.
 * Next compresses as it always does (the client's Accept-Encoding reaches it unchanged); only a
 * response that can be kept is collected, decided at its first bytes, when its headers are set.
 * @param {FrontCache} cache
 * @param {string} key
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {() => number} now
 */
function captureResponse(cache, key, request, response, now) {
  if (request.method !== "GET") return;
  const generation = cache.generation;
  /** @type {Buffer[] | null | undefined} undefined until the first bytes, null when not kept */
  let chunks;
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  /** @param {unknown} chunk @param {unknown} encoding */
  const collect = (chunk, encoding) => {
    if (chunks === undefined) chunks = keepable(response) ? [] : null;
    if (chunks === null) return;
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  /** @type {any} */ (response).write = (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) => {
    collect(chunk, rest[0]);
    return write(chunk, ...rest);
  };
  /** @type {any} */ (response).end = (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) => {
    if (chunk !== undefined && typeof chunk !== "function") collect(chunk, rest[0]);
    const result = end(chunk, ...rest);
    // Cleared while this response was being made: it may predate the change, so it is not kept.
    if (chunks && cache.generation === generation) {
      const entry = entryFrom(response, Buffer.concat(chunks), now());
      if (entry) cache.set(key, entry);
    }
    return result;
  };
}

/**
 * Whether a response is one Next served from its page cache: the same bytes for everyone.
 * @param {import("node:http").ServerResponse} response
 */
function keepable(response) {
  const encoding = response.getHeader("content-encoding");
  return (
    response.statusCode === 200 &&
    response.getHeader("x-nextjs-cache") === "HIT" &&
    response.getHeader("set-cookie") === undefined &&
    (encoding === undefined || encoding === "gzip") &&
    String(response.getHeader("content-type") ?? "").startsWith("text/html")
  );
}

/**
 * The entry for a finished response, or null when it is not one Next served from its page cache.
 * `sent` is the body as sent: plain, or gzip when Next compressed it for this client; the entry
 * holds both forms (a plain body is compressed here, once, when it is worth it).
 * @param {import("node:http").ServerResponse} response
 * @param {Buffer} sent
 * @param {number} storedAt
 * @returns {Entry | null}
 */
export function entryFrom(response, sent, storedAt) {
  if (!keepable(response)) return null;
  const compressed = response.getHeader("content-encoding") === "gzip";
  const body = compressed ? gunzipSync(sent) : sent;
  const gzip = compressed ? sent : body.length >= 1024 ? gzipSync(body) : null;
  /** @type {Array<[string, string | string[]]>} */
  const headers = [];
  for (const [name, value] of Object.entries(response.getHeaders())) {
    if (value === undefined || NOT_REPLAYED.has(name)) continue;
    headers.push([name, Array.isArray(value) ? value : String(value)]);
  }
  const vary = headers.find(([name]) => name === "vary");
  if (!vary) headers.push(["vary", "Accept-Encoding"]);
  else if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(String(vary[1]))) vary[1] = `${vary[1]}, Accept-Encoding`;
  const size = body.length + (gzip?.length ?? 0) + headers.reduce((sum, [name, value]) => sum + name.length + String(value).length, 0);
  return { status: 200, headers, body, gzip, storedAt, bytes: size };
}

/**
 * The server's request listener: the front cache in front of Next's handler.
 * @param {{ handle: (request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => unknown; cache: FrontCache; now?: () => number }} options
 * @returns {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => void}
 */
export function frontCachedListener({ handle, cache, now = Date.now }) {
  return (request, response) => {
    const key = frontCacheKey(request);
    if (key !== null) {
      const entry = cache.get(key);
      if (entry) {
        sendEntry(request, response, entry);
        return;
      }
      captureResponse(cache, key, request, response, now);
    }
    void handle(request, response);
  };
}
