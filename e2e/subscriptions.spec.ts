import { createServer } from "node:http";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { signInAsStaff, signInWithEmailLink, uniqueEmail } from "./fixtures/auth";
import { linkIn, receivedMails, waitForMail } from "./fixtures/mail";
import { expect, open, setCookieHeaders, submitForm, test } from "./fixtures/test";

// Subscribers: a visitor subscribes on the trust center (double opt-in through the real SMTP
// server), unsubscribes with one click as a mail client does; a signed-in customer manages their
// subscriptions under /account; an owner sees the subscribers and manages webhooks. English UI.

test.use({ locale: "en-GB" });

test("a visitor subscribes, confirms through the emailed link and unsubscribes with one click like a mail client", async ({ page, request }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("subscriber");
  const response = await open(page, "/mpmx/subscribe?lang=en", 200, "load");
  // A cached public page: no cookie, whoever asks.
  expect(await setCookieHeaders(response)).toEqual([]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Subscribe to updates");
  await expectNoSeriousAxeViolations(page);

  // Bad input: errors at the fields, the input kept, nothing sent.
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByLabel("Security measures").uncheck();
  await submitForm(page, page.getByRole("button", { name: "Subscribe" }));
  await expect(page.getByTestId("error-email")).toHaveText("Please enter an email address like name@example.com.");
  await expect(page.getByTestId("error-topics")).toHaveText("Please choose at least one topic.");
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-address");

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Security measures").check();
  await page.getByLabel("Security incidents").check();
  await submitForm(page, page.getByRole("button", { name: "Subscribe" }));
  await expect(page.getByTestId("subscribe-sent")).toContainText(`if ${email} can receive our emails`);

  const confirmation = await waitForMail(email);
  expect(confirmation.subject).toMatch(/: please confirm your subscription$/);
  expect(confirmation.text).toContain("Security measures, Security incidents");
  const confirmLink = linkIn(confirmation, "/subscribe/confirm/");

  // Opening the link changes nothing (scanners fetch links): the page asks for the button press.
  await open(page, confirmLink, 200, "load");
  await open(page, confirmLink, 200, "load");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your subscription");
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByTestId("confirm-subscription-result")).toHaveText(/your subscription is confirmed/);
  // Used once: the same link now confirms nothing.
  await open(page, confirmLink, 200, "load");
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByTestId("confirm-subscription-result")).toHaveText(/unknown or has already been used/);

  // Subscribing again answers exactly as before; the mail tells a subscribed address so, with its unsubscribe link.
  await open(page, "/mpmx/subscribe?lang=en", 200, "load");
  await page.getByLabel("Email address").fill(email);
  await submitForm(page, page.getByRole("button", { name: "Subscribe" }));
  await expect(page.getByTestId("subscribe-sent")).toContainText(`if ${email} can receive our emails`);
  const note = await waitForMail(email, 2);
  expect(note.subject).toMatch(/: you are already subscribed$/);
  const unsubscribeLink = linkIn(note, "/api/unsubscribe/mpmx/");
  expect(note.headers.list ?? "").toContain(unsubscribeLink.split("?")[0]);

  // RFC 8058: the mail client POSTs without Origin or cookies.
  const oneClick = await request.post(unsubscribeLink, { headers: { "content-type": "application/x-www-form-urlencoded" }, data: "List-Unsubscribe=One-Click" });
  expect(oneClick.status()).toBe(200);
  expect(await oneClick.text()).toBe("Unsubscribed");
  const again = await request.post(unsubscribeLink, { headers: { "content-type": "application/x-www-form-urlencoded" }, data: "List-Unsubscribe=One-Click" });
  expect(again.status()).toBe(404);
  // Without the one-click body nothing happens.
  expect((await request.post(unsubscribeLink, { data: "" })).status()).toBe(400);

  // The same address opened in a browser leads to the confirmation page (GET changes nothing).
  await page.goto(unsubscribeLink);
  await expect(page).toHaveURL(/\/mpmx\/unsubscribe\/[A-Za-z0-9_-]{43}\?lang=en$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unsubscribe");
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByTestId("unsubscribe-result")).toHaveText(/unsubscribe link is unknown/);
  expect(receivedMails(email)).toHaveLength(2);
});

test("a signed-in customer manages their subscriptions under /account", async ({ page }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("account-subscriber");
  await open(page, "/nordlicht/subscribe?lang=en", 200, "load");
  await page.getByLabel("Email address").fill(email);
  await submitForm(page, page.getByRole("button", { name: "Subscribe" }));
  await expect(page.getByTestId("subscribe-sent")).toBeVisible();
  await waitForMail(email);

  await signInWithEmailLink(page, email, "/account/subscriptions?lang=en");
  await expect(page).toHaveURL(/\/account\/subscriptions/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Subscriptions");
  const item = page.getByTestId("own-subscription");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Waiting for confirmation");
  await expectNoSeriousAxeViolations(page);

  await item.getByLabel("Certifications").check();
  await submitForm(page, item.getByRole("button", { name: "Save topics" }));
  await expect(page.getByTestId("topics-saved")).toBeVisible();
  await page.reload();
  await expect(item).toContainText("Confirmed");
  await expect(item.getByLabel("Certifications")).toBeChecked();
  await expect(item.getByLabel("Security measures")).toBeChecked();

  await item.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByTestId("unsubscribed")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("own-subscription")).toHaveCount(0);
  await expect(page.getByText("This address has no subscriptions.")).toBeVisible();
});

test("an owner sees the subscribers and adds and removes a webhook endpoint", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAsStaff(page, "owner@mpmx.example", { next: "/mpmx/admin/subscribers?lang=en" });
  await expect(page).toHaveURL(/\/mpmx\/admin\/subscribers/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Subscribers");
  await expect(page.getByTestId("subscriber-summary")).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // A local receiver: allowed outside production.
  const receiver = createServer((_request, response) => response.writeHead(204).end());
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const address = receiver.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hook-${Date.now()}`;
  try {
    await page.goto("/mpmx/admin/webhooks?lang=en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webhooks");
    await page.getByLabel("Endpoint URL").fill("ftp://example.com/hook");
    await submitForm(page, page.getByRole("button", { name: "Add endpoint" }));
    await expect(page.getByTestId("error-url")).toHaveText(/full http:\/\/ or https:\/\/ address/);
    await expect(page.getByLabel("Endpoint URL")).toHaveValue("ftp://example.com/hook");

    await page.getByLabel("Endpoint URL").fill(url);
    await submitForm(page, page.getByRole("button", { name: "Add endpoint" }));
    await expect(page.getByTestId("webhook-secret")).toHaveText(/^whsec_[A-Za-z0-9_-]{43}$/);
    await expectNoSeriousAxeViolations(page);
    await page.reload();
    // Shown once: not on the page any more.
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
    const row = page.getByTestId("webhook-endpoints").getByRole("listitem").filter({ hasText: url });
    await expect(row).toHaveCount(1);
    await row.getByRole("button", { name: "Remove" }).click();
    await expect(page.getByTestId("webhook-endpoints").getByRole("listitem").filter({ hasText: url })).toHaveCount(0);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
