import { expect, open, sectionHeadings, test } from "./fixtures/test";
import { NORDLICHT_V1_DE_SECTIONS } from "./fixtures/demo-data";

// Each tenant's pages show only its own data; another tenant's version numbers answer 404.

test("Nordlicht's trust center shows Nordlicht's data only", async ({ page }) => {
  await open(page, "/nordlicht");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nordlicht Analytics GmbH");
  await expect(page.getByTestId("current-version")).toHaveText("Version 1Technische und organisatorische Maßnahmen·Gültig ab 15. März 2026");
  const certifications = page.getByTestId("certification");
  await expect(certifications).toHaveCount(1);
  await expect(certifications).toContainText("Hanse Audit Cert GmbH");
  await expect(certifications).toContainText("Abgelaufen");
  await expect(page.locator("body")).not.toContainText("MPMX");
  await expect(page.locator("body")).not.toContainText("Nordcert"); // MPMX's certifier
  // Each tenant's own brand colour.
  expect(await page.locator("body").evaluate((body) => body.style.getPropertyValue("--brand"))).toBe("#0f766e");
  await expect(page.getByRole("link", { name: "Änderungen als Atom-Feed abonnieren" })).toHaveAttribute("href", "/nordlicht/feed.xml");

  await open(page, "/nordlicht/measures");
  await expect(page.locator("article h1")).toHaveText("Technische und organisatorische Maßnahmen");
  await expect(sectionHeadings(page)).toHaveText(NORDLICHT_V1_DE_SECTIONS);
  await expect(page.locator("body")).not.toContainText("MPMX");
  await expect(page.locator("body")).not.toContainText("Informationssicherheitsmaßnahmen");
  await expect(page.locator("#verschluesselung")).toHaveCount(0);

  await open(page, "/nordlicht/measures/versions");
  await expect(page.getByTestId("version-entry")).toHaveCount(1);
  await expect(page.getByTestId("version-entry").getByRole("heading", { level: 2 })).toHaveText("Version 1");
});

test("MPMX's pages show nothing of Nordlicht", async ({ page }) => {
  await open(page, "/mpmx/measures");
  await expect(page.locator("body")).not.toContainText("Nordlicht");
  expect(await page.locator("body").evaluate((body) => body.style.getPropertyValue("--brand"))).toBe("#0b5cad");
  await open(page, "/mpmx/certifications");
  await expect(page.getByTestId("certification")).toHaveCount(2);
  await expect(page.locator("body")).not.toContainText("Hanse Audit Cert GmbH");
});

test("version 2 exists for MPMX only", async ({ page }) => {
  await open(page, "/mpmx/measures/v/2");
  await expect(page.locator("article h1")).toHaveText("Informationssicherheitsmaßnahmen");

  await open(page, "/nordlicht/measures/v/2", 404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.locator("article")).toHaveCount(0);

  // MPMX's version 2 cannot be pulled into Nordlicht's redline either.
  await open(page, "/nordlicht/measures/compare?from=1&to=2");
  await expect(page.getByTestId("compare-problem")).toHaveText("Mindestens eine der angegebenen Versionen wurde nicht veröffentlicht.");
  await expect(page.getByTestId("redline-section")).toHaveCount(0);
  // With one version there is nothing to pick.
  await expect(page.getByTestId("empty-state")).toHaveText("Bisher gibt es nur eine veröffentlichte Fassung; ein Vergleich ist ab der zweiten möglich.");
});
