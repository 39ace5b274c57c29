import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { signInAsStaff } from "./fixtures/auth";
import { expect, test } from "./fixtures/test";
import { closeDraftAfterFailure } from "./fixtures/drafts";

// The measures editor: an editor imports a small text (errors with line numbers, then a preview,
// then accepts), edits a section (body and change kind) while the live redline follows, translates
// a new section, sees the draft's redline; a second editor saving the same section from the old
// revision gets the conflict with both texts. The draft is discarded at the end, so later journeys
// start from the seed's published versions. English UI.

test.use({ locale: "en-GB" });

const MEASURES = "/mpmx/admin/measures";
const SHOTS = "test-results/measures-editor";

const IMPORT_TEXT = `Informationssicherheitsmaßnahmen

Diese Maßnahmen beschreiben die Schutzvorkehrungen von MPMX.

1. Informationssicherheitsprogramm

MPMX unterhält ein umfassendes Informationssicherheitsprogramm.

2. Verschlüsselung

MPMX setzt branchenübliche Verschlüsselungsmaßnahmen zum Schutz von Kundendaten ein, einschließlich:

- verschlüsselte Kommunikationskanäle für den Zugriff auf die Services
- Verschlüsselung von Kundendaten im Ruhezustand

3. Protokollaufbewahrung

Sicherheitsrelevante Protokolle werden zwölf Monate aufbewahrt.

Diese Maßnahmen gelten ab ihrer Veröffentlichung. Letzte Aktualisierung: 01. Dezember 2026.
`;

