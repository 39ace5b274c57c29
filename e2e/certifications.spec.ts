import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { randomBytes, randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { signInAsStaff } from "./fixtures/auth";
import { expect, open, submitForm, test } from "./fixtures/test";

// Certifications and the attestation settings in the console. The spec works in a trust center of
// its own (created through /new by MPMX's admin, who becomes its owner), so the demo tenants'
// certifications and NDA that other specs count stay as seeded.

test.use({ locale: "en-GB" });

const SHOTS = "test-results/cert";

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A real PDF; `padding` bytes of incompressible data attached make it as large as a scanned certificate. */
async function certificatePdf(padding = 0): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText("Certificate ISO/IEC 27017 - e2e", { x: 50, y: 780, size: 16, font });
  if (padding > 0) await document.attach(randomBytes(padding), "scan.bin", { mimeType: "application/octet-stream" });
  return Buffer.from(await document.save());
}

async function createOwnTrustCenter(page: Page): Promise<string> {
  const slug = `cert-e2e-${randomUUID().slice(0, 8)}`;
  await signInAsStaff(page, "admin@mpmx.example", { next: "/new?lang=en" });
  await page.getByLabel("Name of your organisation").fill("Zertifikat Prüfung GmbH");
  await page.getByLabel("Address", { exact: true }).fill(slug);
  await page.getByRole("button", { name: "Create trust center" }).click();
  await page.waitForURL(`/${slug}/admin`);
  return slug;
}

test("an admin adds a certification, sees it on the public page at once, uploads its PDF and downloads it watermarked", async ({ page }) => {
  test.setTimeout(120_000);
  const slug = await createOwnTrustCenter(page);
  const base = `/${slug}/admin/certifications`;

  await open(page, `${base}?lang=en`, 200, "load");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Certifications");
  await expect(page.getByTestId("certifications-empty")).toContainText("No certifications yet");
  await expectNoSeriousAxeViolations(page, base);
  await page.getByTestId("add-certification").click();
  await page.waitForURL(`${base}/new`);
  await expectNoSeriousAxeViolations(page, `${base}/new`);

  const form = page.getByTestId("certification-form");
  // Bad input: errors at the fields, everything typed kept.
  await form.getByLabel("Framework").selectOption("CUSTOM");
  await form.getByLabel("Certification body", { exact: true }).fill("TÜV Test Cert GmbH");
  await form.getByLabel("Issue date", { exact: true }).fill("2026-06-01");
  await form.getByLabel("Valid until", { exact: true }).fill("2026-05-31");
  await form.locator("#certification-scopeEn").fill("Cloud platform, site Hamburg");
  await submitForm(page, form.getByRole("button", { name: "Add certification" }));
  await expect(form.getByTestId("error-label")).toHaveText("Please name the certification (required for “Other certification”).");
  await expect(form.getByTestId("error-validUntil")).toHaveText("The valid-until date must be after the issue date.");
  await expect(form.getByLabel("Certification body", { exact: true })).toHaveValue("TÜV Test Cert GmbH");
  await expect(form.locator("#certification-scopeEn")).toHaveValue("Cloud platform, site Hamburg");
  await expectNoSeriousAxeViolations(page, `${base}/new (errors)`);

  await form.getByLabel("Framework").selectOption("ISO_27017");
  await form.getByLabel("Valid until", { exact: true }).fill("2029-05-31");
  await form.getByLabel("Certificate number (optional)").fill("CLOUD-27017-42");
  await form.getByRole("button", { name: "Add certification" }).click();
  await page.waitForURL(new RegExp(`${base}/[0-9a-f-]{36}\\?notice=created$`));
  await expect(page.getByTestId("certification-notice")).toHaveText("The certification was added and is shown on your trust center.");
  const editUrl = page.url().replace(/\?.*$/, "");

  // The public pages show it at once (the tenant's cached pages were revalidated).
  await open(page, `/${slug}/certifications?lang=en`);
  const card = page.getByTestId("certification");
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("heading")).toHaveText("ISO/IEC 27017");
  await expect(card).toContainText("TÜV Test Cert GmbH");
  await expect(card).toContainText("CLOUD-27017-42");
  await expect(card).toContainText("Cloud platform, site Hamburg");
  await open(page, `/${slug}?lang=en`);
  await expect(page.getByTestId("certification")).toHaveCount(1);

  // The certificate PDF: a file that is not a PDF is refused at the field; a PDF is stored.
  await open(page, editUrl, 200, "load");
  await expectNoSeriousAxeViolations(page, `${base}/[id]`);
  const upload = page.getByTestId("certificate-upload-form");
  await upload.getByLabel("PDF file (at most 10 MB)").setInputFiles({ name: "certificate.pdf", mimeType: "application/pdf", buffer: Buffer.from("GIF89a not a pdf") });
  await submitForm(page, upload.getByRole("button", { name: "Upload" }));
  await expect(upload.getByTestId("error-certificate")).toHaveText("This file is not a PDF. Please upload the certificate as a PDF.");
  await expect(page.getByTestId("certificate-details")).toHaveCount(0);
  // Over 10 MB: stopped in the browser with the same message the server would give.
  await upload.getByLabel("PDF file (at most 10 MB)").setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(10 * 1024 * 1024)]) });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByTestId("error-certificate")).toHaveText("The file is larger than 10 MB. Please upload a smaller PDF.");
  // Over Next's default 1 MB action body limit (raised for this upload) and stored; the 10 MB boundary
  // itself is tested on the server (server/certifications/certifications.test.ts), where it is cheap.
  await upload.getByLabel("PDF file (at most 10 MB)").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: await certificatePdf(1_500_000) });
  await submitForm(page, upload.locator("button[type=submit]"));
  await expect(upload.getByTestId("certificate-uploaded")).toHaveText(/^Certificate uploaded \(1\.\d MB\)\.$/);
  await upload.getByLabel("PDF file (at most 10 MB)").setInputFiles({ name: "ISO 27017.pdf", mimeType: "application/pdf", buffer: await certificatePdf() });
  await submitForm(page, upload.locator("button[type=submit]"));
  await expect(upload.getByTestId("certificate-uploaded")).toContainText("Certificate uploaded (0.");
  await expect(page.getByTestId("certificate-details")).toContainText("ISO 27017.pdf");
  await shot(page, "certification-edit");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("certificate-download").click()]);
  expect(download.suggestedFilename()).toBe("ISO 27017.pdf");
  const text = execFileSync("pdftotext", [await download.path(), "-"], { encoding: "utf8" });
  expect(text).toContain("Certificate ISO/IEC 27017 - e2e");
  expect(text).toContain(`Confidential – downloaded by admin@mpmx.example on ${new Date().toISOString().slice(0, 10)}`);
  expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe("%PDF-");

  // The list shows it with its file.
  await open(page, `${base}?lang=en`);
  await expect(page.getByTestId("certification-row")).toHaveCount(1);
  await expect(page.getByTestId("certification-row")).toContainText("Uploaded");
  await shot(page, "certifications-list");

  // Another tenant's certification (MPMX's, where the same person is admin) under this tenant's address: 404.
  await open(page, "/mpmx/admin/certifications?lang=en");
  const mpmxCertification = await page.getByTestId("certification-row").first().getAttribute("data-id");
  await open(page, `${base}/${mpmxCertification}`, 404);
  await expect(page.getByTestId("not-found")).toContainText("This certification no longer exists.");
  expect((await page.request.get(`${base}/${mpmxCertification}/certificate`)).status()).toBe(404);
});

