import { signInAsStaff } from "./fixtures/auth";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { expect, submitForm, test } from "./fixtures/test";
import { E2E_PORT } from "./support/ports";

// Nordlicht's owner gives the trust center a custom domain in the console; the proxy serves
// Nordlicht's pages under it at once (saving drops the server's 30 s domain table). MPMX's seeded
// trust.mpmx.localhost is what custom-domain.spec.ts relies on, so it is only tried here, as taken.

const SETTINGS = "/nordlicht/admin/settings?lang=en";
const DOMAIN = "trust.nordlicht.localhost";
const onDomain = { headers: { host: `${DOMAIN}:${E2E_PORT}` }, maxRedirects: 0 };
const NORDLICHT_HOME = /<h1[^>]*>Nordlicht Analytics GmbH<\/h1>/;

test("the owner sets and removes the custom domain; errors sit at the field; the domain serves the tenant at once", async ({ page, request }) => {
  // Asked before saving: the server now holds a domain table without this host (for 30 s, unless forgotten).
  const before = await request.get("/", onDomain);
  expect(before.status()).toBe(200);
  expect(await before.text()).not.toMatch(NORDLICHT_HOME);

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAsStaff(page, "owner@nordlicht.example", { next: SETTINGS });
  await expect(page).toHaveURL(/\/nordlicht\/admin\/settings/);
  const section = page.getByTestId("custom-domain-settings");
  await expect(section.getByRole("heading", { level: 2, name: "Custom domain" })).toBeVisible();
  await expect(section.getByTestId("custom-domain-current")).toHaveText("Not set");
  await expect(section.getByTestId("custom-domain-dns")).toHaveText("At your DNS provider, create a CNAME record from this domain to 127.0.0.1.");
  await expect(section.getByRole("button", { name: "Remove domain" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, SETTINGS);

  const form = page.getByTestId("custom-domain-form");
  const field = form.getByLabel("Domain", { exact: true });
  const save = form.getByRole("button", { name: "Save domain" });

  // A pasted URL: refused at the field, the input kept, nothing saved.
  await field.fill(`https://${DOMAIN}/`);
  await submitForm(page, save);
  await expect(form.getByTestId("error-domain")).toHaveText(/Please enter a host name like trust\.your-company\.example/);
  await expect(field).toHaveValue(`https://${DOMAIN}/`);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(section.getByTestId("custom-domain-current")).toHaveText("Not set");
  await expectNoSeriousAxeViolations(page, `${SETTINGS} (error)`);

  // Another tenant's domain: "in use", without saying whose.
  await field.fill("trust.mpmx.localhost");
  await submitForm(page, save);
  await expect(form.getByTestId("error-domain")).toHaveText("This domain is already in use by another trust center.");
  await expect(field).toHaveValue("trust.mpmx.localhost");

  await field.fill("Trust.Nordlicht.LOCALHOST.");
  await submitForm(page, save);
  await expect(form.getByRole("status")).toContainText(`answers at ${DOMAIN}`);
  await expect(form.getByTestId("error-domain")).toHaveCount(0);
  await expect(section.getByTestId("custom-domain-current")).toHaveText(DOMAIN);
  await expect(field).toHaveValue(DOMAIN);
  await page.screenshot({ path: "test-results/screenshots/custom-domain-settings-1280.png", fullPage: true });

  const home = await request.get("/", onDomain);
  expect(home.status()).toBe(200);
  const html = await home.text();
  expect(html).toMatch(NORDLICHT_HOME);
  expect(html).not.toMatch(/<h1[^>]*>MPMX<\/h1>/);
  // MPMX's domain still belongs to MPMX.
  expect(await (await request.get("/", { headers: { host: `trust.mpmx.localhost:${E2E_PORT}` } })).text()).not.toMatch(NORDLICHT_HOME);

  // Not submitForm(): the button is gone once the domain is (nothing left to remove).
  const removed = page.waitForResponse((response) => response.request().method() === "POST");
  await form.getByRole("button", { name: "Remove domain" }).click();
  expect((await removed).status()).toBe(200);
  await expect(form.getByRole("status")).toHaveText("The custom domain is removed.");
  await expect(section.getByTestId("custom-domain-current")).toHaveText("Not set");
  await expect(field).toHaveValue("");
  await expect(form.getByRole("button", { name: "Remove domain" })).toHaveCount(0);
  const after = await request.get("/", onDomain);
  expect(after.status()).toBe(200);
  expect(await after.text()).not.toMatch(NORDLICHT_HOME);
});
