import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { signInAsStaff } from "./fixtures/auth";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ISSUER, OIDC_PORT, startOidcProvider, type RunningProvider } from "./fixtures/oidc-provider";
import { expect, submitForm, test } from "./fixtures/test";

// Customer single sign-on against a real OpenID Connect provider started here: the owner of mpmx
// turns it on in the console, customers of the listed domain sign in through it, others are refused.
// The tests build on each other (the configuration of the first is used by the rest).
test.describe.configure({ mode: "serial" });

const ALLOWED_DOMAIN = "kunde-sso.example";
const SCREENSHOTS = "test-results/screenshots";
let provider: RunningProvider;

test.beforeAll(async ({}, testInfo) => {
  const baseURL = String(testInfo.project.use.baseURL);
  provider = await startOidcProvider({ redirectUris: [`${baseURL}/api/auth/callback/oidc-mpmx`] });
  mkdirSync(SCREENSHOTS, { recursive: true });
});
test.afterAll(async () => {
  await provider?.stop();
});

const settingsForm = (page: Page) => page.getByTestId("sso-settings-form");

test("the owner turns SSO on: discovery and domain errors next to their fields, the secret write-only", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAsStaff(page, "owner@mpmx.example", { next: "/mpmx/admin/settings?lang=en" });
  await expect(page).toHaveURL(/\/mpmx\/admin\/settings/);
  await expect(page.getByRole("heading", { level: 2, name: "Single sign-on for customers (OIDC)" })).toBeVisible();
  await expect(page.getByTestId("sso-status")).toHaveText("Off");
  await expect(page.getByTestId("sso-secret-status")).toHaveText("No secret is stored yet.");
  await expect(page.getByTestId("sso-redirect-uri")).toHaveText(/\/api\/auth\/callback\/oidc-mpmx$/);
  await expectNoSeriousAxeViolations(page, "/mpmx/admin/settings");

  // A provider that does not answer: the error sits at the issuer field, the input is kept.
  const form = settingsForm(page);
  const unreachable = `http://127.0.0.1:${OIDC_PORT + 1}`;
  await form.getByLabel("Issuer URL").fill(unreachable);
  await form.getByLabel("Client ID").fill(OIDC_CLIENT_ID);
  await form.getByLabel("Client secret").fill(OIDC_CLIENT_SECRET);
  await form.getByLabel("Allowed email domains").fill(`${ALLOWED_DOMAIN}, not a domain`);
  await submitForm(page, form.getByRole("button", { name: "Save and enable" }));
  await expect(form.getByTestId("error-emailDomains")).toHaveText(/Please enter domains like customer\.example/);
  await expect(form.getByTestId("error-issuer")).toHaveCount(0);
  await form.getByLabel("Allowed email domains").fill(ALLOWED_DOMAIN);
  await form.getByLabel("Client secret").fill(OIDC_CLIENT_SECRET);
  await submitForm(page, form.getByRole("button", { name: "Save and enable" }));
  await expect(form.getByTestId("error-issuer")).toHaveText(/could not load this provider's discovery document/);
  await expect(form.getByLabel("Issuer URL")).toHaveValue(unreachable);
  await expect(form.getByLabel("Issuer URL")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Allowed email domains")).toHaveValue(ALLOWED_DOMAIN);
  await expect(form.getByLabel("Client secret")).toHaveValue("");
  await expect(page.getByTestId("sso-status")).toHaveText("Off");
  await expectNoSeriousAxeViolations(page, "/mpmx/admin/settings (errors)");
  await page.screenshot({ path: `${SCREENSHOTS}/sso-settings-errors-1280.png`, fullPage: true });

  await form.getByLabel("Issuer URL").fill(OIDC_ISSUER);
  await form.getByLabel("Client secret").fill(OIDC_CLIENT_SECRET);
  await submitForm(page, form.getByRole("button", { name: "Save and enable" }));
  await expect(form.getByTestId("form-alert")).toHaveText("Single sign-on is on. Customers can now use it on the sign-in page of this trust center.");
  await expect(page.getByTestId("sso-status")).toHaveText("On");
  await expect(page.getByTestId("sso-secret-status")).toHaveText("A secret is stored. Leave the field empty to keep it.");
  await expect(page.locator("body")).not.toContainText(OIDC_CLIENT_SECRET);

  // After a reload the stored values are shown, the secret is not.
  await page.reload();
  await expect(form.getByLabel("Issuer URL")).toHaveValue(OIDC_ISSUER);
  await expect(form.getByLabel("Client secret")).toHaveValue("");
  expect(await page.content()).not.toContain(OIDC_CLIENT_SECRET);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/sso-settings-390.png`, fullPage: true });
});

async function signInAtProvider(page: Page, email: string) {
  await page.goto("/signin?tenant=mpmx&lang=en");
  await page.getByRole("button", { name: /^Sign in with .+ single sign-on$/ }).click();
  await page.waitForURL(new RegExp(`^${OIDC_ISSUER}/interaction/`));
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("a customer of a listed domain signs in through the provider and lands signed in", async ({ page, context, browser }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/signin?tenant=mpmx&lang=en");
  await expect(page.getByRole("button", { name: /^Sign in with .+ single sign-on$/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page, "/signin?tenant=mpmx");
  await page.screenshot({ path: `${SCREENSHOTS}/sso-signin-1280.png`, fullPage: true });

  const email = `anna.${Date.now()}@${ALLOWED_DOMAIN}`;
  await signInAtProvider(page, email);
  await page.waitForURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toHaveText(`Signed in as ${email}`);
  await expectNoSeriousAxeViolations(page, "/account (after SSO)");

  // Vouchsafe's own session cookie, without an expiry of its own (the server ends the session).
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name === "vouchsafe.session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", expires: -1 });
  expect(cookies.map((cookie) => cookie.name).filter((name) => name.startsWith("authjs."))).toEqual([]);

  // A second sign-in of the same person reuses the account: still one user, a new session.
  await page.goto("/signin?tenant=mpmx&lang=en");
  await page.getByRole("button", { name: /^Sign in with .+ single sign-on$/ }).click();
  await page.waitForURL(/\/account$/);
  const renewed = (await context.cookies()).find((cookie) => cookie.name === "vouchsafe.session");
  expect(renewed?.value).toBeTruthy();
  expect(renewed?.value).not.toBe(session?.value);
  await expect(page.getByTestId("account-email")).toHaveText(`Signed in as ${email}`);

  // Signing in again started a new session and ended the previous one.
  const replay = await browser.newContext();
  await replay.addCookies([{ ...session!, expires: undefined }]);
  const replayed = await replay.newPage();
  await replayed.goto("/account");
  await expect(replayed).toHaveURL(/\/signin/);
  await replay.close();
});

test("an address outside the listed domains is refused with an explanation, in the user's language", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAtProvider(page, `eve.${Date.now()}@elsewhere.example`);
  await page.waitForURL(/\/signin\?/);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ tenant: "mpmx", error: "sso", reason: "domain_not_allowed" });
  await expect(page.getByTestId("sso-error")).toHaveText(
    "Your email address is not in a domain this trust center accepts for single sign-on. Sign in with an email link instead, or ask the trust center's operator to add your domain.",
  );
  await expectNoSeriousAxeViolations(page, "/signin (SSO refused)");
  await page.screenshot({ path: `${SCREENSHOTS}/sso-refused-390.png`, fullPage: true });

  await page.goto(`${url.pathname}${url.search}&lang=de`);
  await expect(page.getByTestId("sso-error")).toHaveText(/^Ihre E-Mail-Adresse gehört zu keiner Domain, die dieses Trust Center für Single Sign-on zulässt\./);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);
});

test("an address the provider has not verified is refused", async ({ page }) => {
  await signInAtProvider(page, `unverified.${Date.now()}@${ALLOWED_DOMAIN}`);
  await page.waitForURL(/\/signin\?/);
  expect(new URL(page.url()).searchParams.get("reason")).toBe("email_unverified");
  await expect(page.getByTestId("sso-error")).toContainText("has not confirmed your email address");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);
});

test("Auth.js's own endpoints are not exposed, and a callback for a tenant without SSO is a 404", async ({ request }) => {
  for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/signin", "/api/auth/signout", "/api/auth/callback/oidc-nordlicht", "/api/auth/callback/github"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
});
