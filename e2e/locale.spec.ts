import { expect, open, sectionHeadings, setCookieHeaders, test, textsWithoutSrOnly } from "./fixtures/test";
import { MPMX_V2_EN_SECTIONS } from "./fixtures/demo-data";
import type { Page } from "@playwright/test";

// The locale is chosen by a shareable ?lang= link; no cookie remembers it.

const languageLinks = (page: Page) => page.getByRole("navigation", { name: /^(Sprache|Language)$/ }).getByRole("link");

async function hrefs(page: Page) {
  return languageLinks(page).evaluateAll((links) => links.map((a) => `${a.getAttribute("hreflang")} ${a.getAttribute("href")}`));
}

test("?lang=en shows the English measures", async ({ page }) => {
  await open(page, "/mpmx/measures?lang=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("article h1")).toHaveText("Information Security Measures");
  await expect(sectionHeadings(page)).toHaveText(MPMX_V2_EN_SECTIONS);
  // Anchors are the stable section keys, the same in every language.
  await expect(page.locator("#verschluesselung h2")).toHaveText("3. Encryption");
  await expect(page.getByRole("heading", { name: "Contents" })).toBeVisible();
  await expect(page.getByTestId("fallback-notice")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText("Informationssicherheitsmaßnahmen");
  // The page's own links keep the language.
  const nav = page.getByRole("navigation", { name: "Trust center" }).getByRole("link");
  expect(await nav.evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual([
    "/mpmx?lang=en",
    "/mpmx/measures?lang=en",
    "/mpmx/measures/versions?lang=en",
    "/mpmx/certifications?lang=en",
  ]);
  await expect(page.getByRole("link", { name: "Subscribe to changes (Atom feed)" })).toHaveAttribute("href", "/mpmx/feed.xml?lang=en");
});

test("without ?lang= the tenant's default (German) is shown; the switch keeps the page and its query", async ({ page }) => {
  await open(page, "/mpmx/measures");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.locator("article h1")).toHaveText("Informationssicherheitsmaßnahmen");
  await expect(page.locator("#verschluesselung h2")).toHaveText("3. Verschlüsselung");
  expect(await hrefs(page)).toEqual(["en /mpmx/measures?lang=en"]);
  await expect(page.getByRole("navigation", { name: "Sprache" }).locator('[aria-current="true"]')).toHaveText("DE – Deutsch (aktuelle Sprache)");

  await open(page, "/mpmx/measures?lang=en");
  expect(await hrefs(page)).toEqual(["de /mpmx/measures?lang=de"]);

  await open(page, "/mpmx/measures/v/1");
  expect(await hrefs(page)).toEqual(["en /mpmx/measures/v/1?lang=en"]);

  await open(page, "/mpmx/measures/compare?from=1&to=2");
  expect(await hrefs(page)).toEqual(["en /mpmx/measures/compare?from=1&to=2&lang=en"]);
  await languageLinks(page).click();
  await expect(page).toHaveURL("/mpmx/measures/compare?from=1&to=2&lang=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Changes between version 1 and version 2");
  await expect(page.getByTestId("fallback-notice")).toHaveCount(0);
  for (const [kind, count] of Object.entries({ added: 1, removed: 1, changed: 5, moved: 0, unchanged: 8 })) {
    await expect(page.getByTestId(`count-${kind}`), `count-${kind}`).toHaveAttribute("data-count", String(count));
  }
  // The English redline is computed on the English texts.
  const auth = page.locator('[data-testid="redline-section"][data-key="authentifizierung-autorisierung-und-access-management"]');
  expect(await textsWithoutSrOnly(auth.locator("del"))).toEqual(["two"]);
  expect(await textsWithoutSrOnly(auth.locator("ins"))).toEqual(["multi", "logging and review of privileged access"]);
  expect(await hrefs(page)).toEqual(["de /mpmx/measures/compare?from=1&to=2&lang=de"]);

  await languageLinks(page).click();
  await expect(page).toHaveURL("/mpmx/measures/compare?from=1&to=2&lang=de");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Änderungen zwischen Version 1 und Version 2");
});

test("public pages set no cookie", async ({ page, context }) => {
  // Every response of the context (documents, RSC payloads, scripts, fonts), read after the visits.
  const seen: Array<Promise<string | null>> = [];
  context.on("response", (response) => {
    seen.push(setCookieHeaders(response).then((cookies) => (cookies.length > 0 ? `${response.url()}: ${cookies.join(" | ")}` : null), () => null));
  });
  const pages: Array<[string, number]> = [
    ["/", 200],
    ["/about", 200],
    ["/mpmx", 200],
    ["/mpmx?lang=en", 200],
    ["/mpmx/measures", 200],
    ["/mpmx/measures/versions", 200],
    ["/mpmx/measures/v/1", 200],
    ["/mpmx/measures/compare?from=1&to=2", 200],
    ["/mpmx/measures/compare?from=1&to=2&lang=en", 200],
    ["/mpmx/measures/compare", 200],
    ["/mpmx/certifications", 200],
    ["/nordlicht", 200],
    ["/mpmx/unknown-page", 404],
  ];
  for (const [url, status] of pages) {
    const response = await open(page, url, status);
    expect(await setCookieHeaders(response), `Set-Cookie on ${url}`).toEqual([]);
  }
  for (const url of ["/mpmx/feed.xml", "/mpmx/feed.xml?lang=en"]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    expect(await setCookieHeaders(response), `Set-Cookie on ${url}`).toEqual([]);
  }
  expect(seen.length).toBeGreaterThan(pages.length);
  expect((await Promise.all(seen)).filter(Boolean), "responses with Set-Cookie").toEqual([]);
  expect(await context.cookies()).toEqual([]);
});
