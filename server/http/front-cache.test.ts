import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearFrontCache, createFrontCache, frontCachedListener, frontCacheKey, registerFrontCache, type Entry } from "./front-cache.mjs";

const entry = (bytes: number, storedAt = 0): Entry => ({ status: 200, headers: [], body: Buffer.alloc(bytes), gzip: null, storedAt, bytes });
const request = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers: { host: "Trust.Example:3000", ...headers } }) as unknown as IncomingMessage;

describe("createFrontCache", () => {
  it("evicts the least recently used entries beyond maxBytes", () => {
    const cache = createFrontCache({ maxBytes: 100, now: () => 0 });
    cache.set("a", entry(40));
    cache.set("b", entry(40));
    expect(cache.get("a")).not.toBeNull(); // a is now the most recently used
    cache.set("c", entry(40));
    expect(cache.get("b")).toBeNull();
    expect(cache.get("a")).not.toBeNull();
    expect(cache.get("c")).not.toBeNull();
    expect(cache.bytes).toBe(80);
    cache.set("huge", entry(101));
    expect(cache.get("huge")).toBeNull();
    expect(cache.size).toBe(2);
  });

  it("forgets an entry after ttlMs, and everything on clear()", () => {
    let now = 1_000;
    const cache = createFrontCache({ ttlMs: 500, now: () => now });
    cache.set("a", entry(10, now));
    now = 1_499;
    expect(cache.get("a")).not.toBeNull();
    now = 1_500;
    expect(cache.get("a")).toBeNull();
    expect(cache.bytes).toBe(0);
    cache.set("b", entry(10, now));
    const generation = cache.generation;
    cache.clear();
    expect(cache.get("b")).toBeNull();
    expect(cache.generation).toBe(generation + 1);
  });
});

describe("frontCacheKey", () => {
  it("keys plain GET and HEAD page requests by host and URL", () => {
    expect(frontCacheKey(request("GET", "/mpmx/measures?lang=en"))).toBe("trust.example:3000 /mpmx/measures?lang=en");
    expect(frontCacheKey(request("HEAD", "/about"))).toBe("trust.example:3000 /about");
  });

  it("leaves posts, assets, API routes and the client router's requests to Next", () => {
    expect(frontCacheKey(request("POST", "/mpmx/subscribe"))).toBeNull();
    expect(frontCacheKey(request("GET", "/_next/static/chunks/a.js"))).toBeNull();
    expect(frontCacheKey(request("GET", "/api/unsubscribe/x"))).toBeNull();
    expect(frontCacheKey(request("GET", "/mpmx/measures?_rsc=abc"))).toBeNull();
    expect(frontCacheKey(request("GET", "http://other.example/"))).toBeNull();
    for (const header of ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url"]) {
      expect(frontCacheKey(request("GET", "/mpmx/measures", { [header]: "1" })), header).toBeNull();
    }
  });
});

