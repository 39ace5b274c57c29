import type { Page } from "@playwright/test";
import { localDateTimeOf } from "../lib/measures/workflow-dates";
import { signInAsStaff } from "./fixtures/auth";
import { expect, open, test } from "./fixtures/test";
import { closeDraftAfterFailure } from "./fixtures/drafts";

// Must show 5: a version published to take effect a few seconds later becomes current on the
// cached public pages at that moment, with no deploy and no request to the console: the outbox
// message "trust-center.revalidate" (available at the effective date) is run by the worker, which
// asks the app over the signed internal endpoint to drop MPMX's cached pages.

const TENANT_ZONE = "Europe/Berlin";
// Room for the announcement checks below on a slow CI machine before the version takes effect.
const DELAY_MS = 25_000;

/** The newest version number the public history lists (the seed has 1 and 2; other specs may add more). */
async function newestPublished(page: Page): Promise<number> {
  await open(page, "/mpmx/measures/versions");
  const links = await page.getByTestId("version-entry").getByRole("heading", { level: 2 }).allTextContents();
  return Math.max(...links.map((text) => Number(/\d+/.exec(text)?.[0] ?? 0)));
}

// One open draft at a time: a failure here must not fail the later journeys for the same reason.
test.afterEach(async ({ browser }, testInfo) => closeDraftAfterFailure(browser, testInfo));

test("a scheduled version becomes current at its effective date without a deploy", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const current = await newestPublished(page);
  const next = current + 1;

  const editor = await browser.newPage();
  await test.step("an editor starts version N+1 from the current one and submits it", async () => {
    await signInAsStaff(editor, "editor@mpmx.example", { next: "/mpmx/admin/measures" });
    await open(editor, "/mpmx/admin/measures");
    await editor.getByRole("button", { name: `Start from version ${current}` }).or(editor.getByRole("button", { name: `Mit Version ${current} beginnen` })).click();
    await editor.waitForURL(/\/mpmx\/admin\/measures\/drafts\/[0-9a-f-]+/);
    await editor.getByTestId("submit-for-review-form").getByRole("button").click();
    await expect(editor.getByTestId("workflow-status")).toHaveAttribute("data-status", "IN_REVIEW");
    await editor.close();
  });

  const approver = await browser.newPage();
  let effectiveAt = 0;
  await test.step("an approver publishes it to take effect in a few seconds", async () => {
    await signInAsStaff(approver, "approver@mpmx.example", { next: "/mpmx/admin/measures/review" });
    await open(approver, "/mpmx/admin/measures/review");
    await approver.getByTestId("review-queue").getByRole("link").first().click();
    const form = approver.getByTestId("approve-version-form");
    await expect(form).toBeVisible();
    // Whole seconds: the datetime-local value is read to the second in the tenant's zone.
    effectiveAt = Math.ceil((Date.now() + DELAY_MS) / 1000) * 1000;
    await form.locator(`input[name="effective"][value="scheduled"]`).check();
    await form.locator('input[name="effectiveAt"]').fill(localDateTimeOf(new Date(effectiveAt), TENANT_ZONE, true));
    await form.getByRole("button").click();
    await approver.waitForURL(/\/mpmx\/admin\/measures\/review\?notice=scheduled/);
    await expect(approver.getByTestId("review-notice")).toContainText(String(next));
    await approver.close();
  });

  await test.step("until then the public pages announce it with its redline, and the current version stays", async () => {
    expect(Date.now(), "still before the effective date").toBeLessThan(effectiveAt);
    await open(page, "/mpmx");
    await expect(page.getByTestId("current-version")).toContainText(`Version ${current}`);
    await open(page, "/mpmx/measures");
    const notice = page.getByTestId("upcoming-notice");
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText(`Version ${next}`);
    await expect(notice.getByRole("link")).toHaveAttribute("href", `/mpmx/measures/compare?from=${current}&to=${next}`);
    // Rendered (and cached) again: still the announcement, not yet current.
    await open(page, "/mpmx/measures");
    await expect(page.getByTestId("upcoming-notice")).toHaveCount(1);
  });

  await test.step("at the effective date it is current, on the same cached pages", async () => {
    await page.waitForTimeout(Math.max(0, effectiveAt - Date.now()));
    await expect
      .poll(
        async () => {
          await open(page, "/mpmx");
          return page.getByTestId("current-version").textContent();
        },
        { message: `version ${next} current on /mpmx`, timeout: 20_000, intervals: [500] },
      )
      .toContain(`Version ${next}`);
    const becameCurrentAfterMs = Date.now() - effectiveAt;
    console.log(`[scheduled-version] version ${next} current on the public pages ${becameCurrentAfterMs} ms after its effective date`);
    await open(page, "/mpmx/measures");
    await expect(page.getByTestId("upcoming-notice")).toHaveCount(0);
    await open(page, "/mpmx/measures/versions");
    await expect(page.getByTestId("version-entry").first()).toContainText(`Version ${next}`);
  });
});
