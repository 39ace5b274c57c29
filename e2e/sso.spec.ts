import { mkdirSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { startDnsServer, type TestDnsServer } from "../server/testing/dns-server";
import { signInAsStaff } from "./fixtures/auth";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ISSUER, OIDC_PORT, startOidcProvider, type RunningProvider } from "./fixtures/oidc-provider";
import { expect, submitForm, test } from "./fixtures/test";
import { E2E_DNS_PORT } from "./support/ports";

// Customer single sign-on against a real OpenID Connect provider and a real DNS server, both
// started here (the app asks the DNS server through SSO_DNS_SERVERS, playwright.config.ts): the
// owner of mpmx sets up the provider, lists email domains and proves one of them by a DNS TXT
// record; customers of that domain sign in through the provider, everyone else is refused, and
// a listed domain that is not verified admits no one. The tests build on each other.
test.describe.configure({ mode: "serial" });

const VERIFIED_DOMAIN = "kunde-sso.example";
const PENDING_DOMAIN = "pending-sso.example";
const SCREENSHOTS = "test-results/screenshots";
let provider: RunningProvider;
let dns: TestDnsServer;

test.beforeAll(async ({}, testInfo) => {
  const baseURL = String(testInfo.project.use.baseURL);
  provider = await startOidcProvider({ redirectUris: [`${baseURL}/api/auth/callback/oidc-mpmx`] });
  dns = await startDnsServer({ port: E2E_DNS_PORT });
  mkdirSync(SCREENSHOTS, { recursive: true });
});
test.afterAll(async () => {
  await provider?.stop();
  await dns?.close();
});

const settingsForm = (page: Page) => page.getByTestId("sso-settings-form");
const domainRow = (page: Page, domain: string) => page.locator(`[data-testid="sso-domain"][data-domain="${domain}"]`);

async function addDomain(page: Page, domain: string) {
  const form = page.getByTestId("sso-domain-add-form");
  await form.getByLabel("Add an email domain").fill(domain);
  await submitForm(page, form.getByRole("button", { name: "Add domain" }));
}

/** Clicks a button of a domain and waits for the action's answer (the button may be gone afterwards). */
async function clickDomainButton(page: Page, domain: string, name: "Verify now" | "Remove") {
  const answered = page.waitForResponse((response) => response.request().method() === "POST");
  await domainRow(page, domain).getByRole("button", { name: `${name} ${domain}` }).click();
  await answered;
}

const verifyDomain = (page: Page, domain: string) => clickDomainButton(page, domain, "Verify now");

