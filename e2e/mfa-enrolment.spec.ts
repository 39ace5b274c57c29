import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { freshTotpCode, signInAsStaff, signInWithEmailLink, uniqueEmail } from "./fixtures/auth";
import { expect, submitForm, test } from "./fixtures/test";

// A new owner's way into the console: create a trust center, be stopped at MFA enrolment, enrol
// TOTP (recovery codes shown once), set a password, and sign in as staff from then on.
test("a new owner must enrol TOTP before the console opens, then signs in with password and code", async ({ page }) => {
  const email = uniqueEmail("owner");
  const slug = `acme-${Date.now().toString(36)}`;
  await signInWithEmailLink(page, email);

  await page.goto("/new?lang=en");
  await expectNoSeriousAxeViolations(page, "/new");
  await page.getByLabel("Name of your organisation").fill("Acme Cloud GmbH");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create trust center" }).click();

  // The console refuses a session without a second factor and sends the owner to the enrolment.
  await expect(page).toHaveURL(new RegExp(`/account/security\\?next=%2F${slug}%2Fadmin$`));
  await expect(page.getByTestId("mfa-required")).toHaveText("Staff accounts must use two-factor authentication. Set it up below to open the console.");
  await expectNoSeriousAxeViolations(page, "/account/security (enrolment)");
  const direct = await page.goto(`/${slug}/admin/members`);
  expect(new URL(direct!.url()).pathname).toBe("/account/security");

  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("6-digit code").fill("123456");
  await submitForm(page, page.getByRole("button", { name: "Turn on two-factor authentication" }));
  await expect(page.getByTestId("error-code")).toContainText("That code is not valid.");
  await page.getByLabel("6-digit code").fill(freshTotpCode(email, secret));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await expect(codes.first()).toHaveText(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  // "Continue" leads where the owner was going when the console stopped them.
  await page.getByTestId("mfa-continue").click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/admin/members$`));
  await page.goto(`/${slug}/admin`);
  await expect(page.getByTestId("console-roles")).toHaveText("Your roles: Owner");

  // A password for staff sign-in: the policy answers next to the field.
  await page.goto("/account/security?lang=en");
  const save = page.getByRole("button", { name: "Save password" });
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Repeat the new password").fill("short");
  await submitForm(page, save);
  await expect(page.getByTestId("error-password")).toHaveText("Use at least 12 characters.");
  await page.getByLabel("New password", { exact: true }).fill("qwerty123456");
  await page.getByLabel("Repeat the new password").fill("qwerty123456");
  await submitForm(page, save);
  await expect(page.getByTestId("error-password")).toHaveText("This password is too common or easy to guess. Try a sentence of several words.");
  await page.getByLabel("New password", { exact: true }).fill("acme keeps its measures current");
  await page.getByLabel("Repeat the new password").fill("acme keeps its measures currant");
  await submitForm(page, save);
  await expect(page.getByTestId("error-confirmation")).toHaveText("The two passwords do not match.");
  await page.getByLabel("New password", { exact: true }).fill("acme keeps its measures current");
  await page.getByLabel("Repeat the new password").fill("acme keeps its measures current");
  await submitForm(page, save);
  await expect(page.getByTestId("form-alert")).toHaveText("Password saved. Your other sessions have been signed out.");

  await page.getByTestId("sign-out").click();
  await signInAsStaff(page, email, { next: `/${slug}/admin`, password: "acme keeps its measures current", secret });
  await expect(page).toHaveURL(new RegExp(`/${slug}/admin$`));
});
