import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeFs } from "next/dist/server/lib/node-fs-methods.js";
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import PageCacheHandler from "./page-cache-handler.mjs";
import { createFrontCache, registerFrontCache } from "../http/front-cache.mjs";
import { inlineScriptHashes, PAGES_WITH_SCRIPTS, pageRoute, preparePage, scriptPolicy, withoutScripts } from "./page-scripts.mjs";

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
  it("allows no script at all in HTML without one", () => {
    expect(scriptPolicy("<main>no scripts</main>")).toBe("script-src 'none'");
  });

  it("allows this origin's files and the page's inline scripts, no inline handlers", () => {
    expect(scriptPolicy("<script>alert(1)</script><script></script>")).toBe(`script-src 'self' ${HASH_ALERT} ${HASH_EMPTY}; script-src-attr 'none'`);
    expect(scriptPolicy('<script src="/_next/static/chunks/a.js"></script>')).toBe("script-src 'self'; script-src-attr 'none'");
  });
});

describe("pageRoute", () => {
  it("reads the route from Next's implicit cache tags", () => {
    const tags = "_N_T_/layout,_N_T_/[tenant]/layout,_N_T_/[tenant]/[lang]/layout,_N_T_/[tenant]/[lang]/measures/layout,_N_T_/[tenant]/[lang]/measures/page,_N_T_/mpmx/_/measures,tenant:mpmx";
    expect(pageRoute({ "x-next-cache-tags": tags })).toBe("/[tenant]/[lang]/measures/page");
    expect(pageRoute({ "x-next-cache-tags": "_N_T_/layout,_N_T_/site/[lang]/page,_N_T_/site/de" })).toBe("/site/[lang]/page");
    expect(pageRoute({ "x-next-cache-tags": "tenant:mpmx" })).toBeNull();
    expect(pageRoute({})).toBeNull();
    expect(pageRoute(undefined)).toBeNull();
  });
});

describe("withoutScripts", () => {
  it("removes every script element and Next's script preload hints, nothing else", () => {
    const html =
      '<html><head><link rel="stylesheet" href="/a.css"/><link rel="preload" href="/f.woff2" as="font" crossorigin=""/>' +
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/x.js"/><link rel="modulepreload" href="/m.js"/>' +
      '<script src="/_next/static/chunks/a.js" async=""></script><script id="_R_">(globalThis.T=1)</script></head>' +
      '<body><main><p>Verschlüsselung &lt;script&gt;</p><details><summary>s</summary>d</details></main>' +
      '<script>self.__next_f.push([1,"\\u003c/script\\u003e"])</script><SCRIPT type="text/javascript">\nx()\n</SCRIPT></body></html>';
    expect(withoutScripts(html)).toBe(
      '<html><head><link rel="stylesheet" href="/a.css"/><link rel="preload" href="/f.woff2" as="font" crossorigin=""/></head>' +
        "<body><main><p>Verschlüsselung &lt;script&gt;</p><details><summary>s</summary>d</details></main></body></html>",
    );
  });
});

describe("preparePage", () => {
  const tags = (route: string): Record<string, unknown> => ({ "x-next-cache-tags": `_N_T_/layout,_N_T_${route},tenant:mpmx` });

  it("serves a document without scripts and allows none", () => {
    const page: { kind: string; html: string; headers?: Record<string, unknown> } = {
      kind: "APP_PAGE",
      html: '<main>Maßnahmen</main><script src="/_next/static/chunks/a.js"></script><script>alert(1)</script>',
      headers: tags("/[tenant]/[lang]/measures/page"),
    };
    preparePage(page);
    expect(page.html).toBe("<main>Maßnahmen</main>");
    expect(page.headers).toEqual({ ...tags("/[tenant]/[lang]/measures/page"), "content-security-policy": "script-src 'none'" });
  });

  it("keeps the scripts of a page with a form and names their hashes", () => {
    const html = '<form></form><script src="/_next/static/chunks/a.js"></script><script>alert(1)</script>';
    const page = { kind: "APP_PAGE", html, headers: tags("/[tenant]/[lang]/subscribe/page") };
    preparePage(page);
    expect(page.html).toBe(html);
    expect(page.headers["content-security-policy"]).toBe(`script-src 'self' ${HASH_ALERT}; script-src-attr 'none'`);
  });

  it("prepares once: a page that carries its policy is left alone", () => {
    const page = { kind: "APP_PAGE", html: "<script>alert(1)</script>", headers: tags("/[tenant]/[lang]/subscribe/page") };
    preparePage(page);
    const policy = page.headers["content-security-policy"];
    page.html = "<script>changed()</script>";
    page.headers["x-next-cache-tags"] = "_N_T_/[tenant]/[lang]/measures/page";
    preparePage(page);
    expect(page.html).toBe("<script>changed()</script>");
    expect(page.headers["content-security-policy"]).toBe(policy);
  });

  it("treats a page without route tags as a document, and leaves other entries alone", () => {
    const withoutHeaders: { kind: string; html: string; headers?: Record<string, unknown> } = { kind: "APP_PAGE", html: "<p></p><script>x()</script>" };
    preparePage(withoutHeaders);
    expect(withoutHeaders).toEqual({ kind: "APP_PAGE", html: "<p></p>", headers: { "content-security-policy": "script-src 'none'" } });

    const route = { kind: "APP_ROUTE", html: "<script>alert(1)</script>", headers: {} };
    preparePage(route);
    expect(route).toEqual({ kind: "APP_ROUTE", html: "<script>alert(1)</script>", headers: {} });
    const streamed = { kind: "APP_PAGE", html: { not: "a string" }, headers: {} };
    preparePage(streamed);
    expect(streamed.headers).toEqual({});
    expect(() => preparePage(null)).not.toThrow();
  });
});