test("the owner sets up the provider and its email domains: errors next to their fields, the secret write-only", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAsStaff(page, "owner@mpmx.example", { next: "/mpmx/admin/settings?lang=en" });
  await expect(page).toHaveURL(/\/mpmx\/admin\/settings/);
  await expect(page.getByRole("heading", { level: 2, name: "Single sign-on for customers (OIDC)" })).toBeVisible();
  await expect(page.getByTestId("sso-status")).toHaveText("Off");
  await expect(page.getByTestId("sso-secret-status")).toHaveText("No secret is stored yet.");
  await expect(page.getByTestId("sso-redirect-uri")).toHaveText(/\/api\/auth\/callback\/oidc-mpmx$/);
  await expect(page.getByTestId("sso-domains-empty")).toHaveText("No email domains yet.");
  await expectNoSeriousAxeViolations(page, "/mpmx/admin/settings");

  // A provider that does not answer: the error sits at the issuer field, the input is kept.
  const form = settingsForm(page);
  const unreachable = `http://127.0.0.1:${OIDC_PORT + 1}`;
  await form.getByLabel("Issuer URL").fill(unreachable);
  await form.getByLabel("Client ID").fill(OIDC_CLIENT_ID);
  await form.getByLabel("Client secret").fill(OIDC_CLIENT_SECRET);
  await submitForm(page, form.getByRole("button", { name: "Save provider" }));
  await expect(form.getByTestId("error-issuer")).toHaveText(/could not load this provider's discovery document/);
  await expect(form.getByLabel("Issuer URL")).toHaveValue(unreachable);
  await expect(form.getByLabel("Issuer URL")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Client secret")).toHaveValue("");
  await expect(page.getByTestId("sso-status")).toHaveText("Off");

  // Saved: the provider alone turns nothing on.
  await form.getByLabel("Issuer URL").fill(OIDC_ISSUER);
  await form.getByLabel("Client secret").fill(OIDC_CLIENT_SECRET);
  await submitForm(page, form.getByRole("button", { name: "Save provider" }));
  await expect(form.getByTestId("form-alert")).toHaveText("The provider is saved. Single sign-on starts as soon as one of the email domains below is verified.");
  await expect(page.getByTestId("sso-status")).toHaveText("Waiting for a verified domain");
  await expect(page.getByTestId("sso-secret-status")).toHaveText("A secret is stored. Leave the field empty to keep it.");
  await expect(page.locator("body")).not.toContainText(OIDC_CLIENT_SECRET);

  // Domains: bad ones are refused next to the field, input kept; free-mail domains never.
  const addForm = page.getByTestId("sso-domain-add-form");
  await addDomain(page, "not a domain");
  await expect(addForm.getByTestId("error-domain")).toHaveText("Please enter a domain like customer.example (no email address, wildcard or IP address).");
  await expect(addForm.getByLabel("Add an email domain")).toHaveValue("not a domain");
  await addDomain(page, "GMail.com");
  await expect(addForm.getByTestId("error-domain")).toHaveText("Free-mail domains such as gmail.com cannot be used for single sign-on: no company can speak for all of their users.");
  await expect(page.getByTestId("sso-domain")).toHaveCount(0);

  await addDomain(page, VERIFIED_DOMAIN);
  await expect(addForm.getByTestId("form-alert")).toHaveText(`${VERIFIED_DOMAIN} was added. Publish its TXT record, then verify it.`);
  await expect(addForm.getByLabel("Add an email domain")).toHaveValue("");
  await addDomain(page, PENDING_DOMAIN);
  await addDomain(page, VERIFIED_DOMAIN);
  await expect(addForm.getByTestId("error-domain")).toHaveText("This domain is already in the list.");
  const row = domainRow(page, VERIFIED_DOMAIN);
  await expect(row.getByTestId("sso-domain-status")).toHaveText("Not verified");
  await expect(row.getByTestId("sso-domain-record-name")).toHaveText(`_vouchsafe-challenge.${VERIFIED_DOMAIN}`);
  await expect(row.getByTestId("sso-domain-record-value")).toHaveText(/^vouchsafe-domain-verification=[0-9a-f]{32}$/);
  await expect(domainRow(page, PENDING_DOMAIN).getByTestId("sso-domain-status")).toHaveText("Not verified");
  // Each domain has a token of its own.
  expect(await domainRow(page, PENDING_DOMAIN).getByTestId("sso-domain-record-value").textContent()).not.toBe(await row.getByTestId("sso-domain-record-value").textContent());
  await expect(page.getByTestId("sso-status")).toHaveText("Waiting for a verified domain");

  // Nothing admits a sign-in yet: the sign-in page offers no SSO button.
  const signin = await page.context().newPage();
  await signin.goto("/signin?tenant=mpmx&lang=en");
  await expect(signin.getByRole("button", { name: /single sign-on$/ })).toHaveCount(0);
  await signin.close();
});

test("the owner proves the domain by DNS: record missing, wrong value, then the published token", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAsStaff(page, "owner@mpmx.example", { next: "/mpmx/admin/settings?lang=en" });
  const row = domainRow(page, VERIFIED_DOMAIN);
  const name = `_vouchsafe-challenge.${VERIFIED_DOMAIN}`;
  const value = (await row.getByTestId("sso-domain-record-value").textContent())!;

  // Nothing published yet (NXDOMAIN): the reason sits next to the domain.
  await verifyDomain(page, VERIFIED_DOMAIN);
  await expect(page.getByTestId("sso-domain-alert")).toHaveText(`${VERIFIED_DOMAIN} could not be verified. The reason is shown next to the domain.`);
  await expect(row.getByTestId("sso-domain-status")).toHaveText("Verification failed");
  await expect(row.getByTestId("sso-domain-failure")).toHaveText(`No TXT record found at ${name}. Publish the record; if you just did, wait a few minutes until your DNS provider serves it, then try again.`);
  await expect(row.getByTestId("sso-domain-checked")).toHaveText(/^Last checked on \d\d\/\d\d\/\d{4}, \d\d:\d\d\.$/);
  expect(dns.questions).toContain(name);

  // Another value (another tenant's token, say): refused.
  dns.setTxt(name, ["vouchsafe-domain-verification=0123456789abcdef0123456789abcdef", "v=spf1 -all"]);
  await verifyDomain(page, VERIFIED_DOMAIN);
  await expect(row.getByTestId("sso-domain-failure")).toHaveText(`The TXT record at ${name} does not have the expected value. Check that it contains exactly the value shown, without extra characters.`);
  await expect(page.getByTestId("sso-status")).toHaveText("Waiting for a verified domain");
  await expectNoSeriousAxeViolations(page, "/mpmx/admin/settings (verification failed)");

  // The published token (as a DNS console may split it into two strings): verified, SSO is on.
  dns.setTxt(name, ["v=spf1 -all", [value.slice(0, 40), value.slice(40)]]);
  await verifyDomain(page, VERIFIED_DOMAIN);
  await expect(page.getByTestId("sso-domain-alert")).toHaveText(`${VERIFIED_DOMAIN} is verified. Its addresses can now sign in with single sign-on.`);
  await expect(row.getByTestId("sso-domain-status")).toHaveText("Verified");
  await expect(row.getByTestId("sso-domain-failure")).toHaveCount(0);
  await expect(row.getByRole("button", { name: `Verify now ${VERIFIED_DOMAIN}` })).toHaveCount(0);
  await expect(page.getByTestId("sso-status")).toHaveText("On");
  // The other domain stays unverified.
  await expect(domainRow(page, PENDING_DOMAIN).getByTestId("sso-domain-status")).toHaveText("Not verified");

  // After a reload the state is the stored one.
  await page.reload();
  await expect(row.getByTestId("sso-domain-status")).toHaveText("Verified");
  await expect(row.getByTestId("sso-domain-checked")).toHaveText(/^Verified on .+ Keep the TXT record in place\.$/);
  await expect(settingsForm(page).getByLabel("Issuer URL")).toHaveValue(OIDC_ISSUER);
  expect(await page.content()).not.toContain(OIDC_CLIENT_SECRET);
  await expectNoSeriousAxeViolations(page, "/mpmx/admin/settings (verified)");

  // A failed check of the pending domain, for the screenshots of every state.
  await verifyDomain(page, PENDING_DOMAIN);
  await expect(domainRow(page, PENDING_DOMAIN).getByTestId("sso-domain-status")).toHaveText("Verification failed");
  const section = page.getByTestId("sso-settings");
  for (const lang of ["en", "de"] as const) {
    await page.goto(`/mpmx/admin/settings?lang=${lang}`);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await section.screenshot({ path: `${SCREENSHOTS}/sso-settings-${lang}-${width}.png` });
    }
  }
  await expect(domainRow(page, PENDING_DOMAIN).getByTestId("sso-domain-failure")).toHaveText(/^Unter _vouchsafe-challenge\.pending-sso\.example wurde kein TXT-Eintrag gefunden\./);
});

