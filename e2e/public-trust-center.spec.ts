import { expect, open, sectionHeadings, test, textsWithoutSrOnly } from "./fixtures/test";
import { closeDraftAfterFailure } from "./fixtures/drafts";
import {
  MPMX_REDLINE_1_TO_2,
  MPMX_REDLINE_WORDS_DE,
  MPMX_V1_DE_SECTIONS,
  MPMX_V2_DE_SECTIONS,
  MPMX_V2_KEYS,
} from "./fixtures/demo-data";
import type { Page } from "@playwright/test";

// A visitor reads MPMX's measures, walks the history, opens a superseded version and the redline.

const AUTH_KEY = "authentifizierung-autorisierung-und-access-management";

async function expectCounts(page: Page, counts: { added: number; removed: number; changed: number; moved: number; unchanged: number }) {
  for (const [kind, count] of Object.entries(counts)) {
    await expect(page.getByTestId(`count-${kind}`), `count-${kind}`).toHaveAttribute("data-count", String(count));
  }
}

// One open draft at a time: a failure here must not fail the later journeys for the same reason.
test.afterEach(async ({ browser }, testInfo) => closeDraftAfterFailure(browser, testInfo));

test("home → measures → history → version 1 → redline 1 → 2", async ({ page }) => {
  await test.step("landing page leads to the MPMX trust center", async () => {
    await open(page, "/");
    await page.getByRole("link", { name: "Demo: Trust Center von MPMX →" }).click();
    await expect(page).toHaveURL("/mpmx");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("MPMX");
    await expect(page.getByTestId("current-version")).toHaveText("Version 2Informationssicherheitsmaßnahmen·Gültig ab 1. Juni 2026");
    await expect(page.getByTestId("certification")).toHaveCount(2);
    await expect(page.getByTestId("certification").getByRole("heading")).toHaveText(["ISO/IEC 27001", "BSI C5"]);
    await expect(page.getByTestId("empty-state")).toHaveCount(0);
  });

  await test.step("the current version: 12 numbered sections with a table of contents", async () => {
    await page.getByRole("link", { name: "Aktuelle Fassung lesen" }).click();
    await expect(page).toHaveURL("/mpmx/measures");
    await expect(page.locator("article h1")).toHaveText("Informationssicherheitsmaßnahmen");
    await expect(page.locator("article h2")).toHaveCount(12);
    await expect(sectionHeadings(page)).toHaveText(MPMX_V2_DE_SECTIONS);
    const toc = page.locator('nav[aria-labelledby="toc-heading"] a');
    await expect(toc).toHaveCount(12);
    expect(await toc.evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual(MPMX_V2_KEYS.map((key) => `#${key}`));
    await expect(page.locator("#verschluesselung h2")).toHaveText("3. Verschlüsselung");
    await expect(page.getByTestId("superseded-notice")).toHaveCount(0);
    await expect(page.getByTestId("fallback-notice")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Änderungen als Atom-Feed abonnieren" })).toHaveAttribute("href", "/mpmx/feed.xml");
    // A removed section is not in the current version.
    await expect(page.locator("#physische-sicherheit-der-betriebsstaetten")).toHaveCount(0);

    await toc.filter({ hasText: "Verschlüsselung" }).click();
    await expect(page).toHaveURL("/mpmx/measures#verschluesselung");
    await expect(page.locator("#verschluesselung")).toBeInViewport();
  });

  await test.step("the history lists both versions, newest first", async () => {
    await page.getByRole("navigation", { name: "Trust Center" }).getByRole("link", { name: "Versionshistorie" }).click();
    await expect(page).toHaveURL("/mpmx/measures/versions");
    const entries = page.getByTestId("version-entry");
    await expect(entries).toHaveCount(2);
    await expect(entries.getByRole("heading", { level: 2 })).toHaveText(["Version 2", "Version 1"]);
    await expect(entries.nth(0)).toContainText("Aktuell");
    await expect(entries.nth(1)).not.toContainText("Aktuell");
    await expect(entries.nth(1)).toContainText("Erste veröffentlichte Fassung");
  });

  await test.step("version 1 is kept unchanged and says it was superseded by version 2", async () => {
    await page.getByRole("link", { name: "Version 1 lesen" }).click();
    await expect(page).toHaveURL("/mpmx/measures/v/1");
    await expect(page.getByTestId("superseded-notice")).toHaveText(
      "Diese Fassung (Version 1) ist nicht mehr aktuell. Sie wurde ab 1. Juni 2026 durch Version 2 ersetzt. Aktuelle Fassung lesen",
    );
    await expect(sectionHeadings(page)).toHaveText(MPMX_V1_DE_SECTIONS);
    await expect(page.locator("#physische-sicherheit-der-betriebsstaetten h2")).toHaveText("4. Physische Sicherheit der Betriebsstätten");
    await expect(page.locator("#zertifizierungen-und-standards")).toHaveCount(0);
  });

  await test.step("the redline from version 1 to version 2", async () => {
    await page.goBack();
    await expect(page).toHaveURL("/mpmx/measures/versions");
    await page.getByRole("link", { name: "Mit Version 1 vergleichen" }).click();
    await expect(page).toHaveURL("/mpmx/measures/compare?from=1&to=2");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Änderungen zwischen Version 1 und Version 2");
    await expect(page.getByTestId("reversed-notice")).toHaveCount(0);
    await expect(page.getByTestId("compare-problem")).toHaveCount(0);
    await expectCounts(page, { added: 1, removed: 1, changed: 5, moved: 0, unchanged: 8 });
    await expect(page.getByTestId("count-words")).toHaveAttribute("data-inserted", String(MPMX_REDLINE_WORDS_DE.inserted));
    await expect(page.getByTestId("count-words")).toHaveAttribute("data-deleted", String(MPMX_REDLINE_WORDS_DE.deleted));

    const sections = page.getByTestId("redline-section");
    const shown = await sections.evaluateAll((els) => els.map((el) => [el.getAttribute("data-key"), el.getAttribute("data-status")]));
    expect(shown).toEqual(MPMX_REDLINE_1_TO_2);

    const added = page.locator('[data-testid="redline-section"][data-status="added"]');
    const removed = page.locator('[data-testid="redline-section"][data-status="removed"]');
    expect(await textsWithoutSrOnly(added.locator("h2"))).toEqual(["2. Zertifizierungen und Standards"]);
    expect(await textsWithoutSrOnly(removed.locator("h2"))).toEqual(["4. Physische Sicherheit der Betriebsstätten"]);
    // An added section is all insertion, a removed one all deletion.
    await expect(added.locator("del")).toHaveCount(0);
    await expect(removed.locator("ins")).toHaveCount(0);
    expect(await added.locator("ins").count()).toBeGreaterThan(1);
    expect(await removed.locator("del").count()).toBeGreaterThan(1);

    // Every changed section marks its changes word by word; unchanged ones mark none.
    for (const [key, status] of MPMX_REDLINE_1_TO_2) {
      const section = page.locator(`[data-testid="redline-section"][data-key="${key}"]`);
      const marks = await section.locator("ins, del").count();
      if (status === "changed") expect(marks, `ins/del in changed section ${key}`).toBeGreaterThan(0);
      if (status === "unchanged") expect(marks, `ins/del in unchanged section ${key}`).toBe(0);
    }
    // "Zwei-Faktor-Authentifizierung" became "Multi-Faktor-Authentifizierung", and a bullet was added.
    const auth = page.locator(`[data-testid="redline-section"][data-key="${AUTH_KEY}"]`);
    expect(await textsWithoutSrOnly(auth.locator("del"))).toEqual(["Zwei"]);
    expect(await textsWithoutSrOnly(auth.locator("ins"))).toEqual(["Multi", "Protokollierung und Überprüfung privilegierter Zugriffe"]);
    await expect(auth.locator("del").first()).toContainText("gelöscht"); // screen readers hear what the mark means
  });

  await test.step("unchanged sections are collapsed <details> that open on click", async () => {
    const unchanged = page.locator('[data-testid="redline-section"][data-status="unchanged"]');
    await expect(unchanged).toHaveCount(8);
    expect(await unchanged.evaluateAll((els) => els.map((el) => `${el.tagName}:${(el as HTMLDetailsElement).open}`))).toEqual(Array(8).fill("DETAILS:false"));
    await expect(page.locator("details[open]")).toHaveCount(0);

    const programme = page.locator('details[data-key="informationssicherheitsprogramm"]');
    const body = programme.getByText("MPMX unterhält ein umfassendes Informationssicherheitsprogramm");
    await expect(body).toBeHidden();
    await programme.locator("summary").click();
    await expect(programme).toHaveJSProperty("open", true);
    await expect(body).toBeVisible();
    // Only the clicked one opened.
    await expect(page.locator("details[open]")).toHaveCount(1);
  });
});

test("the reversed redline (2 → 1) swaps added and removed", async ({ page }) => {
  await open(page, "/mpmx/measures/compare?from=1&to=2");
  await page.getByRole("link", { name: "Richtung umkehren" }).click();
  await expect(page).toHaveURL("/mpmx/measures/compare?from=2&to=1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Änderungen zwischen Version 2 und Version 1");
  await expect(page.getByTestId("reversed-notice")).toHaveText(
    "Umgekehrte Richtung: Die Ansicht zeigt, was von Version 2 zu Version 1 entfernt oder hinzugefügt würde.",
  );
  await expectCounts(page, { added: 1, removed: 1, changed: 5, moved: 0, unchanged: 8 });
  await expect(page.getByTestId("count-words")).toHaveAttribute("data-inserted", String(MPMX_REDLINE_WORDS_DE.deleted));
  await expect(page.getByTestId("count-words")).toHaveAttribute("data-deleted", String(MPMX_REDLINE_WORDS_DE.inserted));

  const keysWith = (status: string) =>
    page.locator(`[data-testid="redline-section"][data-status="${status}"]`).evaluateAll((els) => els.map((el) => el.getAttribute("data-key")));
  expect(await keysWith("added")).toEqual(["physische-sicherheit-der-betriebsstaetten"]);
  expect(await keysWith("removed")).toEqual(["zertifizierungen-und-standards"]);

  const auth = page.locator(`[data-testid="redline-section"][data-key="${AUTH_KEY}"]`);
  expect(await textsWithoutSrOnly(auth.locator("ins"))).toEqual(["Zwei"]);
  expect(await textsWithoutSrOnly(auth.locator("del"))).toEqual(["Multi", "Protokollierung und Überprüfung privilegierter Zugriffe"]);
});

test("the redline works without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  try {
    const page = await context.newPage();
    await open(page, "/mpmx/measures/compare?from=1&to=2");
    // Scripts really are off: Next's inline bootstrap never ran.
    expect(await page.evaluate(() => typeof (window as unknown as { __next_f?: unknown }).__next_f)).toBe("undefined");

    await expectCounts(page, { added: 1, removed: 1, changed: 5, moved: 0, unchanged: 8 });
    const auth = page.locator(`[data-testid="redline-section"][data-key="${AUTH_KEY}"]`);
    expect(await textsWithoutSrOnly(auth.locator("del"))).toEqual(["Zwei"]);
    expect(await textsWithoutSrOnly(auth.locator("ins"))).toEqual(["Multi", "Protokollierung und Überprüfung privilegierter Zugriffe"]);

    const details = page.locator('details[data-testid="redline-section"]');
    await expect(details).toHaveCount(8);
    await expect(page.locator("details[open]")).toHaveCount(0);
    const customer = page.locator('details[data-key="verantwortlichkeiten-des-kunden"]');
    await customer.locator("summary").click();
    await expect(customer).toHaveJSProperty("open", true);
    await expect(customer.getByText("Der Kunde bleibt verantwortlich für:")).toBeVisible();
  } finally {
    await context.close();
  }
});
