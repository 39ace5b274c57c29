import { expect, open, test } from "./fixtures/test";
import type { Page } from "@playwright/test";

// Wrong addresses answer a localized 404; wrong compare parameters answer the version picker with an
// explanation. Nothing here may answer 500 (the suite's fixture fails a test on any 5xx response).

async function expectNotFound(page: Page, url: string, lang: "de" | "en" = "de") {
  await open(page, url, 404);
  const notFound = page.getByTestId("not-found");
  await expect(notFound).toBeVisible();
  await expect(notFound.getByRole("heading", { level: 1 })).toHaveText(lang === "de" ? "Seite nicht gefunden" : "Page not found");
  await expect(notFound).toContainText(
    lang === "de"
      ? "Diese Adresse gibt es nicht oder nicht mehr. Prüfen Sie die Schreibweise oder beginnen Sie auf der Startseite."
      : "This address does not exist or no longer exists. Check the spelling or start from the home page.",
  );
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  // No page content leaks into a 404.
  await expect(page.getByTestId("redline-section")).toHaveCount(0);
  await expect(page.locator("article")).toHaveCount(0);
}

const NOT_FOUND_URLS: Array<[url: string, lang: "de" | "en"]> = [
  ["/does-not-exist", "de"],
  ["/does-not-exist?lang=en", "en"],
  ["/mpmx/measures/v/999", "de"],
  ["/mpmx/measures/v/abc", "de"],
  ["/mpmx/unknown-page", "de"],
  ["/mpmx/measures/v/999?lang=en", "en"],
  ["/about/does-not-exist", "de"],
  ["/mpmx/unsubscribe/x/y", "de"],
];

test("an unknown tenant, version or page is a localized 404", async ({ page }) => {
  for (const [url, lang] of NOT_FOUND_URLS) await expectNotFound(page, url, lang);
  await open(page, "/does-not-exist", 404);
  await expect(page.getByRole("navigation", { name: "Trust Center" })).toHaveCount(0);
});

// Next 16 answers notFound() with an empty error shell that only its client runtime fills in; the
// pages render the message themselves (components/trust-center/not-found-page.tsx).
test("a 404 is readable without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  try {
    const page = await context.newPage();
    for (const [url, lang] of NOT_FOUND_URLS) {
      await expectNotFound(page, url, lang);
      expect(await page.evaluate(() => typeof (window as unknown as { __next_f?: unknown }).__next_f), url).toBe("undefined");
      await expect(page.locator("html"), url).not.toHaveAttribute("id", "__next_error__");
    }
  } finally {
    await context.close();
  }
});

test("malformed version numbers and extra segments are 404", async ({ request }) => {
  for (const url of ["/mpmx/measures/v/0", "/mpmx/measures/v/01", "/mpmx/measures/v/-1", "/mpmx/measures/v/1.5", "/mpmx/measures/v/9999999", "/mpmx/measures/v/1/extra", "/mpmx/feed.xml/extra"]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }
});

test("unknown paths below Vouchsafe's own pages are 404", async ({ request }) => {
  expect((await request.get("/about")).status()).toBe(200);
  for (const url of ["/about/does-not-exist", "/about/x/y"]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }
});

const PROBLEMS = {
  missing: "Geben Sie an, welche beiden Fassungen verglichen werden sollen.",
  invalid: "Die angegebenen Versionen sind keine gültigen Versionsnummern.",
  unknown: "Mindestens eine der angegebenen Versionen wurde nicht veröffentlicht.",
  same: "Eine Fassung mit sich selbst zu vergleichen ergibt keine Änderungen. Wählen Sie zwei verschiedene Fassungen.",
};

const badComparisons: Array<[url: string, problem: keyof typeof PROBLEMS, from: string, to: string]> = [
  ["/mpmx/measures/compare?from=abc&to=2", "invalid", "1", "2"],
  ["/mpmx/measures/compare?from=1&to=-2", "invalid", "1", "2"],
  ["/mpmx/measures/compare", "missing", "1", "2"],
  ["/mpmx/measures/compare?from=2", "missing", "2", "2"],
  ["/mpmx/measures/compare?from=1&to=999", "unknown", "1", "2"],
  ["/mpmx/measures/compare?from=2&to=2", "same", "2", "2"],
];

test("bad compare parameters answer the version picker with the reason", async ({ page }) => {
  for (const [url, problem, from, to] of badComparisons) {
    await test.step(`${url}: ${problem}`, async () => {
      await open(page, url, 200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fassungen vergleichen");
      await expect(page.getByTestId("compare-problem")).toHaveText(PROBLEMS[problem]);
      // The picker preselects what it could understand, else the two newest versions.
      await expect(page.getByLabel("Von (ältere Fassung)")).toHaveValue(from);
      await expect(page.getByLabel("Bis (neuere Fassung)")).toHaveValue(to);
      await expect(page.getByLabel("Von (ältere Fassung)").locator("option")).toHaveText(["Version 2", "Version 1"]);
      await expect(page.getByTestId("redline-section")).toHaveCount(0);
      await expect(page.getByTestId("count-added")).toHaveCount(0);
      await expect(page.getByTestId("not-found")).toHaveCount(0);
    });
  }
});

test("the picker form (GET) lands on the redline, in the chosen language", async ({ page }) => {
  await open(page, "/mpmx/measures/compare");
  await page.getByLabel("Von (ältere Fassung)").selectOption("1");
  await page.getByLabel("Bis (neuere Fassung)").selectOption("2");
  await page.getByRole("button", { name: "Vergleichen" }).click();
  await expect(page).toHaveURL("/mpmx/measures/compare?from=1&to=2");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Änderungen zwischen Version 1 und Version 2");
  await expect(page.getByTestId("compare-problem")).toHaveCount(0);
  await expect(page.getByTestId("count-added")).toHaveAttribute("data-count", "1");
  await expect(page.getByTestId("count-removed")).toHaveAttribute("data-count", "1");

  await open(page, "/mpmx/measures/compare?from=2&to=2&lang=en");
  await expect(page.getByTestId("compare-problem")).toHaveText("Comparing a version with itself shows no changes. Choose two different versions.");
  await page.getByLabel("From (older version)").selectOption("1");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL("/mpmx/measures/compare?from=1&to=2&lang=en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Changes between version 1 and version 2");
});
