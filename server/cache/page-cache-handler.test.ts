import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeFs } from "next/dist/server/lib/node-fs-methods.js";
import PageCacheHandler from "./page-cache-handler.mjs";
import { attachScriptPolicy, inlineScriptHashes, scriptPolicy } from "./script-hashes.mjs";

// Hashes written out by hand (printf 'x' | openssl dgst -sha256 -binary | base64), so the test does
// not merely repeat the implementation's own computation.
const HASH_ALERT = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"; // alert(1)
const HASH_EMPTY = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"; // (empty)
const HASH_TWO_LINES = "'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg='"; // a\nb

describe("inlineScriptHashes", () => {
  it("hashes each inline script's text exactly, once, in document order", () => {
    const html = '<html><head><script>alert(1)</script><script src="/_next/static/chunks/a.js" async=""></script></head>' + '<body><script id="_R_">alert(1)</script><SCRIPT type="text/javascript"></SCRIPT></body></html>';
    expect(inlineScriptHashes(html)).toEqual([HASH_ALERT, HASH_EMPTY]);
  });

  it("hashes after the HTML parser's newline normalization, as the browser does", () => {
    expect(inlineScriptHashes("<script>a\r\nb</script>")).toEqual([HASH_TWO_LINES]);
    expect(inlineScriptHashes("<script>a\rb</script>")).toEqual([HASH_TWO_LINES]);
    expect(inlineScriptHashes("<script>a\nb</script>")).toEqual([HASH_TWO_LINES]);
  });

  it("keeps unicode and Next's payload format intact", () => {
    const payload = 'self.__next_f.push([1,"Verschlüsselung – Maßnahmen \\u003c/script\\u003e"])';
    const expected = `'sha256-${createHash("sha256").update(Buffer.from(payload, "utf8")).digest("base64")}'`;
    expect(inlineScriptHashes(`<p>x</p><script>${payload}</script>`)).toEqual([expected]);
  });

  it("ignores external scripts and pages without scripts", () => {
    expect(inlineScriptHashes('<script src="/a.js"></script><script defer src=/b.js></script>')).toEqual([]);
    expect(inlineScriptHashes("<main>no scripts</main>")).toEqual([]);
    // "data-src" is not a src attribute: that script is inline.
    expect(inlineScriptHashes('<script data-src="x">alert(1)</script>')).toEqual([HASH_ALERT]);
  });
});

describe("scriptPolicy", () => {
  it("allows this origin's files and the listed inline scripts, no inline handlers", () => {
    expect(scriptPolicy([HASH_ALERT, HASH_EMPTY])).toBe(`script-src 'self' ${HASH_ALERT} ${HASH_EMPTY}; script-src-attr 'none'`);
    expect(scriptPolicy([])).toBe("script-src 'self'; script-src-attr 'none'");
  });
});

describe("attachScriptPolicy", () => {
  it("adds the policy to an App Router page once and leaves other entries alone", () => {
    const page: { kind: string; html: string; headers?: Record<string, unknown> } = { kind: "APP_PAGE", html: "<script>alert(1)</script>", headers: { "x-next-cache-tags": "tenant:mpmx" } };
    attachScriptPolicy(page);
    expect(page.headers).toEqual({ "x-next-cache-tags": "tenant:mpmx", "content-security-policy": `script-src 'self' ${HASH_ALERT}; script-src-attr 'none'` });
    page.html = "<script>changed()</script>";
    attachScriptPolicy(page);
    expect(page.headers?.["content-security-policy"]).toBe(`script-src 'self' ${HASH_ALERT}; script-src-attr 'none'`);

    const withoutHeaders: { kind: string; html: string; headers?: Record<string, unknown> } = { kind: "APP_PAGE", html: "<p></p>" };
    attachScriptPolicy(withoutHeaders);
    expect(withoutHeaders.headers).toEqual({ "content-security-policy": "script-src 'self'; script-src-attr 'none'" });

    const route = { kind: "APP_ROUTE", html: "<script>alert(1)</script>", headers: {} };
    attachScriptPolicy(route);
    expect(route.headers).toEqual({});
    const streamed = { kind: "APP_PAGE", html: { not: "a string" }, headers: {} };
    attachScriptPolicy(streamed);
    expect(streamed.headers).toEqual({});
    expect(() => attachScriptPolicy(null)).not.toThrow();
  });
});

describe("PageCacheHandler (Next's file-system cache underneath)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "page-cache-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // As Next constructs it for `next start`, without the shared memory layer: reads come from disk.
  const handler = new PageCacheHandler({ fs: nodeFs, flushToDisk: true, serverDistDir: dir, revalidatedTags: [], maxMemoryCacheSize: 0 });
  const context = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
  const entry = (status: number) => ({
    kind: "APP_PAGE",
    html: `<html><body><main>${status}</main><script>alert(1)</script></body></html>`,
    rscData: Buffer.from("0:{}"),
    headers: { "x-next-cache-tags": "tenant:mpmx" },
    status,
    segmentData: undefined,
    postponed: undefined,
  });

  it("stores a page with its script policy and serves both back", async () => {
    const page = entry(200);
    await handler.set("/mpmx/de/measures", page, { ...context, cacheControl: { revalidate: false } });
    // The object the first response is sent from carries the policy already.
    expect(page.headers).toEqual({ "x-next-cache-tags": "tenant:mpmx", "content-security-policy": `script-src 'self' ${HASH_ALERT}; script-src-attr 'none'` });
    expect(existsSync(path.join(dir, "app/mpmx/de/measures.html"))).toBe(true);
    const read = await handler.get("/mpmx/de/measures", context);
    expect(read?.value?.status).toBe(200);
    expect(read?.value?.html).toBe(page.html);
    expect(read?.value?.headers?.["content-security-policy"]).toBe(`script-src 'self' ${HASH_ALERT}; script-src-attr 'none'`);
  });

  it("does not keep a 404: nothing on disk, the next request renders again", async () => {
    await handler.set("/no-such-tenant/_", entry(404), { ...context, cacheControl: { revalidate: false } });
    expect(existsSync(path.join(dir, "app/no-such-tenant/_.html"))).toBe(false);
    expect(existsSync(path.join(dir, "app/no-such-tenant"))).toBe(false);
    expect(await handler.get("/no-such-tenant/_", context)).toBeNull();
  });
});
