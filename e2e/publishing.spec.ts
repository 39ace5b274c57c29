import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { signInAsStaff, uniqueEmail } from "./fixtures/auth";
import { linkIn, receivedMails, waitForMail } from "./fixtures/mail";
import { expect, open, submitForm, test } from "./fixtures/test";
import { closeDraftAfterFailure } from "./fixtures/drafts";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from "../server/webhooks/signature";

// The publishing journey of issue 4: an editor imports and edits a draft and submits it; the four-eyes
// rule holds even for an author who also holds the approver role (no approve form for them); an
// approver who took no part returns it with comments once, then publishes it, confirming the material change does not reduce the overall
// protection level; the public history and the redline show it at once; a subscriber who confirmed
// through the real SMTP server gets the email with the redline link; a local webhook receiver gets the
// event and verifies its HMAC signature with the secret the admin was shown. English UI.

test.use({ locale: "en-GB" });

const MEASURES = "/mpmx/admin/measures";
const SHOTS = "test-results/pub";
const ADDED_BULLET = "Schlüssel werden mindestens jährlich rotiert";
const ADDED_BULLET_EN = "keys are rotated at least once a year";
const SUMMARY = {
  de: "Schlüssel werden jetzt mindestens jährlich automatisiert rotiert.",
  en: "Keys are now rotated automatically at least once a year.",
};

/** The published German text of version 2 (as the seed imported it), with one bullet added to "Verschlüsselung". */
function importText(): string {
  const text = readFileSync("prisma/seed-data/mpmx/v2.de.txt", "utf8");
  const anchor = "- verschlüsselte Kommunikationskanäle für den Zugriff auf die Services\n";
  expect(text).toContain(anchor);
  return text.replace(anchor, `${anchor}- ${ADDED_BULLET}\n`);
}

async function newStaffPage(browser: Browser, email: string, next: string): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await signInAsStaff(page, email, { next });
  return page;
}

