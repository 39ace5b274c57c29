import { createHash } from "node:crypto";
import type { APIResponse, Page, Response } from "@playwright/test";
import { DEMO_PASSWORD } from "./fixtures/auth";
import { cspDirectives, watchCspViolations } from "./fixtures/csp";
import { expect, open, sectionHeadings, test } from "./fixtures/test";
import { closeDraftAfterFailure } from "./fixtures/drafts";
import { E2E_PORT } from "./support/ports";

// Security headers on the two kinds of pages (cached public, per-request signed-in), the CSP nonce
// on every script of the signed-in area, and CSRF: a state-changing request from another origin
// changes nothing.

const APP_ORIGIN = `http://127.0.0.1:${E2E_PORT}`;

function expectCommonHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Served over http here: HSTS would be ignored, and must not pin a developer's localhost.
  expect(headers["strict-transport-security"]).toBeUndefined();
  const csp = cspDirectives(headers["content-security-policy"]);
  expect(csp.get("default-src")).toBe("'self'");
  expect(csp.get("object-src")).toBe("'none'");
  expect(csp.get("base-uri")).toBe("'none'");
  expect(csp.get("frame-ancestors")).toBe("'none'");
  expect(csp.get("form-action")).toBe("'self'");
  expect(csp.get("img-src")).toBe("'self' data:");
  expect(csp.get("connect-src")).toBe("'self'");
  expect(csp.has("upgrade-insecure-requests")).toBe(false);
  return csp;
}

/** Every Content-Security-Policy header of a response, in order (headers() would join them). */
async function cspHeaders(response: Response | APIResponse): Promise<string[]> {
  return (await response.headersArray()).filter((h) => h.name.toLowerCase() === "content-security-policy").map((h) => h.value);
}

/** The CSP hash source of each inline <script> in the HTML as served (no src attribute). */
function inlineScriptHashes(html: string): Set<string> {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.add(`'sha256-${createHash("sha256").update(match[1] ?? "").digest("base64")}'`);
  }
  return hashes;
}

/** Injects an inline <script> element: only the page's own, hashed, scripts may run. */
async function expectInjectedScriptBlocked(page: Page, violations: () => Promise<string[]>) {
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injectedScript = true";
    document.body.append(script);
  });
  await expect.poll(async () => (await violations()).some((v) => v.startsWith("script-src-elem blocked inline"))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __injectedScript?: boolean }).__injectedScript)).toBeUndefined();
}

/** Injects an inline event handler, the usual HTML-injection payload: the policy must block it. */
async function expectInjectedHandlerBlocked(page: Page, violations: () => Promise<string[]>) {
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img alt="" src="/injected-missing.png" onerror="window.__injected = true">'));
  await expect.poll(async () => (await violations()).some((v) => v.startsWith("script-src-attr blocked inline"))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
}

/**
 * Opens a cached public page: two policies, the proxy's first (the same for everyone, no nonce),
 * and no nonce in the HTML either.
 */
async function openCachedPage(page: Page, path: string) {
  const response = await open(page, path, 200, "load");
  const [proxyPolicy, cachePolicy, ...more] = await cspHeaders(response);
  expect(more).toEqual([]);
  const csp = expectCommonHeaders({ ...response.headers(), "content-security-policy": proxyPolicy! });
  expect(csp.get("script-src")).toBe("'self' 'unsafe-inline'");
  expect(csp.get("script-src-attr")).toBe("'none'");
  expect(csp.get("style-src")).toBe("'self'");
  expect(proxyPolicy).not.toContain("nonce-");
  const html = await response.text();
  expect(html).not.toContain("nonce=");
  return { proxyPolicy: proxyPolicy!, cachePolicy: cachePolicy!, html };
}

/** No violation so far, injected scripts and handlers blocked, and the same policies on a cache hit. */
async function expectScriptsContained(page: Page, path: string, violations: () => Promise<string[]>, policies: string[]) {
  expect(await violations()).toEqual([]);
  await expectInjectedScriptBlocked(page, violations);
  await expectInjectedHandlerBlocked(page, violations);
  const again = await page.request.get(path);
  expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(await cspHeaders(again)).toEqual(policies);
  return again;
}

// One open draft at a time: a failure here must not fail the later journeys for the same reason.
test.afterEach(async ({ browser }, testInfo) => closeDraftAfterFailure(browser, testInfo));

test("a cached document (the measures): plain HTML, no script at all, and a second policy allowing none", async ({ page }) => {
  const violations = await watchCspViolations(page);
  const { proxyPolicy, cachePolicy, html } = await openCachedPage(page, "/mpmx/measures");
  expect(cachePolicy).toBe("script-src 'none'");
  // Neither Next's runtime nor its RSC payload: the page is its HTML.
  expect(html).not.toMatch(/<script\b/i);
  expect(html).not.toContain('as="script"');
  expect(html).not.toContain("__next_f");
  expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe("undefined");
  expect(await page.locator("script").count()).toBe(0);

  // Links, the stylesheet, the font and the brand colour (a style attribute) work without script.
  await page.getByRole("navigation", { name: "Trust Center" }).getByRole("link", { name: "Versionshistorie" }).click();
  await expect(page).toHaveURL("/mpmx/measures/versions");
  // The seed's two versions, plus any the publishing journeys added before this spec ran.
  await expect(page.getByTestId("version-entry").last()).toContainText("Version 1");
  await page.getByRole("link", { name: "Mit Version 1 vergleichen" }).click();
  await expect(page).toHaveURL("/mpmx/measures/compare?from=1&to=2");
  await expect(page.getByTestId("count-changed")).toBeVisible();
  expect(await page.locator("body").evaluate((body) => getComputedStyle(body).getPropertyValue("--brand").trim())).toBe("#0b5cad");
  // Served again from the cache: the same two policies and the same HTML.
  const again = await expectScriptsContained(page, "/mpmx/measures", violations, [proxyPolicy, cachePolicy]);
  expect(await again.text()).toBe(html);
});

test("a cached page with a form (subscribe): the second policy names the hash of each inline script; it hydrates with no violation", async ({ page }) => {
  const violations = await watchCspViolations(page);
  const { proxyPolicy, cachePolicy, html } = await openCachedPage(page, "/mpmx/subscribe");

  // The second policy lists exactly the inline scripts of this HTML: with both enforced, only they run.
  const cache = cspDirectives(cachePolicy);
  expect([...cache.keys()]).toEqual(["script-src", "script-src-attr"]);
  expect(cache.get("script-src-attr")).toBe("'none'");
  const [self, ...hashes] = (cache.get("script-src") ?? "").split(" ");
  expect(self).toBe("'self'");
  const expected = inlineScriptHashes(html);
  expect(expected.size).toBeGreaterThan(1);
  expect(new Set(hashes)).toEqual(expected);
  expect(hashes).toHaveLength(expected.size);

  // Next's scripts ran (the page hydrated) under the policy.
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: { appDir?: boolean } }).next?.appDir))).toBe(true);
  await expectScriptsContained(page, "/mpmx/subscribe", violations, [proxyPolicy, cachePolicy]);
});

