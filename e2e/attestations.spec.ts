import { mkdirSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { signInAsStaff, signInWithEmailLink, uniqueEmail } from "./fixtures/auth";
import { cspDirectives, watchCspViolations } from "./fixtures/csp";
import { receivedMails } from "./fixtures/mail";
import { expect, submitForm, test } from "./fixtures/test";

// Attestation requests end to end: a customer signs in, accepts MPMX's NDA, requests a letter; the
// reviewer asks for information, the customer answers, the reviewer approves; the customer
// downloads the letter, /verify says valid, the reviewer revokes, /verify says revoked. Then the
// rejection path and the auto-approval path. axe on every page the journeys visit. English UI.

test.use({ locale: "en-GB" });

const NEW = "/mpmx/attestations/new";
const QUEUE = "/mpmx/admin/attestations";
const REQUESTS = "/account/attestations";

const SHOTS = "test-results/attestations";

/** A full-page PNG for the review of the pages (test artifacts). */
async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB" });
  return context.newPage();
}

/** A signed-in customer: sign-in brings them back to the request form, which asks for the NDA first. */
async function customerWithNda(page: Page, email: string, company: string) {
  await signInWithEmailLink(page, email, NEW);
  await expect(page).toHaveURL(/\/mpmx\/attestations\/nda$/);
  await expect(page.getByTestId("nda-acceptance")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "NDA acceptance");
  await shot(page, "nda");
  await page.getByLabel("Your company").fill(company);
  await page.getByLabel(/I have read the non-disclosure agreement/).check();
  await page.getByRole("button", { name: "Accept NDA" }).click();
  await expect(page).toHaveURL(NEW);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request an attestation");
}

async function request(page: Page, company: string, purpose: string) {
  await page.goto(NEW);
  const form = page.getByTestId("attestation-request-form");
  await expect(form.getByLabel("Company")).toHaveValue(company);
  await form.getByRole("checkbox", { name: /ISO\/IEC 27001/ }).check();
  await form.getByLabel("Purpose").fill(purpose);
  await form.getByLabel("Language of the letter").selectOption("en");
  await form.getByRole("button", { name: "Request attestation" }).click();
  await expect(page).toHaveURL(/\/account\/attestations\?notice=/);
  return page.getByTestId("attestation-request").filter({ hasText: purpose });
}

async function openInQueue(reviewer: Page, company: string) {
  await reviewer.goto(QUEUE);
  const row = reviewer.getByTestId("queue-row").filter({ hasText: company });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").click();
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(`Request from ${company}`);
}

/** Submits one step of the workflow; a refused one keeps its form (and its message), a done one leaves `state`. */
async function decide(page: Page, id: string, button: string, message?: string, state?: string) {
  const form = page.getByTestId(`${id}-form`);
  if (message !== undefined) await form.locator("textarea").fill(message);
  if (!state) return submitForm(page, form.getByRole("button", { name: button }));
  const answered = page.waitForResponse((response) => response.request().method() === "POST");
  await form.getByRole("button", { name: button }).click();
  await answered;
  await expect(page.getByTestId("request-state").first()).toHaveAttribute("data-state", state);
}

/** Waits for the outbox worker's mail to `to` whose subject names `about`; returns its text. */
async function mailAbout(to: string, about: string): Promise<string> {
  const find = () => receivedMails(to).find((mail) => mail.subject.includes(about));
  await expect.poll(() => Boolean(find()), { message: `a mail to ${to} about ${about}`, timeout: 20_000 }).toBe(true);
  return find()!.text;
}

function verificationCode(text: string): string {
  const match = /verification code ([A-Z0-9-]+)/.exec(text);
  expect(match, `a verification code in "${text}"`).not.toBeNull();
  return match![1]!;
}