describe("PAGES_WITH_SCRIPTS", () => {
  // A page keeps Next's scripts exactly when it renders a client component (directly or through
  // the project's own modules): without them its form would lose what the component adds.
  const source = (file: string) => readFileSync(file, "utf8");
  const resolveImport = (from: string, specifier: string): string | null => {
    const base = specifier.startsWith("@/") ? path.resolve(specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
    if (base === null) return null;
    return [".tsx", ".ts", "/index.tsx", "/index.ts"].map((ext) => base + ext).find((file) => existsSync(file)) ?? null;
  };
  const rendersClientComponent = (file: string, seen = new Set<string>()): boolean => {
    if (seen.has(file)) return false;
    seen.add(file);
    const text = source(file);
    if (/^["']use client["']/m.test(text)) return true;
    return [...text.matchAll(/^import (?!type )[^"']*from "([^"]+)"/gm)].some(([, specifier]) => {
      const target = resolveImport(file, specifier!);
      return target !== null && rendersClientComponent(target, seen);
    });
  };

  it("names exactly the cached public pages that render a client component", () => {
    const cachedPages = ["app/[tenant]/[lang]", "app/site/[lang]"].flatMap((root) =>
      (readdirSync(root, { recursive: true, encoding: "utf8" }) as string[])
        .filter((file) => file.endsWith("page.tsx"))
        .map((file) => path.join(root, file))
        .filter((file) => !/export const dynamic = "force-dynamic"/.test(source(file))),
    );
    expect(cachedPages.length).toBeGreaterThanOrEqual(10);
    const route = (file: string) => `/${file.replace(/^app\//, "").replace(/\.tsx$/, "")}`;
    const withClientComponents = cachedPages.filter((file) => rendersClientComponent(path.resolve(file))).map(route);
    expect(withClientComponents).toEqual(["/[tenant]/[lang]/subscribe/page"]);
    expect([...PAGES_WITH_SCRIPTS]).toEqual(withClientComponents);
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const FileSystemCache: any = (FileSystemCacheModule as { default?: unknown }).default ?? FileSystemCacheModule;

describe("PageCacheHandler (Next's file-system cache underneath)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "page-cache-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // As Next constructs it for its server, without the shared memory layer: reads come from disk.
  const handler = new PageCacheHandler({ fs: nodeFs, flushToDisk: true, serverDistDir: dir, revalidatedTags: [], maxMemoryCacheSize: 0 });
  const context = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
  const entry = (status: number) => ({
    kind: "APP_PAGE",
    html: `<html><body><main>${status}</main><script>alert(1)</script></body></html>`,
    rscData: Buffer.from("0:{}"),
    headers: { "x-next-cache-tags": "_N_T_/[tenant]/[lang]/measures/page,tenant:mpmx" },
    status,
    segmentData: undefined,
    postponed: undefined,
  });

  it("stores a document prepared (no scripts, script-src 'none') and serves it back so", async () => {
    const page = entry(200);
    await handler.set("/mpmx/de/measures", page, { ...context, cacheControl: { revalidate: false } });
    // The object the first response is sent from is prepared already.
    expect(page.html).toBe("<html><body><main>200</main></body></html>");
    expect(page.headers).toEqual({ "x-next-cache-tags": "_N_T_/[tenant]/[lang]/measures/page,tenant:mpmx", "content-security-policy": "script-src 'none'" });
    expect(readFileSync(path.join(dir, "app/mpmx/de/measures.html"), "utf8")).toBe("<html><body><main>200</main></body></html>");
    const read = await handler.get("/mpmx/de/measures", context);
    expect(read?.value?.status).toBe(200);
    expect(read?.value?.html).toBe("<html><body><main>200</main></body></html>");
    expect(read?.value?.headers?.["content-security-policy"]).toBe("script-src 'none'");
  });

  it("prepares a page the build prerendered when it is first read", async () => {
    const page = { ...entry(200), headers: { "x-next-cache-tags": "_N_T_/site/[lang]/about/page" } };
    // Written as the build writes it: by Next's own cache, not through this handler.
    await new FileSystemCache({ fs: nodeFs, flushToDisk: true, serverDistDir: dir, revalidatedTags: [], maxMemoryCacheSize: 0 }).set("/site/de/about", page, { ...context, cacheControl: { revalidate: false } });
    expect(readFileSync(path.join(dir, "app/site/de/about.html"), "utf8")).toContain("<script>alert(1)</script>");
    const read = await handler.get("/site/de/about", context);
    expect(read?.value?.html).toBe("<html><body><main>200</main></body></html>");
    expect(read?.value?.headers?.["content-security-policy"]).toBe("script-src 'none'");
  });

  it("empties the front cache on revalidateTag (publishing, revalidatePath)", async () => {
    const front = createFrontCache();
    registerFrontCache(front);
    front.set("host /mpmx/measures", { status: 200, headers: [], body: Buffer.from("old"), gzip: null, storedAt: Date.now(), bytes: 3 });
    await handler.revalidateTag(["tenant:mpmx"], { expire: 0 });
    expect(front.size).toBe(0);
    expect(front.generation).toBe(1);
  });

  it("does not keep a 404: nothing on disk, the next request renders again", async () => {
    await handler.set("/no-such-tenant/_", entry(404), { ...context, cacheControl: { revalidate: false } });
    expect(existsSync(path.join(dir, "app/no-such-tenant/_.html"))).toBe(false);
    expect(existsSync(path.join(dir, "app/no-such-tenant"))).toBe(false);
    expect(await handler.get("/no-such-tenant/_", context)).toBeNull();
  });
});