test("a public page rendered per request (unsubscribe link) gets a nonce on every script instead", async ({ page }) => {
  const violations = await watchCspViolations(page);
  const response = await open(page, "/mpmx/unsubscribe/not-a-real-token", 200, "load");
  const policies = await cspHeaders(response);
  expect(policies).toHaveLength(1);
  const csp = expectCommonHeaders(response.headers());
  const nonce = /^'self' 'nonce-([A-Za-z0-9+/]{22}==)' 'strict-dynamic'$/.exec(csp.get("script-src") ?? "")?.[1];
  expect(nonce, policies[0]).toBeDefined();
  const tags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(3);
  for (const tag of tags) expect(tag, tag).toContain(`nonce="${nonce}"`);
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: { appDir?: boolean } }).next?.appDir))).toBe(true);
  expect(await violations()).toEqual([]);
  // (A script element created by code would run here: 'strict-dynamic' trusts non-parser-inserted
  // scripts. The cached pages' hash policy has no 'strict-dynamic' and blocks it, see above.)
  await expectInjectedHandlerBlocked(page, violations);
});

test("a made-up address is answered 404 each time and never cached (no disk filling by random URLs)", async ({ request }) => {
  for (const path of ["/no-such-tenant-4711", "/mpmx/measures/v/999"]) {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()["x-nextjs-cache"], `${path} #${attempt + 1}`).not.toBe("HIT");
    }
  }
});

test("the sign-in page: a fresh nonce per response on every script, no CSP violation", async ({ page, request }) => {
  const violations = await watchCspViolations(page);
  const response = await open(page, "/signin?lang=de", 200, "load");
  const csp = expectCommonHeaders(response.headers());
  const nonce = /^'self' 'nonce-([A-Za-z0-9+/]{22}==)' 'strict-dynamic'$/.exec(csp.get("script-src") ?? "")?.[1];
  expect(nonce, `script-src of ${response.headers()["content-security-policy"]}`).toBeDefined();
  expect(csp.get("style-src")).toBe(`'self' 'nonce-${nonce}'`);

  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
  // In the DOM too (browsers hide the attribute; the property keeps it).
  const domNonces = await page.evaluate(() => Array.from(document.querySelectorAll("script[src], script:not([src])"), (s) => (s as HTMLScriptElement).nonce));
  expect(new Set(domNonces)).toEqual(new Set([nonce]));

  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: { appDir?: boolean } }).next?.appDir))).toBe(true);
  // Client-side navigation to the staff sign-in and its form's client validation run under the policy.
  await page.getByRole("link", { name: /Mit Passwort und Authenticator-App anmelden/ }).click();
  await expect(page).toHaveURL(/\/signin\/staff/);
  await page.getByRole("button", { name: "Weiter" }).click();
  await expect(page.getByTestId("error-email")).toBeVisible();
  expect(await violations()).toEqual([]);
  await expectInjectedHandlerBlocked(page, violations);

  // Every response gets its own nonce.
  const again = cspDirectives((await request.get("/signin")).headers()["content-security-policy"]).get("script-src");
  expect(again).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
  expect(again).not.toContain(nonce);
});