/** Owner only: sets the roles of the member with this address (members page). */
async function setRoles(owner: Page, email: string, roles: { approver: boolean }) {
  await open(owner, "/mpmx/admin/members");
  const row = owner.getByTestId("member").filter({ hasText: email });
  await row.getByTestId("edit-roles").click();
  const box = row.getByLabel("Legal approver");
  if (roles.approver) await box.check();
  else await box.uncheck();
  await submitForm(owner, row.getByRole("button", { name: "Save roles" }));
  await expect(row.getByTestId("roles-saved")).toHaveText("Roles saved.");
}

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A webhook receiver on a free local port: it records every request and answers 204. */
async function webhookReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/vouchsafe`, received, server };
}

async function newestPublished(page: Page): Promise<number> {
  await open(page, "/mpmx/measures/versions");
  const headings = await page.getByTestId("version-entry").getByRole("heading", { level: 2 }).allTextContents();
  return Math.max(...headings.map((text) => Number(/\d+/.exec(text)?.[0] ?? 0)));
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

// One open draft at a time: a failure here must not fail the later journeys for the same reason.
test.afterEach(async ({ browser }, testInfo) => closeDraftAfterFailure(browser, testInfo));

test("an editor imports, edits and submits; an author-approver cannot review; an approver publishes; the public pages show it", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const base = await newestPublished(page);
  const number = base + 1;

  const subscriber = uniqueEmail("subscriber");
  await test.step("a visitor subscribes to the measures and confirms through the email (double opt-in)", async () => {
    await open(page, "/mpmx/subscribe?lang=en");
    const form = page.getByTestId("subscribe-form");
    await form.getByLabel("Email address").fill(subscriber);
    await form.getByLabel("Language of the emails").selectOption("en");
    await form.getByLabel("Security measures").check();
    await submitForm(page, form.getByRole("button", { name: "Subscribe" }));
    await expect(page.getByTestId("subscribe-sent")).toContainText(subscriber);
    const confirmation = await waitForMail(subscriber);
    expect(confirmation.subject).toBe("MPMX: please confirm your subscription");
    await open(page, linkIn(confirmation, "/mpmx/subscribe/confirm/"));
    await page.getByTestId("confirm-subscription").getByRole("button", { name: "Confirm subscription" }).click();
    await expect(page.getByTestId("confirm-subscription-result")).toContainText("your subscription is confirmed");
  });

  const receiver = await webhookReceiver();
  const owner = await newStaffPage(browser, "owner@mpmx.example", "/mpmx/admin/members");
  let secret = "";
  await test.step("the owner registers a webhook endpoint and copies its signing secret", async () => {
    await open(owner, "/mpmx/admin/webhooks");
    const form = owner.getByTestId("create-webhook");
    await form.getByLabel("Endpoint URL").fill(receiver.url);
    await form.locator(`input[name="events"][value="measures.published"]`).check();
    await submitForm(owner, form.getByRole("button", { name: "Add endpoint" }));
    secret = (await owner.getByTestId("webhook-secret").textContent())?.trim() ?? "";
    expect(secret.length).toBeGreaterThanOrEqual(32);
  });

  // The editor also holds the approver role for this journey: being an author must be what stops them.
  await setRoles(owner, "editor@mpmx.example", { approver: true });

  const editor = await newStaffPage(browser, "editor@mpmx.example", `${MEASURES}/import`);
  let draftUrl = "";
  await test.step("the editor imports the text and accepts the preview", async () => {
    await open(editor, `${MEASURES}/import`);
    await editor.getByLabel("Text", { exact: true }).fill(importText());
    await editor.getByRole("button", { name: "Show preview" }).click();
    await editor.getByTestId("import-preview").getByRole("button", { name: "Accept and create draft" }).click();
    await expect(editor).toHaveURL(/\/mpmx\/admin\/measures\/drafts\/[0-9a-f-]{36}\?notice=created$/);
    draftUrl = editor.url().replace(/\?.*$/, "");
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText(`Draft ${number}`);
    const row = editor.locator('[data-testid="section-row"][data-key="verschluesselung"]');
    await expect(row.getByTestId("translation-en")).toHaveAttribute("data-state", "outdated");
  });

  await test.step("the editor edits the changed section (material) and its English translation", async () => {
    await open(editor, `${draftUrl}/sections/verschluesselung`);
    const body = editor.getByLabel("Text (Markdown)");
    await expect(body).toHaveValue(new RegExp(ADDED_BULLET));
    await body.fill((await body.inputValue()).replace(ADDED_BULLET, `${ADDED_BULLET} (automatisiert)`));
    await editor.getByText("Material", { exact: true }).click();
    await editor.getByRole("button", { name: "Save section" }).click();
    await expect(editor.getByTestId("section-saved")).toHaveText("Saved.");

    await open(editor, `${draftUrl}/sections/verschluesselung?locale=en`);
    const english = editor.getByLabel("Text (Markdown)");
    const anchor = /^(- [^\n]*communication channels[^\n]*)$/m;
    const text = await english.inputValue();
    expect(text).toMatch(anchor);
    await english.fill(text.replace(anchor, `$1\n- ${ADDED_BULLET_EN} (automated)`));
    await editor.getByRole("button", { name: "Save section" }).click();
    await expect(editor.getByTestId("section-saved")).toHaveText("Saved.");
    await open(editor, draftUrl);
    await expect(editor.getByTestId("completeness-en")).toHaveAttribute("data-complete", "true");

    const summary = editor.getByTestId("summary-form");
    await summary.locator('textarea[name="summary_de"]').fill(SUMMARY.de);
    await summary.locator('textarea[name="summary_en"]').fill(SUMMARY.en);
    await submitForm(editor, summary.getByRole("button", { name: "Save summary" }));
    await expect(editor.getByTestId("summary-saved")).toHaveText("The change summary was saved.");
  });

  await test.step("the editor submits it for review", async () => {
    const panel = editor.getByTestId("workflow-panel");
    await expect(panel.getByTestId("workflow-status")).toHaveAttribute("data-status", "DRAFT");
    // The page renders again with the draft in review: the submit form is gone, the draft read-only.
    await panel.getByTestId("submit-for-review-form").getByRole("button", { name: "Submit for review" }).click();
    await expect(panel.getByTestId("workflow-status")).toHaveAttribute("data-status", "IN_REVIEW");
    await expect(panel.getByTestId("submit-for-review-form")).toHaveCount(0);
    const kinds = () => panel.getByTestId("review-timeline-event").evaluateAll((items) => items.map((item) => item.getAttribute("data-kind")));
    await expect.poll(kinds).toEqual(["CREATED", "SUBMITTED"]);
    await expect(panel.getByTestId("review-timeline-event").last()).toContainText("Elena Editor submitted it for review");
  });

  await test.step("four eyes: the author holds the approver role, yet gets no approve or return form", async () => {
    await editor.reload();
    const panel = editor.getByTestId("workflow-panel");
    await expect(panel.getByTestId("four-eyes-notice")).toHaveText(
      "You worked on this draft, so you cannot approve or return it: another legal approver must review it (four-eyes principle).",
    );
    await expect(panel.getByTestId("approve-version-form")).toHaveCount(0);
    await expect(panel.getByTestId("return-draft-form")).toHaveCount(0);
    await expectNoSeriousAxeViolations(editor, "draft in review, author");
    await screenshot(editor, "draft-in-review-author");
  });

  const approver = await newStaffPage(browser, "approver@mpmx.example", `${MEASURES}/review`);
  await test.step("an approver returns it with comments; the editor sees them and submits again", async () => {
    await open(approver, `${MEASURES}/review`);
    await approver.getByTestId("review-queue").getByRole("link", { name: `Review version ${number}` }).click();
    await expect(approver).toHaveURL(draftUrl);
    const form = approver.getByTestId("return-draft-form");
    await submitForm(approver, form.getByRole("button", { name: "Return with comments" }));
    await expect(form.getByTestId("error-comment")).toHaveText("Please fill in this field.");
    await form.getByLabel("Comments for the editors").fill("Bitte die Rotation als automatisiert kennzeichnen.");
    await form.getByRole("button", { name: "Return with comments" }).click();
    await expect(approver.getByTestId("workflow-status")).toHaveAttribute("data-status", "DRAFT");
    await expect(approver.getByTestId("approve-version-form")).toHaveCount(0);

    await editor.reload();
    const panel = editor.getByTestId("workflow-panel");
    await expect(panel.getByTestId("workflow-status")).toHaveAttribute("data-status", "DRAFT");
    const returned = panel.locator('[data-testid="review-timeline-event"][data-kind="RETURNED"]');
    await expect(returned).toContainText("Anton Approver returned it with comments");
    await expect(returned).toContainText("Bitte die Rotation als automatisiert kennzeichnen.");
    await panel.getByTestId("submit-for-review-form").getByRole("button", { name: "Submit for review" }).click();
    await expect(panel.getByTestId("workflow-status")).toHaveAttribute("data-status", "IN_REVIEW");
  });

  await test.step("an approver who took no part publishes it, confirming no material reduction", async () => {
    await approver.reload();
    const form = approver.getByTestId("approve-version-form");
    await expect(form).toBeVisible();
    await expect(approver.getByTestId("return-draft-form")).toBeVisible();
    await expectNoSeriousAxeViolations(approver, "draft in review, approver");
    await screenshot(approver, "draft-in-review-approver");
    // A material section asks for the decision: refused at the field when missing.
    await submitForm(approver, form.getByRole("button", { name: "Approve and publish" }));
    await expect(form.getByTestId("error-material")).toHaveText("Please choose one of the two options.");
    // Classified as material, "immediately" violates the 30-day notice period.
    await form.getByLabel(/Publish as a material change/).check();
    await submitForm(approver, form.getByRole("button", { name: "Approve and publish" }));
    await expect(form.getByTestId("error-effectiveAt")).toContainText("A material change takes effect 30 days after publication at the earliest");
    await form.getByLabel(/Confirm: the overall protection level is not materially reduced/).check();
    await form.getByLabel("Comment (optional)").fill("Rotation ergänzt, Schutzniveau unverändert.");
    await form.getByRole("button", { name: "Approve and publish" }).click();
    await expect(approver).toHaveURL(`${MEASURES}/review?notice=published&version=${number}`);
    await expect(approver.getByTestId("review-notice")).toHaveText(`Version ${number} is published.`);
    const row = approver.locator(`[data-testid="published-version"][data-number="${number}"]`);
    await expect(row).toContainText("Anton Approver");
    await expect(row).toContainText("Editorial");
    await expect(row).toContainText("Anton Approver confirmed on");
    await expectNoSeriousAxeViolations(approver, "review page");
    await screenshot(approver, "review-page");
  });

  await test.step("the public history and the redline show the new version at once", async () => {
    await open(page, "/mpmx/measures/versions?lang=en");
    const entry = page.getByTestId("version-entry").first();
    await expect(entry).toContainText(`Version ${number}`);
    await expect(entry).toContainText("Current");
    await expect(entry).toContainText(SUMMARY.en);
    await entry.getByRole("link", { name: `Compare with version ${base}` }).click();
    await expect(page).toHaveURL(`/mpmx/measures/compare?from=${base}&to=${number}&lang=en`);
    const section = page.locator('[data-testid="redline-section"][data-key="verschluesselung"]');
    await expect(section).toHaveAttribute("data-status", "changed");
    await expect(section.locator("ins")).toContainText([/rotated at least once a year \(automated\)/]);
    await open(page, "/mpmx");
    await expect(page.getByTestId("current-version")).toContainText(`Version ${number}`);
    // The Atom feed is cached under the same tag: its newest entry is the new version, linking its redline.
    const feed = await page.request.get("/mpmx/feed.xml?lang=en");
    expect(feed.status()).toBe(200);
    const newest = (await feed.text()).split("<entry>")[1] ?? "";
    expect(newest).toContain(`<title>Version ${number}, effective`);
    expect(newest).toContain(`/mpmx/measures/compare?from=${base}&amp;to=${number}`);
  });

  await test.step("the subscriber gets one email in English with the summary and the redline link", async () => {
    const mail = await waitForMail(subscriber, 2);
    expect(mail.subject).toBe(`MPMX: version ${number} of the security measures published`);
    expect(mail.text).toContain(SUMMARY.en);
    expect(mail.text).toContain("Kind of change: editorial");
    const redline = linkIn(mail, "/mpmx/measures/compare");
    expect(new URL(redline).search).toBe(`?from=${base}&to=${number}&lang=en`);
    await open(page, redline);
    await expect(page.locator('[data-testid="redline-section"][data-key="verschluesselung"]')).toHaveAttribute("data-status", "changed");
    expect(receivedMails(subscriber).filter((m) => m.subject.includes(`version ${number}`))).toHaveLength(1);
  });

  await test.step("the webhook receiver gets the event once, signed with the endpoint's secret", async () => {
    await expect.poll(() => receiver.received.length, { message: "webhook deliveries", timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const delivery = receiver.received.find((r) => JSON.parse(r.body).data?.version === number)!;
    expect(delivery).toBeDefined();
    const header = (name: string) => [delivery.headers[name]].flat()[0] ?? null;
    expect(verifyWebhook(secret, { signature: header(SIGNATURE_HEADER), timestamp: header(TIMESTAMP_HEADER), body: delivery.body })).toBeNull();
    // The same delivery with another secret, or a changed body, does not verify.
    expect(verifyWebhook(`${secret}x`, { signature: header(SIGNATURE_HEADER), timestamp: header(TIMESTAMP_HEADER), body: delivery.body })).toBe("mismatch");
    expect(verifyWebhook(secret, { signature: header(SIGNATURE_HEADER), timestamp: header(TIMESTAMP_HEADER), body: delivery.body.replace(String(number), "999") })).toBe("mismatch");
    const event = JSON.parse(delivery.body) as { event: string; data: { tenant: string; version: number; previousVersion: number; changeKind: string; redlineUrl: string } };
    expect(event.event).toBe("measures.published");
    expect(event.data).toMatchObject({ tenant: "mpmx", version: number, previousVersion: base, changeKind: "EDITORIAL" });
    expect(new URL(event.data.redlineUrl).pathname + new URL(event.data.redlineUrl).search).toBe(`/mpmx/measures/compare?from=${base}&to=${number}`);
    expect(receiver.received.filter((r) => JSON.parse(r.body).data?.version === number)).toHaveLength(1);
    // The delivery log shows it delivered; the endpoint is removed again (later journeys publish too).
    await open(owner, "/mpmx/admin/webhooks");
    await expect(owner.getByTestId("webhook-deliveries")).toContainText("Delivered");
    const endpoint = owner.getByTestId("webhook-endpoints").getByRole("listitem").filter({ hasText: receiver.url });
    await endpoint.getByRole("button", { name: "Remove" }).click();
    await expect(owner.getByTestId("webhook-endpoints").getByRole("listitem").filter({ hasText: receiver.url })).toHaveCount(0);
    receiver.server.close();
  });

  await test.step("the author's extra role is taken back", async () => {
    await setRoles(owner, "editor@mpmx.example", { approver: false });
  });
});