async function signInAtProvider(page: Page, email: string) {
  await page.goto("/signin?tenant=mpmx&lang=en");
  await page.getByRole("button", { name: /^Sign in with .+ single sign-on$/ }).click();
  await page.waitForURL(new RegExp(`^${OIDC_ISSUER}/interaction/`));
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("a customer of the verified domain signs in through the provider and lands signed in", async ({ page, context, browser }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/signin?tenant=mpmx&lang=en");
  await expect(page.getByRole("button", { name: /^Sign in with .+ single sign-on$/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page, "/signin?tenant=mpmx");
  await page.screenshot({ path: `${SCREENSHOTS}/sso-signin-1280.png`, fullPage: true });

  const email = `anna.${Date.now()}@${VERIFIED_DOMAIN}`;
  await signInAtProvider(page, email);
  await page.waitForURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toHaveText(`Signed in as ${email}`);
  await expectNoSeriousAxeViolations(page, "/account (after SSO)");

  // Vouchsafe's own session cookie, without an expiry of its own (the server ends the session).
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name === "vouchsafe.session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", expires: -1 });
  expect(cookies.map((cookie) => cookie.name).filter((name) => name.startsWith("authjs.") || name === "vouchsafe.sso-continue")).toEqual([]);

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

async function expectRefused(page: Page, reason: string) {
  await page.waitForURL(/\/signin\?/);
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ tenant: "mpmx", error: "sso", reason });
}

test("an address of a listed but unverified domain is refused with an explanation, in the user's language", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAtProvider(page, `alice.${Date.now()}@${PENDING_DOMAIN}`);
  await expectRefused(page, "domain_unverified");
  await expect(page.getByTestId("sso-error")).toHaveText(
    "Single sign-on is not active yet for your email domain: this trust center has not yet proved that it may speak for the domain. Please sign in with an email link below, or ask the trust center's operator.",
  );
  await expectNoSeriousAxeViolations(page, "/signin (SSO refused: domain not verified)");
  await page.screenshot({ path: `${SCREENSHOTS}/sso-refused-unverified-390.png`, fullPage: true });
  await page.goto(`${new URL(page.url()).pathname}${new URL(page.url()).search}&lang=de`);
  await expect(page.getByTestId("sso-error")).toHaveText(/^Single Sign-on ist für Ihre E-Mail-Domain noch nicht aktiv:/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);
});

