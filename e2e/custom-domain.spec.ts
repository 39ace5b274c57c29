import { watchCspViolations } from "./fixtures/csp";
import { MPMX_V2_DE_SECTIONS, MPMX_V2_EN_SECTIONS } from "./fixtures/demo-data";
import { expect, open, sectionHeadings, test } from "./fixtures/test";
import { E2E_PORT } from "./support/ports";

// MPMX's custom domain (seeded: trust.mpmx.localhost) serves MPMX's public pages at its root.
// Requests carry the Host header explicitly; the browser test uses the name itself (Chromium
// resolves *.localhost to this machine), so its links are followed too.

const DOMAIN = `trust.mpmx.localhost:${E2E_PORT}`;
const APP_ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
const onDomain = { headers: { host: DOMAIN }, maxRedirects: 0 };

test("a request for the custom domain gets the tenant's pages at the root", async ({ request }) => {
  const home = await request.get("/", onDomain);
  expect(home.status()).toBe(200);
  const homeHtml = await home.text();
  expect(homeHtml).toMatch(/<h1[^>]*>MPMX<\/h1>/);
  expect(homeHtml).toContain("Aktuelle Fassung lesen");

  const measures = await request.get("/measures?lang=en", onDomain);
  expect(measures.status()).toBe(200);
  const measuresHtml = await measures.text();
  expect(measuresHtml).toContain('<html lang="en"');
  for (const title of MPMX_V2_EN_SECTIONS) expect(measuresHtml).toContain(title.replace(/^\d+\. /, ""));

  const redline = await request.get("/measures/compare?from=1&to=2", onDomain);
  expect(redline.status()).toBe(200);
  expect(await redline.text()).toContain('data-testid="count-changed"');

  const feed = await request.get("/feed.xml", onDomain);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("xml");
  expect(await feed.text()).toContain("<feed");

  // The /mpmx/… links inside the (shared, cached) pages work on the domain as well.
  const linked = await request.get("/mpmx/measures/versions", onDomain);
  expect(linked.status()).toBe(200);
  expect(await linked.text()).toContain("Version 1");
});

test("the custom domain shows nothing of other tenants or of Vouchsafe's own site", async ({ request }) => {
  for (const path of ["/nordlicht", "/nordlicht/measures", "/about", "/measures/v/99", "/api/v1/openapi.json"]) {
    const response = await request.get(path, onDomain);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain("Nordlicht Analytics");
  }
});

test("the console and sign-in exist on the main origin only: on the custom domain they are the tenant's 404", async ({ request }) => {
  for (const path of ["/admin", "/admin/members?x=1", "/mpmx/admin", "/signin", "/signin/staff", "/account", "/mailbox", "/verify/ABC"]) {
    const response = await request.get(path, onDomain);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["location"], path).toBeUndefined();
    // MPMX's own public 404 page (components/trust-center/not-found-page.tsx): no nonce, no
    // sign-in form.
    const html = await response.text();
    expect(html, path).toContain("Seite nicht gefunden");
    expect(html, path).toContain("<title>MPMX</title>");
    expect(html, path).not.toContain("nonce=");
    expect(html, path).not.toContain("password");
  }
  const post = await request.post("/admin", { headers: { host: DOMAIN, origin: `http://${DOMAIN}` }, form: { x: "1" } });
  expect(post.status()).toBe(404);
  // The same paths on the main origin are the console and the sign-in.
  expect((await request.get("/signin/staff")).status()).toBe(200);
  // A path that looks like a host never sends the browser to that host.
  const hostLike = await request.get(`${APP_ORIGIN}//evil.example/signin`, onDomain);
  expect([404, 308], String(hostLike.status())).toContain(hostLike.status());
  expect(hostLike.headers()["location"] ?? "/").toMatch(/^\/(?!\/)/);
});

test("any other host keeps path routing", async ({ request }) => {
  for (const host of [`unknown.localhost:${E2E_PORT}`, `127.0.0.1:${E2E_PORT}`, `TRUST.mpmx.localhost.evil.example:${E2E_PORT}`]) {
    const home = await request.get("/", { headers: { host } });
    expect(home.status(), host).toBe(200);
    expect(await home.text(), host).toContain("Demo: Trust Center von MPMX");
    const measures = await request.get("/mpmx/measures", { headers: { host } });
    expect(measures.status(), host).toBe(200);
    expect(await request.get("/measures", { headers: { host } }).then((r) => r.status()), host).toBe(404);
  }
});

test("in a browser on the custom domain: home, links, no CSP violation", async ({ page }) => {
  const violations = await watchCspViolations(page);
  await open(page, `http://${DOMAIN}/`, 200, "load");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("MPMX");
  await page.getByRole("link", { name: "Aktuelle Fassung lesen" }).click();
  await expect(page).toHaveURL(`http://${DOMAIN}/mpmx/measures`);
  await expect(sectionHeadings(page)).toHaveText(MPMX_V2_DE_SECTIONS);

  await open(page, `http://${DOMAIN}/measures?lang=en`);
  await expect(sectionHeadings(page)).toHaveText(MPMX_V2_EN_SECTIONS);
  expect(await violations()).toEqual([]);
});
