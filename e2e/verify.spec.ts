import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { signInWithEmailLink } from "./fixtures/auth";
import { expect, open, test } from "./fixtures/test";

// /verify/{code} for the demo letter, which the seed issued through the letter module (issueLetter)
// to Jürgen Weiß of Müller & Söhne Großhandel GmbH: the customer downloads it from /account, anyone
// checks it on the page (also without JavaScript) and as JSON, nothing personal is shown, and an
// unknown code looks the same whether it is well-formed or not. The whole request journey (review,
// revocation) is e2e/attestations.spec.ts.

const CUSTOMER = "einkauf@example.com";
const COMPANY = "Müller & Söhne Großhandel GmbH";

let code = "";
let pdf: Buffer = Buffer.alloc(0);

test.describe.configure({ mode: "serial" });

test("the customer downloads the issued letter from /account", async ({ page }) => {
  await signInWithEmailLink(page, CUSTOMER, "/account/attestations");
  await open(page, "/account/attestations?lang=en");
  const letter = page.getByTestId("letter").first();
  code = /[0-9A-HJKMNP-TV-Z]{5}(?:-[0-9A-HJKMNP-TV-Z]{5}){3}/.exec((await letter.textContent()) ?? "")?.[0] ?? "";
  expect(code, "the verification code shown with the letter").not.toBe("");

  const href = await page.getByTestId("letter-download").first().getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toBe(`attachment; filename="mpmx-attestation-${code}.pdf"`);
  pdf = await response.body();
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(createHash("sha256").update(pdf).digest("hex")).toBe(response.headers()["x-letter-sha256"]);
  const dir = path.join("test-results", "letters");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "e2e-demo-letter.pdf"), pdf);
});

test("anyone sees the letter valid on /verify/{code}, nothing personal; axe", async ({ page }) => {
  await open(page, `/verify/${code.toLowerCase()}?lang=en`, 200, "load");
  await expect(page.getByTestId("verify-status")).toHaveAttribute("data-status", "valid");
  await expect(page.getByTestId("verify-status")).toContainText("Valid");
  await expect(page.getByTestId("verify-issuer")).toHaveText("MPMX");
  await expect(page.getByTestId("verify-company")).toHaveText(COMPANY);
  await expect(page.getByTestId("verify-certifications").getByRole("heading", { name: "ISO/IEC 27001" })).toBeVisible();
  const text = (await page.locator("main").textContent()) ?? "";
  expect(text).not.toContain("Jürgen");
  expect(text).not.toContain(CUSTOMER);
  await page.screenshot({ path: "test-results/letters/verify-valid.png", fullPage: true });
  await expectNoSeriousAxeViolations(page);
});

test("the dropped PDF is checked in the browser: the issued file matches, a changed one does not", async ({ page }) => {
  await open(page, `/verify/${code}?lang=en`, 200, "load");
  const outcome = page.getByTestId("file-check-outcome");
  await page.getByLabel("PDF file", { exact: true }).setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(outcome).toHaveAttribute("data-outcome", "match");
  await expect(outcome).toHaveText("This file is exactly the confirmation that was issued (SHA-256 matches).");
  await page.getByLabel("PDF file", { exact: true }).setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: Buffer.concat([pdf, Buffer.from("\n")]) });
  await expect(outcome).toHaveAttribute("data-outcome", "mismatch");
});

test("without JavaScript the file is posted and the page answers the same", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
  const page = await context.newPage();
  await open(page, `/verify/${code}?lang=en`);
  await page.getByLabel("PDF file", { exact: true }).setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Check file" }).click();
  await page.waitForURL(/\?file=match/);
  await expect(page.getByTestId("file-check-outcome")).toHaveText("This file is exactly the confirmation that was issued (SHA-256 matches).");
  await page.getByLabel("PDF file", { exact: true }).setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7 not the letter") });
  await page.getByRole("button", { name: "Check file" }).click();
  await page.waitForURL(/\?file=mismatch/);
  await expect(page.getByTestId("file-check-outcome")).toHaveAttribute("data-outcome", "mismatch");
  // More than a letter can be: refused before it is read whole.
  await page.getByLabel("PDF file", { exact: true }).setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(6 * 1024 * 1024, 0x20) });
  await page.getByRole("button", { name: "Check file" }).click();
  await page.waitForURL(/\?file=tooLarge/);
  await expect(page.getByTestId("file-check-outcome")).toHaveText("This file is too large to be a confirmation (at most 5 MB).");
  await context.close();
});

test("the same URL answers JSON to Accept: application/json, without personal data", async ({ request }) => {
  const response = await request.get(`/verify/${code}`, { headers: { accept: "application/json" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["vary"]?.toLowerCase()).toContain("accept");
  const body = await response.json();
  console.log(`GET /verify/${code} (JSON): ${JSON.stringify(body)}`);
  expect(Object.keys(body).sort()).toEqual(["certifications", "code", "issueDate", "issuedAt", "issuer", "locale", "recipient", "revokedAt", "sha256", "status", "validUntil"]);
  expect(body).toMatchObject({ code, status: "valid", issuer: { name: "MPMX" }, recipient: { company: COMPANY }, revokedAt: null, sha256: createHash("sha256").update(pdf).digest("hex") });
  expect(JSON.stringify(body)).not.toMatch(/Jürgen|Weiß|@/);
  // A browser's Accept gets the page.
  const html = await request.get(`/verify/${code}`, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
  expect(html.headers()["content-type"]).toContain("text/html");
});

test("an unknown code and a malformed one get the same 404, as page and as JSON; axe", async ({ page, request }) => {
  const texts: string[] = [];
  for (const unknown of ["00000-00000-00000-00000", "not-a-code"]) {
    await open(page, `/verify/${unknown}?lang=en`, 404, "load");
    await expect(page.getByTestId("verify-not-found")).toBeVisible();
    texts.push(((await page.locator("main").textContent()) ?? "").trim());
    const json = await request.get(`/verify/${unknown}`, { headers: { accept: "application/json" } });
    expect(json.status()).toBe(404);
    expect(await json.json()).toEqual({ error: "notFound" });
  }
  expect(texts[0]).toContain("No confirmation with this code");
  expect(texts[1]).toBe(texts[0]);
  await expectNoSeriousAxeViolations(page);
  // The lookup form on it leads to the letter (typed in lower case with spaces).
  await page.getByLabel("Verification code").fill(code.toLowerCase().replaceAll("-", " "));
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await expect(page.getByTestId("verify-status")).toHaveAttribute("data-status", "valid");
});