describe("frontCachedListener (a real HTTP server, Next replaced by a handler that counts)", () => {
  /** gzip: answered compressed, as Next does for a client that accepts it. */
  type Reply = { status: number; headers: Record<string, string | string[]>; body: string; delayMs?: number; gzip?: boolean };
  const replies = new Map<string, Reply>();
  const seen: Array<{ url: string; acceptEncoding: string | undefined }> = [];
  const cache = createFrontCache();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    seen.push({ url: req.url ?? "", acceptEncoding: req.headers["accept-encoding"] });
    const reply = replies.get(req.url ?? "") ?? { status: 404, headers: { "content-type": "text/html" }, body: "404" };
    const send = () => {
      for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
      res.statusCode = reply.status;
      if (reply.gzip) {
        const compressed = gzipSync(reply.body);
        res.setHeader("content-encoding", "gzip");
        res.write(compressed.subarray(0, 10));
        res.end(compressed.subarray(10));
        return;
      }
      res.write(reply.body.slice(0, 5));
      res.end(reply.body.slice(5));
    };
    if (reply.delayMs) setTimeout(send, reply.delayMs);
    else send();
  };
  const server = http.createServer(frontCachedListener({ handle, cache }));
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    cache.clear();
    seen.length = 0;
    replies.clear();
  });

  const page = "<!DOCTYPE html><html><body><main>" + "Maßnahmen ".repeat(300) + "</main></body></html>";
  const cachedPage = (extra: Record<string, string | string[]> = {}): Reply => ({
    status: 200,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "x-nextjs-cache": "HIT",
      "content-security-policy": ["default-src 'self'", "script-src 'none'"],
      vary: "rsc, next-router-state-tree",
      ...extra,
    },
    body: page,
  });
  const get = (path: string, init: RequestInit = {}) => fetch(base + path, init);
  /** node:http instead of fetch: fetch sets Host and decodes gzip itself. */
  const rawGet = (path: string, headers: Record<string, string>) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(base + path, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });

  it("keeps what Next served from its page cache and answers the next requests itself, byte for byte", async () => {
    replies.set("/mpmx/measures", cachedPage());
    const first = await rawGet("/mpmx/measures", { "accept-encoding": "identity" });
    expect(first.body.toString("utf8")).toBe(page);
    // Next is asked as the client asked (it compresses for clients that accept gzip).
    expect(seen).toEqual([{ url: "/mpmx/measures", acceptEncoding: "identity" }]);

    const second = await get("/mpmx/measures", { headers: { "accept-encoding": "identity" } });
    expect(seen).toHaveLength(1);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(page);
    expect(second.headers.get("content-length")).toBe(String(Buffer.byteLength(page)));
    expect(second.headers.get("content-encoding")).toBeNull();
    // Both policies are sent as two headers, as Next sent them.
    expect(second.headers.get("content-security-policy")).toBe("default-src 'self', script-src 'none'");
    expect(second.headers.get("vary")).toBe("rsc, next-router-state-tree, Accept-Encoding");
    expect(second.headers.get("x-nextjs-cache")).toBe("HIT");

    const head = await get("/mpmx/measures", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(seen).toHaveLength(1);
  });

  it("sends a gzip copy, made once, to a client that accepts it", async () => {
    replies.set("/mpmx/measures", cachedPage({ vary: "rsc, Accept-Encoding" }));
    await get("/mpmx/measures");
    const raw = await rawGet("/mpmx/measures", { "accept-encoding": "br;q=1, gzip;q=0.8" });
    expect(raw.headers["content-encoding"]).toBe("gzip");
    expect(raw.headers.vary).toBe("rsc, Accept-Encoding");
    expect(gunzipSync(raw.body).toString("utf8")).toBe(page);
    expect(raw.body.length).toBeLessThan(Buffer.byteLength(page) / 5);
    const refused = await fetch(`${base}/mpmx/measures`, { headers: { "accept-encoding": "gzip;q=0" } });
    expect(refused.headers.get("content-encoding")).toBeNull();
    expect(seen).toHaveLength(1);
  });

  it("keeps a page Next sent gzip-compressed, and answers clients without gzip with the plain page", async () => {
    replies.set("/mpmx/measures", { ...cachedPage({ vary: "rsc, Accept-Encoding" }), gzip: true });
    const first = await rawGet("/mpmx/measures", { "accept-encoding": "gzip, deflate" });
    expect(seen).toEqual([{ url: "/mpmx/measures", acceptEncoding: "gzip, deflate" }]);
    expect(first.headers["content-encoding"]).toBe("gzip");
    const again = await rawGet("/mpmx/measures", { "accept-encoding": "gzip" });
    expect(again.headers["content-encoding"]).toBe("gzip");
    expect(again.body.equals(first.body)).toBe(true);
    const plain = await rawGet("/mpmx/measures", {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["content-length"]).toBe(String(Buffer.byteLength(page)));
    expect(plain.body.toString("utf8")).toBe(page);
    expect(seen).toHaveLength(1);
  });

  it("passes other encodings through without keeping them", async () => {
    replies.set("/deflated", cachedPage({ "content-encoding": "deflate" }));
    await rawGet("/deflated", { "accept-encoding": "deflate" });
    await rawGet("/deflated", { "accept-encoding": "deflate" });
    expect(seen.map((s) => s.url)).toEqual(["/deflated", "/deflated"]);
    expect(cache.size).toBe(0);
  });

  it("keeps nothing else: a render (MISS), an error, a cookie, a non-HTML answer, a post", async () => {
    replies.set("/miss", cachedPage({ "x-nextjs-cache": "MISS" }));
    replies.set("/stale", cachedPage({ "x-nextjs-cache": "STALE" }));
    replies.set("/dynamic", { status: 200, headers: { "content-type": "text/html" }, body: page });
    replies.set("/missing", { ...cachedPage(), status: 404 });
    replies.set("/cookie", cachedPage({ "set-cookie": "a=b" }));
    replies.set("/feed.xml", cachedPage({ "content-type": "application/atom+xml" }));
    const paths = ["/miss", "/stale", "/dynamic", "/missing", "/cookie", "/feed.xml"];
    for (const path of [...paths, ...paths]) expect(await (await get(path)).text(), path).toBe(page);
    expect(seen.map((s) => s.url)).toEqual([...paths, ...paths]);

    replies.set("/mpmx/subscribe", cachedPage());
    await (await get("/mpmx/subscribe", { method: "POST", body: "x=1" })).text();
    await (await get("/mpmx/subscribe", { method: "POST", body: "x=1" })).text();
    expect(seen.filter((s) => s.url === "/mpmx/subscribe")).toHaveLength(2);
    expect(cache.size).toBe(0);
  });

  it("separates hosts and query strings", async () => {
    replies.set("/mpmx/measures", cachedPage());
    replies.set("/mpmx/measures?lang=en", cachedPage());
    await (await get("/mpmx/measures")).text();
    await (await get("/mpmx/measures?lang=en")).text();
    await rawGet("/mpmx/measures", { host: "trust.mpmx.example" });
    await (await get("/mpmx/measures")).text();
    expect(seen.map((s) => s.url)).toEqual(["/mpmx/measures", "/mpmx/measures?lang=en", "/mpmx/measures"]);
  });

  it("starts over on clearFrontCache(), and does not keep a response that was being made meanwhile", async () => {
    registerFrontCache(cache);
    replies.set("/mpmx/measures", cachedPage());
    await (await get("/mpmx/measures")).text();
    clearFrontCache();
    await (await get("/mpmx/measures")).text();
    expect(seen).toHaveLength(2);

    // A publication lands while the old page is on its way: that page is sent, but not kept.
    cache.clear();
    replies.set("/slow", { ...cachedPage(), delayMs: 100 });
    const inFlight = get("/slow");
    await new Promise((resolve) => setTimeout(resolve, 30));
    clearFrontCache();
    expect(await (await inFlight).text()).toBe(page);
    await (await get("/slow")).text();
    expect(seen.filter((s) => s.url === "/slow")).toHaveLength(2);
    // With no request in flight, the next one is kept again.
    await (await get("/slow")).text();
    expect(seen.filter((s) => s.url === "/slow")).toHaveLength(2);
  });
});
