import { mkdirSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { expectSignedOut, signInAsStaff, signInWithEmailLink, uniqueEmail } from "./fixtures/auth";
import { linkIn, waitForMail } from "./fixtures/mail";
import { expect, open, submitForm, test } from "./fixtures/test";

// Members of a trust center: an owner invites, the invitee accepts (and is sent to MFA enrolment),
// roles change, a removed member is signed out on their next request; what an admin may not touch
// is not offered. English UI unless a test says otherwise.

test.use({ locale: "en-GB" });

const MEMBERS = "/mpmx/admin/members";
const SHOTS = "test-results/members";

async function screenshots(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB" });
  return context.newPage();
}

test("an owner invites, the invitee accepts, gets other roles, and is signed out when removed", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAsStaff(page, "owner@mpmx.example", { next: `${MEMBERS}?lang=en` });
  await expect(page).toHaveURL(`${MEMBERS}?lang=en`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");

  // The only owner: marked as "you", no removal, OWNER locked in the roles form.
  const ownerRow = page.getByTestId("member").filter({ hasText: "owner@mpmx.example" });
  await expect(ownerRow.getByText("You", { exact: true })).toBeVisible();
  await expect(ownerRow.getByTestId("member-roles")).toHaveText("Owner");
  await expect(ownerRow.getByTestId("remove-member")).toHaveCount(0);
  await ownerRow.locator("summary").click();
  await expect(ownerRow.getByLabel("Owner", { exact: true })).toBeDisabled();
  await expect(ownerRow.getByLabel("Owner", { exact: true })).toBeChecked();
  await expect(ownerRow.getByText("The last owner keeps the owner role. Make someone else an owner first.")).toBeVisible();
  await ownerRow.locator("summary").click();

  // Bad input: localized errors next to the fields, the input kept.
  const invite = page.getByTestId("invite-form");
  await invite.getByLabel("Email address").fill("not an address");
  await invite.getByLabel("Legal editor").check();
  await submitForm(page, invite.getByRole("button", { name: "Send invitation" }));
  await expect(invite.getByTestId("error-email")).toHaveText("Please enter an email address like name@example.com.");
  await expect(invite.getByLabel("Email address")).toHaveValue("not an address");
  await expect(invite.getByLabel("Legal editor")).toBeChecked();
  await invite.getByLabel("Legal editor").uncheck();
  await invite.getByLabel("Email address").fill("");
  await submitForm(page, invite.getByRole("button", { name: "Send invitation" }));
  await expect(invite.getByTestId("error-email")).toHaveText("Please fill in this field.");
  await expect(invite.getByTestId("error-roles")).toHaveText("Please choose at least one role.");
  // An existing member cannot be invited.
  await invite.getByLabel("Email address").fill("EDITOR@mpmx.example");
  await invite.getByLabel("Admin", { exact: true }).check();
  await submitForm(page, invite.getByRole("button", { name: "Send invitation" }));
  await expect(invite.getByTestId("error-email")).toHaveText("This person is already a member. Change their roles in the list instead.");

  // The invitation, in German by the inviter's choice.
  const invitee = uniqueEmail("invitee");
  await invite.getByLabel("Email address").fill(invitee);
  await invite.getByLabel("Admin", { exact: true }).uncheck();
  await invite.getByLabel("Legal editor").check();
  await invite.getByLabel("Language of the invitation email").selectOption("de");
  await submitForm(page, invite.getByRole("button", { name: "Send invitation" }));
  await expect(page.getByTestId("invite-sent")).toHaveText(`Invitation sent to ${invitee}.`);
  await expect(invite.getByLabel("Email address")).toHaveValue("");
  const pending = page.getByTestId("invitation").filter({ hasText: invitee });
  await expect(pending).toContainText("Pending");
  await expect(pending).toContainText("Legal editor");
  await expect(pending).toContainText("Invited by owner@mpmx.example");
  await expectNoSeriousAxeViolations(page, "members page");
  await screenshots(page, "members");

  const mail = await waitForMail(invitee);
  expect(mail.subject).toBe("Einladung in das Trust Center von MPMX");
  const link = linkIn(mail, "/invitations/");
  const invitationPath = new URL(link).pathname;
  expect(invitationPath).toMatch(/^\/invitations\/[A-Za-z0-9_-]{43}$/);

  // The invitee, signed out: what the invitation is, and how to accept it.
  const inviteePage = await newPage(browser);
  await open(inviteePage, `${link}?lang=en`);
  await expect(inviteePage.getByRole("heading", { level: 1 })).toHaveText("Invitation to MPMX");
  await expect(inviteePage.getByTestId("invitation-roles")).toContainText("Legal editor");
  await expect(inviteePage.getByTestId("invitation-sign-in")).toHaveText(`To accept, sign in as ${invitee}, the address the invitation was sent to.`);
  await expect(inviteePage.getByTestId("invitation-sign-in-link")).toHaveAttribute("href", `/signin?next=${encodeURIComponent(invitationPath)}`);
  await expectNoSeriousAxeViolations(inviteePage, "invitation page");
  await screenshots(inviteePage, "invitation");

  // Someone signed in with another address is told so, and cannot accept.
  const stranger = await newPage(browser);
  await signInWithEmailLink(stranger, uniqueEmail("stranger"), invitationPath);
  await expect(stranger).toHaveURL(invitationPath);
  await expect(stranger.getByTestId("invitation-wrong-email")).toContainText(`this invitation was sent to ${invitee}`);
  await expect(stranger.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);

  // The invitee signs in by email link, comes back, accepts, and must enrol MFA before the console.
  await signInWithEmailLink(inviteePage, invitee, invitationPath);
  await expect(inviteePage).toHaveURL(invitationPath);
  await inviteePage.getByRole("button", { name: "Accept invitation" }).click();
  await expect(inviteePage).toHaveURL(/\/account\/security\?next=%2Fmpmx%2Fadmin$/);

  // The link worked once: now it is the neutral 404, like a token that never existed.
  await open(inviteePage, invitationPath, 404);
  await expect(inviteePage.getByRole("heading", { level: 1 })).toHaveText("This invitation link is invalid or has expired");
  await expectNoSeriousAxeViolations(inviteePage, "invalid invitation page");
  await open(inviteePage, "/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 404);
  await expect(inviteePage.getByTestId("invitation-invalid")).toBeVisible();

  // The owner sees the new member and changes their roles with the keyboard.
  await open(page, MEMBERS);
  await expect(page.getByTestId("invitation").filter({ hasText: invitee })).toHaveCount(0);
  const row = page.getByTestId("member").filter({ hasText: invitee });
  await expect(row.getByTestId("member-roles")).toHaveText("Legal editor");
  await row.getByTestId("edit-roles").focus();
  await page.keyboard.press("Enter");
  await row.getByLabel("Security reviewer").focus();
  await page.keyboard.press("Space");
  await expect(row.getByLabel("Security reviewer")).toBeChecked();
  await submitForm(page, row.getByRole("button", { name: "Save roles" }));
  await expect(row.getByTestId("roles-saved")).toHaveText("Roles saved.");
  await expect(row.getByTestId("member-roles")).toHaveText("Legal editorSecurity reviewer");
  await expect(row.getByLabel("Security reviewer")).toBeChecked();
  await expect(row.getByLabel("Legal editor")).toBeChecked();
  await expect(row.getByLabel("Admin", { exact: true })).not.toBeChecked();
  // Unticking everything is refused next to the boxes, and the choice is kept.
  await row.getByLabel("Security reviewer").uncheck();
  await row.getByLabel("Legal editor").uncheck();
  await submitForm(page, row.getByRole("button", { name: "Save roles" }));
  await expect(row.getByTestId("error-roles")).toHaveText("Please choose at least one role.");
  await expect(row.getByLabel("Legal editor")).not.toBeChecked();
  await expect(row.getByTestId("member-roles")).toHaveText("Legal editorSecurity reviewer");

  // Removal: a confirmation page, then the member's next request is signed out.
  await row.getByTestId("remove-member").click();
  await expect(page).toHaveURL(/\/mpmx\/admin\/members\/[0-9a-f-]{36}\/remove$/);
  const removeUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Remove ${invitee}?`);
  await expectNoSeriousAxeViolations(page, "remove confirmation");
  await screenshots(page, "remove");
  await page.getByRole("button", { name: "Remove member" }).click();
  await expect(page).toHaveURL(`${MEMBERS}?notice=removed`);
  await expect(page.getByTestId("members-notice")).toHaveText("The member was removed and signed out on all devices.");
  await expect(page.getByTestId("member").filter({ hasText: invitee })).toHaveCount(0);
  await expectSignedOut(inviteePage, "/account");
  // The removed member's confirmation page is gone too, like any id that is not in this tenant.
  await open(page, new URL(removeUrl).pathname, 404);
  await open(page, `${MEMBERS}/00000000-0000-4000-8000-000000000000/remove`, 404);
  await open(page, `${MEMBERS}/not-a-uuid/remove`, 404);
});

test("an admin is not offered what only an owner may do, and can revoke an invitation", async ({ page }) => {
  await signInAsStaff(page, "admin@mpmx.example", { next: `${MEMBERS}?lang=en` });
  const ownerRow = page.getByTestId("member").filter({ hasText: "owner@mpmx.example" });
  await expect(ownerRow.locator("summary")).toHaveCount(0);
  await expect(ownerRow.getByTestId("remove-member")).toHaveCount(0);
  await expect(ownerRow).toContainText("Only an owner can change an owner's roles or remove an owner.");
  const invite = page.getByTestId("invite-form");
  await expect(invite.getByLabel("Owner", { exact: true })).toHaveCount(0);
  // Another member's roles form offers no Owner checkbox either.
  const editorRow = page.getByTestId("member").filter({ hasText: "editor@mpmx.example" });
  await editorRow.getByTestId("edit-roles").click();
  await expect(editorRow.getByLabel("Owner", { exact: true })).toHaveCount(0);
  await expect(editorRow.getByLabel("Admin", { exact: true })).not.toBeChecked();

  const email = uniqueEmail("revoked");
  await invite.getByLabel("Email address").fill(email);
  await invite.getByLabel("Legal approver").check();
  await submitForm(page, invite.getByRole("button", { name: "Send invitation" }));
  await expect(page.getByTestId("invite-sent")).toHaveText(`Invitation sent to ${email}.`);
  const link = linkIn(await waitForMail(email), "/invitations/");
  await page.getByTestId("invitation").filter({ hasText: email }).getByRole("button", { name: `Revoke: invitation for ${email}` }).click();
  await expect(page).toHaveURL(`${MEMBERS}?notice=revoked`);
  await expect(page.getByTestId("members-notice")).toHaveText("The invitation was revoked; its link no longer works.");
  await open(page, new URL(link).pathname, 404);
  await expect(page.getByTestId("invitation-invalid")).toBeVisible();
});

test("a legal editor cannot open the members page", async ({ page }) => {
  await signInAsStaff(page, "editor@mpmx.example", { next: "/mpmx/admin" });
  await open(page, MEMBERS, 403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
});

test("a signed-in user creates a trust center at /new; bad and taken addresses are answered next to the field", async ({ page }) => {
  const slug = `new-${Date.now().toString(36)}`;
  // Opened before it exists: a 404 that the public cache keeps until the tenant is created.
  await open(page, `/${slug}`, 404);
  await signInWithEmailLink(page, uniqueEmail("founder"));
  await open(page, "/new?lang=en");
  await expectNoSeriousAxeViolations(page, "/new");
  const form = page.getByTestId("create-tenant-form");
  const create = form.getByRole("button", { name: "Create trust center" });
  await submitForm(page, create);
  await expect(form.getByTestId("error-name")).toHaveText("Please fill in this field.");
  await expect(form.getByTestId("error-slug")).toHaveText("Please fill in this field.");

  await form.getByLabel("Name of your organisation").fill("Näher & Söhne <script>alert(1)</script>");
  for (const [value, message] of [
    ["mpmx", "This address is already taken. Please choose another one."],
    ["admin", "This address is reserved. Please choose another one."],
    ["Ä-ö'; DROP TABLE tenants;--", "Use 1 to 40 lower-case letters, digits and single hyphens, starting and ending with a letter or digit."],
  ] as const) {
    await form.getByLabel("Address").fill(value);
    await submitForm(page, create);
    await expect(form.getByTestId("error-slug")).toHaveText(message);
    await expect(form.getByLabel("Address")).toHaveValue(value);
    await expect(form.getByLabel("Name of your organisation")).toHaveValue("Näher & Söhne <script>alert(1)</script>");
  }
  await screenshots(page, "new");

  await form.getByLabel("Address").fill(slug);
  await create.click();
  // The new owner is staff now: the console sends them to MFA enrolment first.
  await expect(page).toHaveURL(`/account/security?next=${encodeURIComponent(`/${slug}/admin`)}`);
  const publicPage = await open(page, `/${slug}`);
  expect(publicPage.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Näher & Söhne <script>alert(1)</script>");
});
