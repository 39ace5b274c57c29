import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { asLocalizedText } from "@/lib/i18n/localized";
import type { ParsedDocument } from "@/lib/measures/parse";
import { recordAudit } from "../../audit/record";
import { withTenant, type Tx } from "../../db/client";
import { auditActor, lockDraft, MEASURES_DOCUMENT, recordAuthor, tenantLocales, type DraftInput } from "./context";
import { newestPublished, OPEN_STATUSES } from "./queries";
import { sourceHash } from "./source-hash";

// A new draft: a copy of the newest published version, or an imported document. One open draft
// (DRAFT or IN_REVIEW) per document at a time; its number is the newest number + 1.

interface NewSection {
  key: string;
  locale: string;
  position: number;
  number: string | null;
  title: string;
  body: string;
  sourceHash: string | null;
}

/**
 * Serializes draft creation per document (advisory lock until the transaction ends), then refuses
 * a second open draft, naming the one that exists.
 */
async function openDocument(tx: Tx, tenantId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`measures-drafts:${tenantId}`}, 0))`;
  const document =
    (await tx.measuresDocument.findUnique({ where: { tenantId_key: { tenantId, key: MEASURES_DOCUMENT } }, select: { id: true } })) ??
    (await tx.measuresDocument.create({ data: { tenantId, key: MEASURES_DOCUMENT }, select: { id: true } }));
  const open = await tx.measuresVersion.findFirst({ where: { documentId: document.id, status: { in: [...OPEN_STATUSES] } }, select: { id: true, number: true } });
  if (open) throw new AppError("conflict", "an open draft exists", { reason: "openDraft", versionId: open.id, number: open.number });
  const newest = await tx.measuresVersion.findFirst({ where: { documentId: document.id }, orderBy: { number: "desc" }, select: { number: true } });
  return { documentId: document.id, number: (newest?.number ?? 0) + 1 };
}

async function insertDraft(tx: Tx, input: DraftInput, documentId: string, number: number, title: Prisma.InputJsonObject, sections: NewSection[]) {
  const tenantId = input.tenant.id;
  const version = await tx.measuresVersion.create({
    data: { tenantId, documentId, number, title, changeSummary: {}, createdById: input.actor.id },
    select: { id: true, number: true },
  });
  if (sections.length > 0) {
    await tx.measuresSection.createMany({ data: sections.map((section) => ({ ...section, tenantId, versionId: version.id, updatedById: input.actor.id })) });
  }
  await tx.measuresVersionEvent.create({ data: { tenantId, versionId: version.id, kind: "CREATED", actorId: input.actor.id, actorName: input.actor.email } });
  await recordAuthor(tx, tenantId, version.id, input.actor.id);
  return version;
}

/**
 * Copies a published version's sections. Translations were in step with their source when it was
 * published, so each gets the hash of its source as it is now: current, until the source changes.
 */
function copiedSections(sections: Array<Omit<NewSection, "sourceHash">>, sourceLocale: string): NewSection[] {
  const sources = new Map(sections.filter((s) => s.locale === sourceLocale).map((s) => [s.key, sourceHash(s.title, s.body)]));
  return sections.map((section) => ({ ...section, sourceHash: section.locale === sourceLocale ? null : (sources.get(section.key) ?? null) }));
}

export async function createDraftFromCurrent(input: DraftInput): Promise<{ id: string; number: number }> {
  const tenantId = input.tenant.id;
  return withTenant(tenantId, async (tx) => {
    const { documentId, number } = await openDocument(tx, tenantId);
    const base = await newestPublished(tx, documentId);
    if (!base) throw new AppError("conflict", "nothing published to start from", { reason: "noPublishedVersion" });
    const { sourceLocale } = await tenantLocales(tx, tenantId);
    const sections = await tx.measuresSection.findMany({
      where: { versionId: base.id },
      select: { key: true, locale: true, position: true, number: true, title: true, body: true },
    });
    const version = await insertDraft(tx, input, documentId, number, asLocalizedText(base.title), copiedSections(sections, sourceLocale));
    await recordAudit(tx, {
      tenantId,
      actor: auditActor(input.actor),
      action: "measures.draft.created",
      target: { type: "measures_version", id: version.id },
      data: { number: version.number, from: base.number },
      meta: input.meta,
    });
    return version;
  });
}

/**
 * A draft from an imported document (in the source locale). Translations of the newest published
 * version are kept for the sections that still exist, hashed against that version's source: a
 * section whose text the import changed shows its translation as outdated, an unchanged one not.
 */
export async function createDraftFromImport(input: DraftInput, document: ParsedDocument): Promise<{ id: string; number: number }> {
  const tenantId = input.tenant.id;
  if (document.sections.length === 0) throw new AppError("invalid", "an imported document needs sections");
  return withTenant(tenantId, async (tx) => {
    const { documentId, number } = await openDocument(tx, tenantId);
    const { sourceLocale } = await tenantLocales(tx, tenantId);
    const base = await newestPublished(tx, documentId);
    const sections: NewSection[] = document.sections.map((section, position) => ({ ...section, locale: sourceLocale, position, sourceHash: null }));
    const positions = new Map(sections.map((section) => [section.key, section]));
    const title: Record<string, string> = base ? { ...asLocalizedText(base.title) } : {};
    if (document.title) title[sourceLocale] = document.title;
    if (base) {
      const baseSections = await tx.measuresSection.findMany({ where: { versionId: base.id }, select: { key: true, locale: true, title: true, body: true } });
      const baseSources = new Map(baseSections.filter((s) => s.locale === sourceLocale).map((s) => [s.key, sourceHash(s.title, s.body)]));
      for (const translation of baseSections) {
        const target = positions.get(translation.key);
        if (translation.locale === sourceLocale || !target) continue;
        sections.push({ key: translation.key, locale: translation.locale, position: target.position, number: target.number, title: translation.title, body: translation.body, sourceHash: baseSources.get(translation.key) ?? null });
      }
    }
    const version = await insertDraft(tx, input, documentId, number, title, sections);
    await recordAudit(tx, {
      tenantId,
      actor: auditActor(input.actor),
      action: "measures.draft.imported",
      target: { type: "measures_version", id: version.id },
      data: { number: version.number, sections: document.sections.length, ...(base ? { from: base.number } : {}) },
      meta: input.meta,
    });
    return version;
  });
}

/** Deletes a draft that was never submitted (nothing of it is published; the timeline goes with it). */
export async function discardDraft(input: DraftInput & { versionId: string }): Promise<{ number: number }> {
  const tenantId = input.tenant.id;
  return withTenant(tenantId, async (tx) => {
    const draft = await lockDraft(tx, tenantId, input.versionId);
    await tx.measuresVersion.delete({ where: { id: draft.id } });
    await recordAudit(tx, {
      tenantId,
      actor: auditActor(input.actor),
      action: "measures.draft.discarded",
      target: { type: "measures_version", id: draft.id },
      data: { number: draft.number },
      meta: input.meta,
    });
    return { number: draft.number };
  });
}
