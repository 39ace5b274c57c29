import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { expectSignedOut, freshTotpCode, signInAsStaff, signInWithEmailLink, uniqueEmail } from "./fixtures/auth";
import { linkIn, receivedMails, waitForMail } from "./fixtures/mail";
import { expect, submitForm, test } from "./fixtures/test";

// Sign-in journeys through the real pages: magic link over a real SMTP server, staff password + TOTP.

test("a customer signs in with an email link; opening the link alone signs nobody in, and it works once", async ({ page, browser }) => {
  const email = uniqueEmail();
  await page.goto("/signin?lang=en");
  await expectNoSeriousAxeViolations(page, "/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/signin\/check-email/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const mail = await waitForMail(email);
  expect(mail.subject).toBe("Your sign-in link for Vouchsafe");
  const link = linkIn(mail, "/signin/link");
  expect(new URL(link).searchParams.get("email")).toBe(email);

  // A mail scanner prefetching the link (a GET in another browser) must not use it up.
  const scanner = await browser.newContext();
  const prefetch = await scanner.request.get(link);
  expect(prefetch.status()).toBe(200);
  await scanner.close();

  await page.goto(link);
  await expectNoSeriousAxeViolations(page, "/signin/link");
  await expect(page.getByText(`Sign in as ${email}?`)).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toHaveText(`Signed in as ${email}`);
  await expectNoSeriousAxeViolations(page, "/account");

  // The same link a second time: refused, with a way forward.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await second.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(second.getByTestId("link-problem")).toContainText("invalid, expired or has already been used");
  await expectSignedOut(second);
  await other.close();
});

test("bad input on the sign-in form is answered next to the field, with the input kept", async ({ page }) => {
  await page.goto("/signin?lang=de");
  const field = page.getByLabel("E-Mail-Adresse");
  await page.getByRole("button", { name: "Anmeldelink senden" }).click();
  await expect(page.getByTestId("error-email")).toHaveText("Bitte füllen Sie dieses Feld aus.");
  for (const input of ["kein-at-zeichen", "a@b", "<script>alert(1)</script>@x.de", `${"x".repeat(250)}@example.com`, "jürgen@例え.テスト'; DROP TABLE users;--"]) {
    await field.fill(input);
    await submitForm(page, page.getByRole("button", { name: "Anmeldelink senden" }));
    await expect(page.getByTestId("error-email")).toHaveText(input.length > 254 ? "Bitte verwenden Sie höchstens 254 Zeichen." : "Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.");
    await expect(field).toHaveValue(input);
    await expect(field).toHaveAttribute("aria-invalid", "true");
  }
});

test("magic links are rate-limited per address, and the answer says so", async ({ page }) => {
  const email = uniqueEmail("limited");
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.goto("/signin?lang=en");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page).toHaveURL(/\/signin\/check-email/);
  }
  await page.goto("/signin?lang=en");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByTestId("form-alert")).toContainText("Too many attempts. Please wait");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await waitForMail(email, 3);
  expect(receivedMails(email)).toHaveLength(3);
});

test("staff sign in with password and TOTP; a wrong password or code is refused without saying which part was wrong", async ({ page }) => {
  await page.goto("/signin/staff?lang=en");
  await expectNoSeriousAxeViolations(page, "/signin/staff");
  await page.getByLabel("Email address").fill("owner@mpmx.example");
  await page.getByLabel("Password").fill("not-the-password-at-all");
  await submitForm(page, page.getByRole("button", { name: "Continue" }));
  await expect(page.getByTestId("form-alert")).toHaveText("Email or password is wrong.");
  await expect(page.getByLabel("Email address")).toHaveValue("owner@mpmx.example");
  await expect(page.getByLabel("Password")).toHaveValue("");

  // Unknown account: the same answer.
  await page.getByLabel("Email address").fill("nobody@mpmx.example");
  await page.getByLabel("Password").fill("trust-center-demo-2026");
  await submitForm(page, page.getByRole("button", { name: "Continue" }));
  await expect(page.getByTestId("form-alert")).toHaveText("Email or password is wrong.");
  await expect(page.getByLabel("Email address")).toHaveValue("nobody@mpmx.example");

  await page.getByLabel("Email address").fill("owner@mpmx.example");
  await page.getByLabel("Password").fill("trust-center-demo-2026");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/signin\/mfa/);
  await expectNoSeriousAxeViolations(page, "/signin/mfa");
  // Between password and code the console stays closed, and so does the account area.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\/mfa\?next=%2Faccount$/);
  await page.goto("/mpmx/admin");
  await expect(page).toHaveURL(/\/signin\/mfa\?next=%2Fmpmx%2Fadmin/);
  await page.getByLabel("Code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("error-code")).toContainText("That code is not valid.");
  await page.getByLabel("Code").fill(freshTotpCode("owner@mpmx.example"));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/mpmx\/admin$/);
  await expect(page.getByTestId("console-roles")).toHaveText("Your roles: Owner");
  await expectNoSeriousAxeViolations(page, "/mpmx/admin");
});

test("after sign-out the old session cookie is worthless", async ({ page, browser }) => {
  await signInAsStaff(page, "admin@mpmx.example", { next: "/mpmx/admin" });
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "vouchsafe.session");
  expect(session, "the session cookie").toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");

  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1/);
  await expect(page.getByTestId("signed-out")).toBeVisible();

  // Replay the old cookie in a fresh browser: the server has ended the session.
  const replay = await browser.newContext();
  await replay.addCookies([session!]);
  const again = await replay.newPage();
  await again.goto("/mpmx/admin");
  await expect(again).toHaveURL(/\/signin\/staff\?next=%2Fmpmx%2Fadmin/);
  await replay.close();
});

test("a customer's session does not open a staff console", async ({ page }) => {
  await signInWithEmailLink(page, uniqueEmail());
  const response = await page.goto("/mpmx/admin");
  expect(response!.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
});