async function screenshots(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

// One open draft at a time: a failure here must not fail the later journeys for the same reason.
test.afterEach(async ({ browser }, testInfo) => closeDraftAfterFailure(browser, testInfo));

test("an editor imports, edits and translates a draft; a second editor's stale save gets the conflict with both texts", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAsStaff(page, "editor@mpmx.example", { next: `${MEASURES}?lang=en` });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Security measures");
  await expect(page.getByTestId("version-row")).not.toHaveCount(0);
  await expect(page.getByTestId("version-row").first()).toHaveAttribute("data-status", "PUBLISHED");
  // The draft builds on the newest published version (the seed's 2, unless an earlier journey published more).
  const base = Number(await page.getByTestId("version-row").first().getAttribute("data-number"));
  const number = base + 1;
  // An editor is not offered the owners' setting.
  await expect(page.getByTestId("require-all-locales").getByRole("button")).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await screenshots(page, "versions");

  // Import: a broken text first (errors with line numbers, nothing saved), then the file.
  await page.getByRole("link", { name: "Import a text or Markdown file" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import the security measures");
  await page.getByLabel("Text", { exact: true }).fill("Titel\n\n1. Erstens\n\nText.\n\n3. Drittens\n\nText.\n");
  await page.getByRole("button", { name: "Show preview" }).click();
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("Line 7: expected section 2, found 3.");
  await expect(page.getByTestId("import-preview")).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel("Text", { exact: true }).fill("");
  await page.getByLabel("File (.txt or .md)").setInputFiles({ name: "massnahmen.txt", mimeType: "text/plain", buffer: Buffer.from(IMPORT_TEXT, "utf8") });
  await page.getByRole("button", { name: "Show preview" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("heading", { level: 2 })).toHaveText("Preview: 5 sections");
  await expect(preview.getByTestId("import-preview-section")).toHaveCount(5);
  await expect(preview.getByTestId("import-preview-section").nth(3)).toHaveAttribute("data-key", "protokollaufbewahrung");
  await expect(preview).toContainText("2026-12-01");
  await expect(errors).toHaveCount(0);
  await screenshots(page, "import-preview");
  await preview.getByRole("button", { name: "Accept and create draft" }).click();

  // The draft: the next number, its sections against the newest published version.
  await expect(page).toHaveURL(/\/mpmx\/admin\/measures\/drafts\/[0-9a-f-]{36}\?notice=created$/);
  const draftUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Draft ${number}`);
  const rows = page.getByTestId("section-row");
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(3)).toHaveAttribute("data-key", "protokollaufbewahrung");
  await expect(rows.nth(3).getByText("New")).toBeVisible();
  // Imported changes have no kind yet: each changed section asks for one.
  await expect(rows.nth(2).getByTestId("change-kind-missing")).toHaveText("Kind of change not set");
  await expect(rows.nth(3).getByTestId("translation-en")).toHaveAttribute("data-state", "missing");
  // Sections 1 and 3 of the published version changed in the import: their English texts are outdated now.
  await expect(rows.nth(2).getByTestId("translation-en")).toHaveAttribute("data-state", "outdated");
  await expect(page.getByTestId("completeness-en")).toHaveAttribute("data-complete", "false");
  await expectNoSeriousAxeViolations(page);
  await screenshots(page, "draft");

  // A second editor opens the same section now, at its current revision.
  const other = await browser.newContext({ locale: "en-GB" });
  const otherPage = await other.newPage();
  await signInAsStaff(otherPage, "admin@mpmx.example", { next: `${draftUrl}/sections/verschluesselung` });
  await expect(otherPage.getByTestId("section-form")).toBeVisible();

  // Edit the section: body and change kind; the live redline follows the typing.
  await page.goto(`${draftUrl}/sections/verschluesselung`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2. Verschlüsselung");
  const body = page.getByLabel("Text (Markdown)");
  const edited = `${await body.inputValue()}\n- Schlüsselrotation mindestens jährlich`;
  await body.fill(edited);
  await expect(page.getByTestId("unsaved")).toBeVisible();
  await expect(page.getByTestId("live-redline").locator("ins")).toContainText(["Schlüsselrotation mindestens jährlich"]);
  await expect(page.getByTestId("section-preview").locator("li").last()).toHaveText("Schlüsselrotation mindestens jährlich");
  // Changed against the published version without a change kind: refused at the field, the text kept.
  await page.getByRole("button", { name: "Save section" }).click();
  await expect(page.getByTestId("error-changeKind")).toContainText("please choose whether the change is editorial or material");
  await expect(body).toHaveValue(edited);
  await page.getByText("Material", { exact: true }).click();
  await page.getByRole("button", { name: "Save section" }).click();
  await expect(page.getByTestId("section-saved")).toHaveText("Saved.");
  await expect(page.getByTestId("unsaved")).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await screenshots(page, "section");

  // The second editor, still on the old revision, saves: a conflict with both texts, nothing overwritten.
  const otherBody = otherPage.getByLabel("Text (Markdown)");
  await otherBody.fill("Alles wird verschlüsselt.");
  await otherPage.getByText("Editorial", { exact: true }).click();
  await otherPage.getByRole("button", { name: "Save section" }).click();
  const conflict = otherPage.getByTestId("save-conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId("conflict-theirs")).toContainText("Schlüsselrotation mindestens jährlich");
  await expect(conflict.getByTestId("conflict-yours")).toContainText("Alles wird verschlüsselt.");
  await expect(otherBody).toHaveValue("Alles wird verschlüsselt.");
  await expectNoSeriousAxeViolations(otherPage);
  await screenshots(otherPage, "conflict");
  // Leaving with the unsaved text asks first.
  const dialog = otherPage.waitForEvent("dialog");
  await otherPage.close({ runBeforeUnload: true });
  expect((await dialog).type()).toBe("beforeunload");
  await (await dialog).dismiss();
  await other.close();
  // Only the first save landed.
  await page.reload();
  await expect(page.getByLabel("Text (Markdown)")).toHaveValue(edited);

  // Translate the new section into English, side by side with the German source.
  await page.goto(`${draftUrl}/sections/protokollaufbewahrung?locale=en`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Translation into English");
  await expect(page.getByTestId("translation-source")).toContainText("Sicherheitsrelevante Protokolle werden zwölf Monate aufbewahrt.");
  await expect(page.getByTestId("translation-status").locator("[data-status]")).toHaveAttribute("data-status", "missing");
  await page.getByLabel("Title").fill("Log retention");
  await page.getByLabel("Text (Markdown)").fill("Security-relevant logs are kept for twelve months.");
  await page.getByRole("button", { name: "Save section" }).click();
  await expect(page.getByTestId("section-saved")).toHaveText("Saved.");
  await expect(page.getByTestId("translation-status").locator("[data-status]")).toHaveAttribute("data-status", "current");
  await expectNoSeriousAxeViolations(page);
  await screenshots(page, "translation");
  await page.goto(draftUrl);
  await expect(page.getByTestId("section-row").nth(3).getByTestId("translation-en")).toHaveAttribute("data-state", "ok");
  await expect(page.getByTestId("section-row").nth(2).getByText("Material")).toBeVisible();
  await expect(page.getByTestId("section-row").nth(2).getByTestId("change-kind-missing")).toHaveCount(0);

  // The draft's redline against the published version, as readers will see it.
  await page.getByTestId("full-redline-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Draft ${number}: changes against version ${base}`);
  await expect(page.locator('[data-testid="redline-section"][data-key="protokollaufbewahrung"]')).toHaveAttribute("data-status", "added");
  await expect(page.locator('[data-testid="redline-section"][data-key="verschluesselung"]').locator("ins")).toContainText(["Schlüsselrotation mindestens jährlich"]);
  await expectNoSeriousAxeViolations(page);
  await screenshots(page, "redline");

  // Discard: the next journey starts from the published versions again.
  await page.goto(draftUrl);
  await page.getByText("Discard draft", { exact: true }).click();
  await page.getByRole("button", { name: "Yes, discard" }).click();
  await expect(page.getByTestId("measures-notice")).toHaveText(`Draft ${number} was discarded.`);
  await expect(page.getByTestId("version-row").first()).toHaveAttribute("data-status", "PUBLISHED");
});

test.describe("in German", () => {
  test.use({ locale: "de-DE" });

  test("an editor starts from the published version, adds, moves and removes a section, and discards the draft", async ({ page }) => {
    test.setTimeout(90_000);
    await signInAsStaff(page, "editor@mpmx.example", { next: `${MEASURES}?lang=de` });
    const base = Number(await page.getByTestId("version-row").first().getAttribute("data-number"));
    await page.getByRole("button", { name: `Mit Version ${base} beginnen` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Entwurf ${base + 1}`);
    await expect(page.getByTestId("draft-notice")).toHaveText(`Entwurf ${base + 1} wurde angelegt.`);
    // A copy: nothing changed, every translation current.
    const rows = page.getByTestId("section-row");
    const keys = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-key")));
    expect(keys.at(-1)).toBe("closing");
    await expect(page.getByTestId("completeness-en")).toHaveAttribute("data-complete", "true");
    await expect(page.getByTestId("change-kind-missing")).toHaveCount(0);

    // Add: refused without a title (at the field, the text kept), then placed before the closing paragraph.
    const add = page.getByTestId("add-section-form");
    await add.getByLabel("Text", { exact: true }).fill("Lieferanten werden jährlich geprüft.");
    await add.getByRole("button", { name: "Abschnitt hinzufügen" }).click();
    await expect(add.getByTestId("error-title")).toHaveText("Bitte füllen Sie dieses Feld aus.");
    await expect(add.getByLabel("Text", { exact: true })).toHaveValue("Lieferanten werden jährlich geprüft.");
    await add.getByLabel("Titel").fill("Lieferantenmanagement");
    await add.getByText("Wesentlich", { exact: true }).click();
    await add.getByRole("button", { name: "Abschnitt hinzufügen" }).click();
    await expect(add.getByTestId("section-added")).toHaveText("Der Abschnitt wurde hinzugefügt.");
    await expect(rows).toHaveCount(keys.length + 1);
    const added = rows.nth(keys.length - 1);
    await expect(added).toHaveAttribute("data-key", "lieferantenmanagement");
    await expect(added.getByText("Neu", { exact: true })).toBeVisible();
    await expect(added.getByTestId("translation-en")).toHaveAttribute("data-state", "missing");
    await screenshots(page, "draft-de");

    // Move it up one place: the key stays, the numbers follow the order.
    await added.getByRole("button", { name: /^„\d+\. Lieferantenmanagement“ nach oben verschieben$/ }).click();
    await expect(page.getByTestId("draft-notice")).toHaveText("Der Abschnitt wurde verschoben.");
    await expect(rows.nth(keys.length - 2)).toHaveAttribute("data-key", "lieferantenmanagement");
    await expect(rows.nth(keys.length - 1)).toHaveAttribute("data-key", keys.at(-2)!);
    const moved = rows.nth(keys.length - 2);
    const title = (await moved.getByRole("link").first().textContent()) ?? "";
    expect(title).toMatch(/^\d+\. Lieferantenmanagement$/);

    // Remove it again (confirmed), then discard the draft.
    await moved.getByText("Entfernen", { exact: true }).click();
    await moved.getByRole("button", { name: "Ja, entfernen" }).click();
    await expect(page.getByTestId("draft-notice")).toHaveText("Der Abschnitt wurde entfernt.");
    expect(await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-key")))).toEqual(keys);
    await page.getByText("Entwurf verwerfen", { exact: true }).click();
    await page.getByRole("button", { name: "Ja, verwerfen" }).click();
    await expect(page.getByTestId("measures-notice")).toHaveText(`Entwurf ${base + 1} wurde verworfen.`);
  });
});