test("a client cannot choose the nonce: a CSP request header is discarded", async ({ request }) => {
  const response = await request.get("/signin", { headers: { "Content-Security-Policy": "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-security-policy"]).not.toContain("AAAAAAAAAAAAAAAAAAAAAA==");
  expect(await response.text()).not.toContain("AAAAAAAAAAAAAAAAAAAAAA==");
  const cached = await request.get("/nordlicht/measures/versions", { headers: { "Content-Security-Policy": "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='" } });
  expect(cached.status()).toBe(200);
  expect(await cached.text()).not.toContain("nonce=");
});

/** The staff sign-in server action as the browser sends it (captured, not sent). */
async function capturedSignInAction(page: Page, email: string) {
  await page.goto("/signin/staff?lang=de");
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: unknown }).next))).toBe(true);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(DEMO_PASSWORD);
  const captured = new Promise<{ url: string; headers: Record<string, string>; body: Buffer }>((resolve) => {
    void page.route("**/signin/staff*", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      resolve({ url: route.request().url(), headers: route.request().headers(), body: route.request().postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    });
  });
  await page.getByRole("button", { name: "Weiter" }).click();
  return captured;
}

const sessionCookies = (response: APIResponse) => response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && /session/i.test(h.value));

test("CSRF: a server action posted from another origin, or without Origin, changes nothing", async ({ page, playwright }) => {
  const action = await capturedSignInAction(page, "editor@mpmx.example");
  expect(action.headers["next-action"]).toMatch(/^[0-9a-f]{40,}$/);
  expect(action.headers["origin"]).toBe(APP_ORIGIN);
  const replay = async (headers: Record<string, string | undefined>) => {
    // A context of its own: no cookies, exactly the headers given.
    const context = await playwright.request.newContext();
    const merged = Object.fromEntries(Object.entries({ ...action.headers, ...headers }).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const response = await context.fetch(action.url, { method: "POST", headers: merged, data: action.body, maxRedirects: 0 });
    const result = { status: response.status(), cookies: sessionCookies(response), body: await response.text() };
    await context.dispose();
    return result;
  };

  // Another site's page (its Origin) and a request without Origin: refused before the action runs.
  for (const origin of ["http://evil.example", "http://127.0.0.1.evil.example", "null", undefined]) {
    const refused = await replay({ origin });
    expect(refused.status, `Origin ${origin}`).toBe(403);
    expect(refused.body).toBe("Forbidden: cross-origin request");
    expect(refused.cookies).toEqual([]);
  }

  // Next's own check, reached when the proxy's passes: Origin is APP_ORIGIN, but the request was
  // addressed to another host. Next compares Origin with Host and does not run the action.
  const nextCheck = await replay({ host: `other.localhost:${E2E_PORT}` });
  expect(nextCheck.status).toBe(500);
  expect(nextCheck.cookies).toEqual([]);

  // The same request from our own page does sign in: the refusals above are not a broken replay.
  const accepted = await replay({});
  expect(accepted.status).toBe(200);
  expect(accepted.cookies).toHaveLength(1);
});

test("CSRF: a form posted to a public page from another origin is refused; any other post but a subscription too", async ({ request }) => {
  const response = await request.post("/mpmx/measures", { headers: { origin: "http://evil.example" }, form: { x: "1" } });
  expect(response.status()).toBe(403);
  // From our own origin it passes the CSRF check, and is still refused: only the subscription pages
  // take a post; for any other page it would make the server render a cached page afresh.
  for (const path of ["/mpmx/measures", "/mpmx/measures/v/999", "/mpmx/unknown", "/about"]) {
    const sameOrigin = await request.post(path, { headers: { origin: APP_ORIGIN }, form: { x: "1" } });
    expect(sameOrigin.status(), path).toBe(405);
    expect(sameOrigin.headers()["allow"], path).toBe("GET, HEAD");
    expect(await sameOrigin.text(), path).toBe("");
  }
  expect((await request.head("/mpmx/measures")).status()).toBe(200);
});

test("public pages still render under the policy with JavaScript disabled", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await open(page, "/mpmx/measures");
  await expect(sectionHeadings(page)).toHaveCount(12);
  await context.close();
});
