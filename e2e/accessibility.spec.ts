import { expect, open, test } from "./fixtures/test";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";

// axe on every public page the journeys visit, the skip link, and a phone-sized viewport.

const PAGES: Array<[url: string, status: number]> = [
  ["/", 200],
  ["/about", 200],
  ["/mpmx", 200],
  ["/mpmx?lang=en", 200],
  ["/mpmx/measures", 200],
  ["/mpmx/measures?lang=en", 200],
  ["/mpmx/measures/versions", 200],
  ["/mpmx/measures/v/1", 200],
  ["/mpmx/measures/compare?from=1&to=2", 200],
  ["/mpmx/measures/compare?from=2&to=1", 200],
  ["/mpmx/measures/compare", 200],
  ["/mpmx/certifications", 200],
  ["/nordlicht", 200],
  ["/nordlicht/measures", 200],
  ["/mpmx/unknown-page", 404],
  ["/does-not-exist?lang=en", 404],
];

test.describe("axe: no serious or critical violations", () => {
  for (const [url, status] of PAGES) {
    test(url, async ({ page }) => {
      await open(page, url, status);
      // A 404 body is filled in on the client (see errors.spec.ts): scan what the visitor sees.
      if (status === 404) await expect(page.getByTestId("not-found")).toBeVisible();
      await expectNoSeriousAxeViolations(page);
    });
  }

  test("compare 1 → 2 with an unchanged section opened", async ({ page }) => {
    await open(page, "/mpmx/measures/compare?from=1&to=2");
    await page.locator('details[data-key="preamble"] summary').click();
    await expect(page.locator('details[data-key="preamble"]')).toHaveJSProperty("open", true);
    await expectNoSeriousAxeViolations(page, "compare 1→2, preamble open");
  });
});

test.describe("keyboard", () => {
  for (const url of ["/mpmx", "/mpmx/measures", "/mpmx/measures/compare?from=1&to=2"]) {
    test(`the skip link comes first and moves focus to #content on ${url}`, async ({ page }) => {
      await open(page, url);
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Zum Inhalt springen" });
      await expect(skip).toBeFocused();
      await expect(skip).toHaveAttribute("href", "#content");
      // Visible once focused (it is .sr-only until then).
      const box = await skip.boundingBox();
      expect(box && box.width > 20 && box.height > 10, `skip link box ${JSON.stringify(box)}`).toBe(true);

      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`${url.replace(/[?]/g, "\\?")}#content$`));
      await expect(page.locator("#content")).toBeFocused();
    });
  }

  test("after the skip link, Tab continues inside the main content", async ({ page }) => {
    await open(page, "/mpmx/measures");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("#content")))).toBe(true);
  });
});

test.describe("phone viewport (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const url of ["/mpmx", "/mpmx/measures", "/mpmx/measures?lang=en", "/mpmx/measures/v/1", "/mpmx/measures/compare?from=1&to=2", "/mpmx/measures/compare"]) {
    test(`no horizontal scrolling on ${url}`, async ({ page }) => {
      await open(page, url);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(clientWidth).toBe(390);
      expect(scrollWidth, `scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`).toBeLessThanOrEqual(clientWidth);
    });
  }
});
