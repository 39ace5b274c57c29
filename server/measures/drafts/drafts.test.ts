import { afterAll, describe, expect, it } from "vitest";
import { parseMeasures } from "@/lib/measures/parse";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, withTenant } from "../../db/client";
import { draftCompleteness, loadDraftCompleteness } from "./completeness";
import { createDraftFromCurrent, createDraftFromImport, discardDraft } from "./create-draft";
import { addSection, moveSection, removeSection, saveSection } from "./sections";
import { saveChangeSummary } from "./summary";
import { setRequireAllLocales } from "./settings";
import { auditActions, auditEvents, authorsOf, editorTenant, expectAppError, PUBLISHED, sectionsOf } from "./test-fixtures";

// The draft editor's rules against PostgreSQL as the app runs them (app_user, row-level security).

connectTestDatabase({ role: "app" });
afterAll(closeDb);

const source = (key: string) => PUBLISHED.de.find((s) => s.key === key)!;

describe("createDraftFromCurrent", () => {
  it("copies the newest published version in every locale as draft number 2, records the author and audits", async () => {
    const t = await editorTenant();
    const draft = await createDraftFromCurrent(t.input(t.editor));
    expect(draft.number).toBe(2);
    const de = await sectionsOf(t.tenant.id, draft.id, "de");
    expect(de.map((s) => [s.key, s.position, s.number, s.title, s.body, s.revision])).toEqual(PUBLISHED.de.map((s, i) => [s.key, i, s.number, s.title, s.body, 0]));
    expect((await sectionsOf(t.tenant.id, draft.id, "en")).map((s) => s.title)).toEqual(PUBLISHED.en.map((s) => s.title));
    expect(await authorsOf(t.tenant.id, draft.id)).toEqual([t.editor.id]);
    expect(await auditActions(t.tenant.id)).toContain("measures.draft.created");
    // Copied translations are current: nothing missing, nothing outdated.
    const completeness = await loadDraftCompleteness(t.tenant.id, draft.id);
    expect(completeness.complete).toBe(true);
    expect(completeness.locales.map((l) => [l.locale, l.missing.length, l.outdated.length, l.summaryMissing])).toEqual([["de", 0, 0, true], ["en", 0, 0, true]]);
  });

  it("allows one open draft per document: a second is refused, naming the first, until it is discarded", async () => {
    const t = await editorTenant();
    const first = await createDraftFromCurrent(t.input(t.editor));
    const error = await expectAppError(() => createDraftFromCurrent(t.input(t.editor2)), "conflict", "openDraft");
    expect(error.details).toMatchObject({ versionId: first.id, number: 2 });
    // In review it is still open.
    await withTenant(t.tenant.id, (tx) => tx.measuresVersion.update({ where: { id: first.id }, data: { status: "IN_REVIEW" } }));
    await expectAppError(() => createDraftFromImport(t.input(t.editor2), importDoc()), "conflict", "openDraft");
    await withTenant(t.tenant.id, (tx) => tx.measuresVersion.update({ where: { id: first.id }, data: { status: "DRAFT" } }));
    expect(await discardDraft({ ...t.input(t.editor), versionId: first.id })).toEqual({ number: 2 });
    expect((await createDraftFromCurrent(t.input(t.editor2))).number).toBe(2);
  });

  it("two concurrent starts create exactly one draft", async () => {
    const t = await editorTenant();
    const results = await Promise.allSettled([createDraftFromCurrent(t.input(t.editor)), createDraftFromCurrent(t.input(t.editor2))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason.details?.reason).toBe("openDraft");
  });

  it("refuses without a published version, and another tenant's draft is not found", async () => {
    const empty = await editorTenant({ published: false });
    await expectAppError(() => createDraftFromCurrent(empty.input(empty.editor)), "conflict", "noPublishedVersion");
    const t = await editorTenant();
    const draft = await createDraftFromCurrent(t.input(t.editor));
    await expectAppError(() => saveSection({ ...empty.input(empty.editor), versionId: draft.id, key: "verschluesselung", locale: "de", revision: 0, title: "X", body: "Y", changeKind: "EDITORIAL" }), "notFound");
    await expectAppError(() => loadDraftCompleteness(empty.tenant.id, draft.id), "notFound");
    expect((await sectionsOf(t.tenant.id, draft.id, "de"))[1]!.title).toBe("Verschlüsselung");
  });
});

function importDoc(text = "Maßnahmen\n\nDiese Maßnahmen gelten für alle Services.\n\n1. Verschlüsselung\n\nAlle Daten werden stark verschlüsselt.\n\n2. Zugriffskontrolle\n\nZugriff nur mit MFA.\n\n3. Protokollierung\n\nZugriffe werden protokolliert.\n") {
  const result = parseMeasures(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

describe("createDraftFromImport", () => {
  it("takes the imported sections as source and keeps translations of surviving keys, outdated where the text changed", async () => {
    const t = await editorTenant();
    const draft = await createDraftFromImport(t.input(t.editor), importDoc());
    const de = await sectionsOf(t.tenant.id, draft.id, "de");
    expect(de.map((s) => [s.key, s.number, s.title])).toEqual([
      ["preamble", null, ""],
      ["verschluesselung", "1", "Verschlüsselung"],
      ["zugriffskontrolle", "2", "Zugriffskontrolle"],
      ["protokollierung", "3", "Protokollierung"],
    ]);
    expect((await sectionsOf(t.tenant.id, draft.id, "en")).map((s) => [s.key, s.position])).toEqual([["preamble", 0], ["verschluesselung", 1], ["zugriffskontrolle", 2]]);
    const en = (await loadDraftCompleteness(t.tenant.id, draft.id)).locales[1]!;
    expect(en.missing.map((s) => s.key)).toEqual(["protokollierung"]);
    expect(en.outdated.map((s) => s.key)).toEqual(["verschluesselung"]);
    expect(await auditActions(t.tenant.id)).toContain("measures.draft.imported");
  });
});

describe("saveSection", () => {
  it("the second of two saves from the same revision gets a conflict carrying the saved text; nothing is lost", async () => {
    const t = await editorTenant();
    const draft = await createDraftFromCurrent(t.input(t.editor));
    const base = { versionId: draft.id, key: "zugriffskontrolle", locale: "de" as const, revision: 0, title: "Zugriffskontrolle", changeKind: "MATERIAL" as const };
    const results = await Promise.all([
      saveSection({ ...t.input(t.editor), ...base, body: "Zugriff nur mit MFA und Hardware-Schlüssel." }),
      saveSection({ ...t.input(t.editor2), ...base, body: "Zugriff nur mit MFA, protokolliert." }),
    ]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toEqual([{ ok: true, revision: 1, changeKind: "MATERIAL" }]);
    expect(losers).toHaveLength(1);
    const saved = (await sectionsOf(t.tenant.id, draft.id, "de")).find((s) => s.key === "zugriffskontrolle")!;
    expect(saved.revision).toBe(1);
    const conflict = (losers[0] as { ok: false; conflict: { body: string; revision: number; updatedBy: string | null } }).conflict;
    // Their text as saved, with the revision a merged save starts from.
    expect(conflict.body).toBe(saved.body);
    expect(conflict.revision).toBe(1);
    expect(["Zugriff nur mit MFA und Hardware-Schlüssel.", "Zugriff nur mit MFA, protokolliert."]).toContain(saved.body);
    expect(conflict.updatedBy).toMatch(/@example\.com$/);
    // Exactly one save recorded; the loser is not an author by that attempt.
    expect((await auditActions(t.tenant.id)).filter((a) => a === "measures.section.saved")).toHaveLength(1);

    // The loser merges and saves from the revision the conflict named: that save wins.
    const merged = await saveSection({ ...t.input(t.editor2), ...base, revision: conflict.revision, body: "Zugriff nur mit MFA und Hardware-Schlüssel, protokolliert." });
    expect(merged).toEqual({ ok: true, revision: 2, changeKind: "MATERIAL" });
    expect(await authorsOf(t.tenant.id, draft.id)).toEqual([t.editor.id, t.editor2.id].sort());
  });

  it("needs a change kind for a changed section, stores none for an unchanged one, and audits with the locale", async () => {
    const t = await editorTenant();
    const draft = await createDraftFromCurrent(t.input(t.editor));
    const s = source("zugriffskontrolle");
    const input = { ...t.input(t.editor2), versionId: draft.id, key: s.key, locale: "de" as const, revision: 0, title: s.title };
    const error = await expectAppError(() => saveSection({ ...input, body: "Neu.", changeKind: null }), "invalid", "changeKindRequired");
    expect(error.details?.field).toBe("changeKind");
    expect(await authorsOf(t.tenant.id, draft.id)).toEqual([t.editor.id]);
    // Re-wrapped only: the redline sees no change, so no change kind is kept.
    expect(await saveSection({ ...input, body: `  ${s.body}\n`, changeKind: "MATERIAL" })).toEqual({ ok: true, revision: 1, changeKind: null });
    await expectAppError(() => saveSection({ ...input, revision: 1, title: "", body: "x", changeKind: "EDITORIAL" }), "invalid", "required");
    const events = await auditEvents(t.tenant.id);
    expect(events.at(-1)).toMatchObject({ action: "measures.section.saved", actorId: t.editor2.id, targetId: draft.id, data: { key: s.key, locale: "de", revision: 1, number: 2 } });
    expect(await authorsOf(t.tenant.id, draft.id)).toEqual([t.editor.id, t.editor2.id].sort());
  });

  it("a translation saved against the source is current; changing the source makes it outdated", async () => {
    const t = await editorTenant();
    const draft = await createDraftFromCurrent(t.input(t.editor));
    const input = { ...t.input(t.editor), versionId: draft.id, key: "zugriffskontrolle" };
    await saveSection({ ...input, locale: "de", revision: 0, title: "Zugriffskontrolle", body: "Zugriff nur mit MFA und Schlüssel.", changeKind: "MATERIAL" });
    let en = (await loadDraftCompleteness(t.tenant.id, draft.id)).locales[1]!;
    expect(en.outdated.map((s) => s.key)).toEqual(["zugriffskontrolle"]);
    expect(await saveSection({ ...input, locale: "en", revision: 0, title: "Access control", body: "Access only with MFA and a key.", changeKind: null })).toMatchObject({ ok: true, revision: 1 });
    en = (await loadDraftCompleteness(t.tenant.id, draft.id)).locales[1]!;
    expect(en).toMatchObject({ missing: [], outdated: [], complete: true });
    // A stale translation form (revision 0) is a conflict, not an overwrite.
    expect(await saveSection({ ...input, locale: "en", revision: 0, title: "Access control", body: "Old.", changeKind: null })).toMatchObject({ ok: false, conflict: { body: "Access only with MFA and a key.", revision: 1 } });
    expect(await auditActions(t.tenant.id)).toContain("measures.translation.saved");
  });

  it("edits only while the status is DRAFT: in review the draft is read-only", async () => {
    const t = await editorTenant();
    const draft = await createDraftFromCurrent(t.input(t.editor));
    await withTenant(t.tenant.id, (tx) => tx.measuresVersion.update({ where: { id: draft.id }, data: { status: "IN_REVIEW" } }));
    await expectAppError(() => saveSection({ ...t.input(t.editor), versionId: draft.id, key: "zugriffskontrolle", locale: "de", revision: 0, title: "Z", body: "B", changeKind: "EDITORIAL" }), "conflict", "notDraft");
    await expectAppError(() => addSection({ ...t.input(t.editor), versionId: draft.id, title: "Neu", body: "B", changeKind: "EDITORIAL" }), "conflict", "notDraft");
    expect((await sectionsOf(t.tenant.id, draft.id, "de")).map((s) => s.revision)).toEqual([0, 0, 0, 0]);
  });
});

describe("section structure", () => {
  it("adds before the closing paragraph, reorders and removes in every locale, keeping keys and renumbering", async () => {
    const t = await editorTenant();
    const draft = await createDraftFromCurrent(t.input(t.editor));
    const input = { ...t.input(t.editor2), versionId: draft.id };
    const { key } = await addSection({ ...input, title: "Verschlüsselung", body: "Noch ein Abschnitt.", changeKind: "MATERIAL" });
    // The title's key is taken: a fresh one.
    expect(key).toBe("verschluesselung-2");
    let de = await sectionsOf(t.tenant.id, draft.id, "de");
    expect(de.map((s) => [s.key, s.position, s.number])).toEqual([["preamble", 0, null], ["verschluesselung", 1, "1"], ["zugriffskontrolle", 2, "2"], [key, 3, "3"], ["closing", 4, null]]);

    await moveSection({ ...input, key, direction: "up" });
    await moveSection({ ...input, key, direction: "up" });
    de = await sectionsOf(t.tenant.id, draft.id, "de");
    expect(de.map((s) => [s.key, s.number])).toEqual([["preamble", null], [key, "1"], ["verschluesselung", "2"], ["zugriffskontrolle", "3"], ["closing", null]]);
    const en = await sectionsOf(t.tenant.id, draft.id, "en");
    expect(en.map((s) => [s.key, s.position, s.number])).toEqual([["preamble", 0, null], ["verschluesselung", 2, "2"], ["zugriffskontrolle", 3, "3"], ["closing", 4, null]]);
    expect((await loadDraftCompleteness(t.tenant.id, draft.id)).locales[1]!.missing.map((s) => s.key)).toEqual([key]);

    // Removing needs the revision the editor saw.
    await saveSection({ ...input, key: "verschluesselung", locale: "de", revision: 0, title: "Verschlüsselung", body: "Geändert.", changeKind: "EDITORIAL" });
    await expectAppError(() => removeSection({ ...input, key: "verschluesselung", revision: 0 }), "conflict", "sectionChanged");
    await removeSection({ ...input, key: "verschluesselung", revision: 1 });
    de = await sectionsOf(t.tenant.id, draft.id, "de");
    expect(de.map((s) => [s.key, s.position, s.number])).toEqual([["preamble", 0, null], [key, 1, "1"], ["zugriffskontrolle", 2, "2"], ["closing", 3, null]]);
    expect((await sectionsOf(t.tenant.id, draft.id, "en")).map((s) => s.key)).toEqual(["preamble", "zugriffskontrolle", "closing"]);
    expect((await auditActions(t.tenant.id)).filter((a) => a.startsWith("measures.section."))).toEqual([
      "measures.section.added", "measures.section.moved", "measures.section.moved", "measures.section.saved", "measures.section.removed",
    ]);
    expect(await authorsOf(t.tenant.id, draft.id)).toEqual([t.editor.id, t.editor2.id].sort());
  });
});

describe("change summary and settings", () => {
  it("saves the summary per locale with optimistic concurrency on the version", async () => {
    const t = await editorTenant();
    const draft = await createDraftFromCurrent(t.input(t.editor));
    const input = { ...t.input(t.editor), versionId: draft.id };
    expect(await saveChangeSummary({ ...input, revision: 0, changeSummary: { de: "Neu", en: " New " } })).toEqual({ ok: true, revision: 1 });
    expect(await saveChangeSummary({ ...input, revision: 0, changeSummary: { de: "Anders" } })).toEqual({ ok: false, conflict: { changeSummary: { de: "Neu", en: "New" }, revision: 1 } });
    const completeness = await withTenant(t.tenant.id, (tx) => draftCompleteness(tx, t.tenant.id, draft.id));
    expect(completeness.locales.map((l) => l.summaryMissing)).toEqual([false, false]);
  });

  it("requireAllLocales decides whether an incomplete draft is publishable, and its change is audited", async () => {
    const t = await editorTenant();
    const draft = await createDraftFromImport(t.input(t.editor), importDoc());
    expect(await loadDraftCompleteness(t.tenant.id, draft.id)).toMatchObject({ requireAllLocales: true, complete: false, publishable: false });
    expect(await setRequireAllLocales({ ...t.input(t.owner), requireAllLocales: false })).toEqual({ changed: true });
    expect(await setRequireAllLocales({ ...t.input(t.owner), requireAllLocales: false })).toEqual({ changed: false });
    expect(await loadDraftCompleteness(t.tenant.id, draft.id)).toMatchObject({ requireAllLocales: false, complete: false, publishable: true });
    expect((await auditEvents(t.tenant.id)).filter((e) => e.action === "settings.require_all_locales.updated").map((e) => e.data)).toEqual([{ from: true, to: false }]);
  });
});
