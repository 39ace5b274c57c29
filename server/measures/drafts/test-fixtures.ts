// Fixtures for the draft editor's integration tests (not a test file itself): a tenant with one
// published version in German and English, written as the app writes it (app_user, tenant context).
import { withTenant } from "../../db/client";
import { addMember, staffTenant, unique, type StaffTenant } from "../../members/test-fixtures";
import type { DraftActor, DraftInput } from "./context";

export { meta, unique, auditActions, auditEvents, expectAppError } from "../../members/test-fixtures";

export const PUBLISHED = {
  de: [
    { key: "preamble", number: null, title: "", body: "Diese Maßnahmen gelten für alle Services." },
    { key: "verschluesselung", number: "1", title: "Verschlüsselung", body: "Daten werden verschlüsselt:\n\n- im Ruhezustand\n- bei der Übertragung" },
    { key: "zugriffskontrolle", number: "2", title: "Zugriffskontrolle", body: "Zugriff nur mit MFA." },
    { key: "closing", number: null, title: "", body: "Stand: 1. Juni 2026" },
  ],
  en: [
    { key: "preamble", number: null, title: "", body: "These measures apply to all services." },
    { key: "verschluesselung", number: "1", title: "Encryption", body: "Data is encrypted:\n\n- at rest\n- in transit" },
    { key: "zugriffskontrolle", number: "2", title: "Access control", body: "Access only with MFA." },
    { key: "closing", number: null, title: "", body: "Last updated: 1 June 2026" },
  ],
};

export interface EditorTenant extends StaffTenant {
  editor: DraftActor;
  editor2: DraftActor;
  input: (actor: DraftActor) => DraftInput;
}

/** A tenant (de source, en enabled) with version 1 published, and two legal editors. */
export async function editorTenant(options: { published?: boolean } = {}): Promise<EditorTenant> {
  const t = await staffTenant("drafts");
  const tenantId = t.tenant.id;
  await withTenant(tenantId, async (tx) => {
    await tx.tenant.update({ where: { id: tenantId }, data: { defaultLocale: "de", locales: ["de", "en"] } });
    if (options.published === false) return;
    // createTenant created the (empty) measures document.
    const document = await tx.measuresDocument.findUniqueOrThrow({ where: { tenantId_key: { tenantId, key: "measures" } } });
    const sections = (["de", "en"] as const).flatMap((locale) => PUBLISHED[locale].map((s, position) => ({ ...s, locale, position, tenantId })));
    const version = await tx.measuresVersion.create({
      data: { tenantId, documentId: document.id, number: 1, title: { de: "Maßnahmen", en: "Measures" }, changeSummary: { de: "Erste Fassung", en: "First version" }, sections: { createMany: { data: sections } } },
    });
    await tx.measuresVersion.update({ where: { id: version.id }, data: { status: "PUBLISHED", effectiveAt: new Date("2026-06-01T00:00:00Z"), publishedAt: new Date("2026-05-01T00:00:00Z") } });
  });
  const editor = await addMember(tenantId, `${unique("editor")}@example.com`, ["LEGAL_EDITOR"]);
  const editor2 = await addMember(tenantId, `${unique("editor2")}@example.com`, ["LEGAL_EDITOR"]);
  return { ...t, editor, editor2, input: (actor) => ({ tenant: t.tenant, actor, meta: { ip: "203.0.113.9", userAgent: "vitest", requestId: "req-drafts" } }) };
}

/** The draft's sections of one locale, in order, as plain values. */
export async function sectionsOf(tenantId: string, versionId: string, locale: string) {
  return withTenant(tenantId, (tx) =>
    tx.measuresSection.findMany({ where: { versionId, locale }, orderBy: { position: "asc" }, select: { key: true, position: true, number: true, title: true, body: true, changeKind: true, revision: true } }),
  );
}

export async function authorsOf(tenantId: string, versionId: string): Promise<string[]> {
  return withTenant(tenantId, async (tx) => (await tx.measuresVersionAuthor.findMany({ where: { versionId }, select: { userId: true } })).map((a) => a.userId).sort());
}