test("an owner publishes the NDA, sees its history, and free-mail domains are refused for auto-approval", async ({ page }) => {
  test.setTimeout(120_000);
  const slug = await createOwnTrustCenter(page);
  const settings = `/${slug}/admin/attestations/settings`;
  await open(page, `${settings}?lang=en`, 200, "load");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Attestation settings");
  await expect(page.getByTestId("nda-none")).toBeVisible();
  await expectNoSeriousAxeViolations(page, settings);

  const editor = page.getByTestId("nda-editor");
  await editor.getByLabel("NDA text (German)").fill("Alle Unterlagen sind vertraulich zu behandeln.");
  await submitForm(page, editor.getByRole("button", { name: "Publish as version 1" }));
  await expect(editor.getByTestId("error-textEn")).toHaveText("Please fill in this field.");
  await expect(editor.getByLabel("NDA text (German)")).toHaveValue("Alle Unterlagen sind vertraulich zu behandeln.");
  await editor.getByLabel("NDA text (English)").fill("All documents are confidential.");
  // After publishing, the same button offers the next version.
  await submitForm(page, editor.getByRole("button", { name: /^Publish as version/ }));
  await expect(editor.getByRole("button", { name: "Publish as version 2" })).toBeVisible();
  await expect(editor.getByRole("button", { name: "Correct version 1" })).toBeVisible();
  await expect(page.getByTestId("nda-saved")).toHaveText("Version 1 published. Customers accept it before their next request.");
  await expect(page.getByTestId("nda-current")).toContainText("Not yet accepted");
  await expect(page.getByTestId("nda-version")).toHaveCount(1);

  const form = page.getByTestId("attestation-settings-form");
  await expect(form.getByLabel("Customers accept the NDA before requesting an attestation")).toBeChecked();
  await expect(form.getByLabel("Open requests per customer")).toHaveValue("5");
  await form.getByLabel("Approve automatically for these email domains").fill("partner.example\ngmail.com");
  await submitForm(page, form.getByRole("button", { name: "Save settings" }));
  await expect(form.getByTestId("error-autoApproveDomains")).toHaveText("gmail.com is a free-mail domain: anyone can have an address there, so it cannot approve requests automatically.");
  await expect(form.getByLabel("Approve automatically for these email domains")).toHaveValue("partner.example\ngmail.com");
  await expectNoSeriousAxeViolations(page, `${settings} (errors)`);
  await form.getByLabel("Approve automatically for these email domains").fill("partner.example");
  await form.getByLabel("Open requests per customer").fill("3");
  await submitForm(page, form.getByRole("button", { name: "Save settings" }));
  await expect(page.getByTestId("settings-saved")).toHaveText("Settings saved.");
  await open(page, `${settings}?lang=en`);
  await expect(page.getByTestId("attestation-settings-form").getByLabel("Open requests per customer")).toHaveValue("3");
  await shot(page, "attestation-settings");
});