test("an address outside the listed domains is refused with an explanation, in the user's language", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAtProvider(page, `eve.${Date.now()}@elsewhere.example`);
  await expectRefused(page, "domain_not_allowed");
  await expect(page.getByTestId("sso-error")).toHaveText(
    "Your email address is not in a domain this trust center accepts for single sign-on. Sign in with an email link instead, or ask the trust center's operator to add your domain.",
  );
  await expectNoSeriousAxeViolations(page, "/signin (SSO refused)");
  await page.screenshot({ path: `${SCREENSHOTS}/sso-refused-390.png`, fullPage: true });

  await page.goto(`${new URL(page.url()).pathname}${new URL(page.url()).search}&lang=de`);
  await expect(page.getByTestId("sso-error")).toHaveText(/^Ihre E-Mail-Adresse gehört zu keiner Domain, die dieses Trust Center für Single Sign-on zulässt\./);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);
});

test("an address the provider has not verified is refused", async ({ page }) => {
  await signInAtProvider(page, `unverified.${Date.now()}@${VERIFIED_DOMAIN}`);
  await expectRefused(page, "email_unverified");
  await expect(page.getByTestId("sso-error")).toContainText("has not confirmed your email address");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);
});

async function withoutJavaScript<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test("without JavaScript the SSO button still leads through the provider into the account", async ({ browser }) => {
  await withoutJavaScript(browser, async (page) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    const email = `nojs.${Date.now()}@${VERIFIED_DOMAIN}`;
    await signInAtProvider(page, email);
    await page.waitForURL(/\/account$/);
    await expect(page.getByTestId("account-email")).toHaveText(`Signed in as ${email}`);
    expect(violations).toEqual([]);
    // The page between the button and the provider is used up: opened again, it goes back to sign-in.
    await page.goto("/signin/sso");
    await expect(page).toHaveURL(/\/signin$/);
  });
});

test("the SSO start refuses a cross-site POST, and Auth.js's own endpoints are not exposed", async ({ request }) => {
  const forged = await request.post("/signin/sso", { form: { tenant: "mpmx", next: "/account" }, headers: { origin: "https://evil.example" }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  expect(forged.headers()["set-cookie"] ?? "").not.toMatch(/authjs\.|vouchsafe\.sso-continue/);
  for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/signin", "/api/auth/signout", "/api/auth/callback/oidc-nordlicht", "/api/auth/callback/github"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
});

test("removing the verified domain ends single sign-on for it at once", async ({ page }) => {
  await signInAsStaff(page, "owner@mpmx.example", { next: "/mpmx/admin/settings?lang=en" });
  await clickDomainButton(page, VERIFIED_DOMAIN, "Remove");
  await expect(page.getByTestId("sso-domain-alert")).toHaveText(`${VERIFIED_DOMAIN} was removed. Its addresses can no longer sign in with single sign-on.`);
  await expect(domainRow(page, VERIFIED_DOMAIN)).toHaveCount(0);
  await expect(page.getByTestId("sso-status")).toHaveText("Waiting for a verified domain");
  await page.goto("/signin?tenant=mpmx&lang=en");
  await expect(page.getByRole("button", { name: /single sign-on$/ })).toHaveCount(0);
});
