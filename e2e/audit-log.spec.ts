import { readFileSync } from "node:fs";
import { signInAsStaff } from "./fixtures/auth";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { expect, open, test } from "./fixtures/test";

// An owner reviews the audit log: finds their own sign-in, filters, exports CSV; a legal editor
// may not open it. English UI (en-GB) unless a test says otherwise.

test.use({ locale: "en-GB" });

const AUDIT = "/mpmx/admin/audit";
const CSV_HEADER = "Time (UTC),Actor,Roles,Action,Target type,Target ID,IP address,User agent,Request ID,Details";

test("an owner finds their sign-in, filters by action and exports CSV", async ({ page, baseURL }) => {
  await signInAsStaff(page, "owner@mpmx.example", { next: AUDIT });
  await expect(page).toHaveURL(AUDIT);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  await expect(page.getByText("Times in Europe/Berlin.")).toBeVisible();

  // The sign-in a moment ago (platform chain, visible to the tenant because the owner is its staff).
  const signIn = page.getByTestId("audit-event").filter({ hasText: "auth.signin.succeeded" }).filter({ hasText: "owner@mpmx.example" });
  await expect(signIn.first()).toBeVisible();
  await expect(page.getByRole("columnheader")).toHaveText(["Time", "Actor", "Action", "Target", "IP address", "Request ID"]);
  // en-GB, Berlin time: "28 Nov 2026, 03:51:07".
  await expect(signIn.first().locator("time")).toHaveText(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}:\d{2}$/);
  await expectNoSeriousAxeViolations(page);

  // Filter by action prefix: the GET form keeps the value and every row matches.
  await page.getByLabel("Action").fill("auth.password.");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL((url) => url.pathname === AUDIT && url.searchParams.get("action") === "auth.password.");
  await expect(page.getByLabel("Action")).toHaveValue("auth.password.");
  const actions = page.getByTestId("audit-action");
  await expect(actions.first()).toHaveText("auth.password.verified");
  expect(new Set(await actions.allTextContents())).toEqual(new Set(["auth.password.verified"]));

  // A filter value that is not valid: a localized message next to the field, the input kept, no list.
  await open(page, `${AUDIT}?action=${encodeURIComponent("DROP TABLE;")}&from=2026-02-30`);
  await expect(page.getByTestId("error-action")).toHaveText("Use lower-case letters, digits, underscores and dots, e.g. member.removed, or member. for all member actions.");
  await expect(page.getByTestId("error-from")).toHaveText("Please enter a date like 2026-06-01.");
  await expect(page.getByLabel("Action")).toHaveValue("DROP TABLE;");
  await expect(page.getByLabel("From")).toHaveValue("2026-02-30");
  await expect(page.getByTestId("audit-table")).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, "audit log with invalid filters");

  // No match: a clear empty state.
  await open(page, `${AUDIT}?action=member.removed`);
  await expect(page.getByTestId("audit-empty")).toContainText("No matching events");

  // Export through the button: a download named after the tenant and today's date.
  await open(page, `${AUDIT}?action=auth.signin.`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export as CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-mpmx-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines.slice(1).filter(Boolean).every((line) => line.split(",")[3]?.startsWith("auth.signin."))).toBe(true);
  expect(lines.some((line) => line.includes(",owner@mpmx.example,,auth.signin.succeeded,"))).toBe(true);

  // The same as a request: content type and the header row, in German (page.request sends no
  // Accept-Language, and German is the default).
  const response = await page.request.post(`${AUDIT}/export`, { form: { action: "auth.signin." }, headers: { origin: baseURL! } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="audit-log-mpmx-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect((await response.text()).split("\r\n")[0]).toBe("\uFEFFZeit (UTC),Person,Rollen,Aktion,Zieltyp,Ziel-ID,IP-Adresse,User-Agent,Anfrage-ID,Details");

  // A cross-site form post is refused before anything is exported or recorded.
  const forged = await page.request.post(`${AUDIT}/export`, { form: {}, headers: { origin: "https://evil.example" } });
  expect(forged.status()).toBe(403);

  // Both exports are in the log, with the filter they used; the forged one is not.
  await open(page, `${AUDIT}?action=audit.exported`);
  await expect(page.getByTestId("audit-event")).toHaveCount(2);
  await expect(page.getByTestId("audit-event").first()).toContainText("owner@mpmx.example");
  await expect(page.getByTestId("audit-event").first()).toContainText("Owner");
});

test("the audit log fits a phone: the table scrolls, the page does not", async ({ page }) => {
  // A second account (the TOTP fixture hands out one unused code per account and 30 s).
  await signInAsStaff(page, "admin@mpmx.example", { next: AUDIT });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await open(page, AUDIT, 200, "load");
    await page.screenshot({ path: `test-results/audit-log-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `page-level horizontal scroll at ${width}px`).toBe(0);
  }
  const region = page.getByRole("region", { name: /Audit events, page 1/ });
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expectNoSeriousAxeViolations(page, "audit log at 390px");
});

test("another tenant's owner, in German: only that tenant's log, localized errors and times", async ({ page }) => {
  const nordlicht = "/nordlicht/admin/audit";
  await signInAsStaff(page, "owner@nordlicht.example", { next: `${nordlicht}?lang=de` });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit-Log");
  await expect(page.getByTestId("audit-event").filter({ hasText: "owner@nordlicht.example" }).first()).toBeVisible();
  await expect(page.getByTestId("audit-table")).not.toContainText("mpmx.example");
  // de-DE, Berlin time: "28.11.2026, 03:51:07".
  await expect(page.getByTestId("audit-event").first().locator("time")).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}$/);
  await open(page, `${nordlicht}?from=2020-02-01&to=2020-01-01`);
  await expect(page.getByTestId("error-to")).toHaveText("Das Enddatum darf nicht vor dem Startdatum liegen.");
  await expect(page.getByLabel("Bis")).toHaveValue("2020-01-01");
  await expectNoSeriousAxeViolations(page, "Audit-Log mit ungültigem Zeitraum");
});

test("a legal editor gets the 403 page and cannot export", async ({ page, baseURL }) => {
  await signInAsStaff(page, "editor@mpmx.example", { next: "/mpmx/admin" });
  await open(page, AUDIT, 403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(page.getByTestId("audit-table")).toHaveCount(0);
  // page.request does not send the browser's Accept-Language.
  const response = await page.request.post(`${AUDIT}/export`, { form: {}, headers: { origin: baseURL!, "accept-language": "en-GB" } });
  expect(response.status()).toBe(403);
  expect(await response.text()).toBe("You may not export this audit log.");
});