test("request, question and answer, approval, download, /verify valid, revocation, /verify revoked", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("attest");
  const company = `Käufer & Söhne ${Date.now()}`;
  const cspViolations = await watchCspViolations(page);
  await customerWithNda(page, email, company);
  // The form reads the session: rendered per request, never cached, scripts only with this response's nonce.
  const response = await page.goto(NEW);
  const headers = response!.headers();
  expect(cspDirectives(headers["content-security-policy"]).get("script-src")).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
  expect(headers["cache-control"]).toContain("no-store");
  await expectNoSeriousAxeViolations(page, "request form");

  // Bad input: localized errors at the fields, the input kept.
  const form = page.getByTestId("attestation-request-form");
  await form.getByLabel("Purpose").fill("   ");
  await submitForm(page, form.getByRole("button", { name: "Request attestation" }));
  await expect(form.getByTestId("error-certificationIds")).toHaveText("Please choose at least one certification.");
  await expect(form.getByTestId("error-purpose")).toHaveText("Please fill in this field.");
  await expect(form.getByLabel("Company")).toHaveValue(company);
  await shot(page, "request-form-errors");

  expect(await cspViolations()).toEqual([]);
  const card = await request(page, company, "Supplier assessment 2027");
  await expect(page.getByTestId("request-notice")).toContainText("Your request has been submitted");
  await expect(card.getByTestId("request-state")).toHaveAttribute("data-state", "SUBMITTED");
  await expectNoSeriousAxeViolations(page, "account requests");

  // The reviewer asks for information.
  const reviewer = await newPage(browser);
  await signInAsStaff(reviewer, "reviewer@mpmx.example", { next: QUEUE });
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText("Attestation requests");
  await expectNoSeriousAxeViolations(reviewer, "reviewer queue");
  await shot(reviewer, "queue");
  await openInQueue(reviewer, company);
  await expect(reviewer.getByTestId("nda-record")).toContainText(company);
  await expectNoSeriousAxeViolations(reviewer, "request detail");
  await shot(reviewer, "detail");
  await decide(reviewer, "start-review", "Start review", undefined, "IN_REVIEW");
  // A question needs text.
  await decide(reviewer, "request-information", "Ask for information", "");
  await expect(reviewer.getByTestId("request-information-message-error")).toHaveText("Please fill in this field.");
  await decide(reviewer, "request-information", "Ask for information", "Which contract is this for?", "INFO_REQUESTED");

  // The reviewers heard of the request; the customer gets the question by mail, in the letter's language.
  expect(await mailAbout("reviewer@mpmx.example", company)).toContain(`/mpmx/admin/attestations/`);
  expect(await mailAbout(email, "needs more information")).toContain("Which contract is this for?");

  // The customer answers.
  await page.reload();
  await expect(card.getByTestId("question")).toHaveText("Which contract is this for?");
  const answerId = `answer-${await card.getAttribute("data-request-id")}`;
  await decide(page, answerId, "Send answer", "Framework agreement R-2027-5.", "IN_REVIEW");
  await expectNoSeriousAxeViolations(page, "account requests after answering");
  await shot(page, "account-requests");

  // The reviewer sees the answer and approves: the letter is issued at once.
  await reviewer.reload();
  await expect(reviewer.getByTestId("timeline")).toContainText("Framework agreement R-2027-5.");
  await decide(reviewer, "approve", "Approve and issue letter", undefined, "ISSUED");
  await expect(reviewer.getByTestId("letter")).toBeVisible();
  await shot(reviewer, "detail-issued");

  // The customer downloads the letter; /verify says valid.
  await page.reload();
  await expect(card.getByTestId("request-state")).toHaveAttribute("data-state", "ISSUED");
  const code = verificationCode(await card.getByTestId("letter").innerText());
  const download = page.waitForEvent("download");
  await card.getByTestId("letter-download").click();
  const pdf = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of pdf) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await page.goto(`/verify/${code}`);
  await expect(page.getByTestId("verify-status")).toHaveAttribute("data-status", "valid");
  await expectNoSeriousAxeViolations(page, "verify valid");

  // The reviewer revokes (a reason is required); /verify says revoked.
  await decide(reviewer, "revoke", "Revoke letter", "");
  await expect(reviewer.getByTestId("revoke-message-error")).toHaveText("Please fill in this field.");
  await decide(reviewer, "revoke", "Revoke letter", "The contract has ended.", "REVOKED");
  await page.goto(`/verify/${code}`);
  await expect(page.getByTestId("verify-status")).toHaveAttribute("data-status", "revoked");
  await page.goto(REQUESTS);
  await expect(card.getByTestId("decision-reason")).toHaveText("The contract has ended.");
  await expect(card.getByTestId("letter-download")).toHaveCount(0);
  await reviewer.context().close();
});

