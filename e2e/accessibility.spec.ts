import { expect, open, test } from "./fixtures/test";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";

// axe on every public page the journeys visit, the skip link, and a phone-sized viewport.
// Pages are scanned in a few tests (one browser page each) to keep the suite fast; each page is a
// step, and a failing page does not stop the others from being scanned.

const PAGE_GROUPS: Record<string, Array<[url: string, status: number]>> = {
  "site, overviews, certifications, 404": [
    ["/", 200],
    ["/about", 200],
    ["/mpmx", 200],
    ["/mpmx?lang=en", 200],
    ["/mpmx/certifications", 200],
    ["/nordlicht", 200],
    ["/mpmx/unknown-page", 404],
  ],
  "measures, history, redline": [
    ["/mpmx/measures", 200],
    ["/mpmx/measures/versions", 200],
    ["/mpmx/measures/v/1", 200],
    ["/mpmx/measures/compare?from=1&to=2", 200],
    ["/mpmx/measures/compare", 200],
  ],
};

for (const [group, pages] of Object.entries(PAGE_GROUPS)) {
  test(`axe: no serious or critical violations: ${group}`, async ({ page }) => {
    test.setTimeout(90_000);
    for (const [url, status] of pages) {
      await test.step(url, async () => {
        await open(page, url, status, "load");
        // With JavaScript the client swaps a 404's body for not-found.tsx: scan what the visitor sees.
        if (status === 404) await expect(page.getByTestId("not-found")).toBeVisible();
        // Scan the redline with every unchanged section opened, so that their text is checked too.
        await page.locator("details").evaluateAll((all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
        await expectNoSeriousAxeViolations(page);
      });
    }
  });
}

test("keyboard: the first Tab reaches the skip link, which targets #content", async ({ page }) => {
  for (const url of ["/mpmx", "/mpmx/measures", "/mpmx/measures/compare?from=1&to=2"]) {
    await test.step(url, async () => {
      await open(page, url, 200, "load");
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Zum Inhalt springen" });
      await expect(skip).toBeFocused();
      await expect(skip).toHaveAttribute("href", "#content");
      // Visible once focused (it is .sr-only until then).
      const box = await skip.boundingBox();
      expect(box !== null && box.width > 20 && box.height > 10, `skip link box ${JSON.stringify(box)}`).toBe(true);
    });
  }
});

test("keyboard: the skip link moves focus to #content", async ({ page }) => {
  await open(page, "/mpmx/measures", 200, "load");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/mpmx/measures#content");
  // Focus moves synchronously on activation: read it, no need to wait. (Soft, so that the check
  // below still runs and tells whether keyboard users at least continue from the main content.)
  expect.soft(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName)).toBe("content");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("#content"))), "the Tab after the skip link lands in #content").toBe(true);
});

test.describe("phone viewport (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("no horizontal scrolling", async ({ page }) => {
    for (const url of ["/mpmx", "/mpmx/measures", "/mpmx/measures?lang=en", "/mpmx/measures/v/1", "/mpmx/measures/compare?from=1&to=2"]) {
      await open(page, url, 200, "load");
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(clientWidth).toBe(390);
      expect.soft(scrollWidth, `document scrollWidth on ${url}`).toBeLessThanOrEqual(clientWidth);
    }
  });
});