test("a rejected request shows the reason; a withdrawn one leaves the queue", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const company = `Absage GmbH ${Date.now()}`;
  // The public certifications page leads to the form, which asks a signed-out visitor to sign in first.
  await page.goto("/mpmx/certifications?lang=en");
  await page.getByTestId("request-attestation").click();
  await expect(page).toHaveURL(/\/signin\?next=%2Fmpmx%2Fattestations%2Fnew/);
  await customerWithNda(page, uniqueEmail("reject"), company);
  const rejected = await request(page, company, "Tender without contract");
  const withdrawn = await request(page, company, "Changed my mind");
  const answered = page.waitForResponse((response) => response.request().method() === "POST");
  await withdrawn.getByRole("button", { name: "Withdraw request" }).click();
  await answered;
  await expect(withdrawn.getByTestId("request-state")).toHaveAttribute("data-state", "WITHDRAWN");

  const reviewer = await newPage(browser);
  await signInAsStaff(reviewer, "reviewer@mpmx.example", { next: QUEUE });
  // Only the open request waits in the default view.
  await expect(reviewer.getByTestId("queue-row").filter({ hasText: company })).toHaveCount(1);
  await openInQueue(reviewer, company);
  await expect(reviewer.getByTestId("customer-history")).toContainText(company);
  await decide(reviewer, "reject", "Reject", "There is no contract with your company.", "REJECTED");
  // The filters find it again by state.
  await reviewer.goto(`${QUEUE}?state=REJECTED`);
  await expect(reviewer.getByTestId("queue-row").filter({ hasText: company })).toHaveCount(1);
  await expectNoSeriousAxeViolations(reviewer, "reviewer queue filtered");

  await page.reload();
  await expect(rejected.getByTestId("request-state")).toHaveAttribute("data-state", "REJECTED");
  await expect(rejected.getByTestId("decision-reason")).toHaveText("There is no contract with your company.");
  await expect(rejected.getByRole("button", { name: "Withdraw request" })).toHaveCount(0);
  await reviewer.context().close();
});

test("a request from an allow-listed company domain is approved and issued at once", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const domain = `auto-${Date.now()}.example`;
  const admin = await newPage(browser);
  await signInAsStaff(admin, "admin@mpmx.example", { next: "/mpmx/admin/attestations/settings" });
  const domains = admin.getByLabel("Approve automatically for these email domains");
  const previous = await domains.inputValue();
  await domains.fill([previous.trim(), domain].filter(Boolean).join("\n"));
  await submitForm(admin, admin.getByRole("button", { name: "Save settings" }));
  await expect(domains).toHaveValue(new RegExp(domain.replace(/\./g, "\\.")));

  try {
    const company = `Partner AG ${Date.now()}`;
    await customerWithNda(page, `buyer-${Date.now()}@${domain}`, company);
    const card = await request(page, company, "Annual audit");
    await expect(page.getByTestId("request-notice")).toContainText("approved automatically");
    await expect(card.getByTestId("request-state")).toHaveAttribute("data-state", "ISSUED");
    await expect(card.getByTestId("timeline")).toContainText("Approved automatically");
    await expect(card.getByTestId("letter-download")).toBeVisible();
    const code = verificationCode(await card.getByTestId("letter").innerText());
    await page.goto(`/verify/${code}`);
    await expect(page.getByTestId("verify-status")).toHaveAttribute("data-status", "valid");
  } finally {
    await admin.goto("/mpmx/admin/attestations/settings");
    await domains.fill(previous);
    await submitForm(admin, admin.getByRole("button", { name: "Save settings" }));
    await admin.context().close();
  }
});
