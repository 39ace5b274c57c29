import "server-only";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { parseBlocks } from "@/lib/markdown/blocks";
import { sectionKey, withKeySuffix } from "@/lib/measures/slug";
import { recordAudit } from "../../audit/record";
import { withTenant, type Tx } from "../../db/client";
import { auditActor, lockDraft, recordAuthor, tenantLocales, type DraftInput, type LockedDraft } from "./context";
import { sourceHash } from "./source-hash";

// Sections of a draft: saving one (source text or a translation) with optimistic concurrency, and
// adding, removing and reordering them. Keys never change; positions and display numbers follow
// the source locale's order in every locale.

export type ChangeKind = "EDITORIAL" | "MATERIAL";
const UNNUMBERED = new Set(["preamble", "closing"]);
/** Positions are moved out of the way first: (version, locale, position) is unique. */
const POSITION_OFFSET = 100_000;

export interface SavedText {
  title: string;
  body: string;
  changeKind: ChangeKind | null;
  revision: number;
  updatedBy: string | null;
  updatedAt: Date;
}

export type SaveResult = { ok: true; revision: number; changeKind: ChangeKind | null } | { ok: false; conflict: SavedText | null };

export interface SaveSectionInput extends DraftInput {
  versionId: string;
  key: string;
  locale: Locale;
  /** The revision the form started from; -1 for a translation that did not exist yet. */
  revision: number;
  title: string;
  body: string;
  changeKind: ChangeKind | null;
}

async function savedText(tx: Tx, versionId: string, locale: string, key: string): Promise<SavedText | null> {
  const row = await tx.measuresSection.findUnique({
    where: { versionId_locale_key: { versionId, locale, key } },
    select: { title: true, body: true, changeKind: true, revision: true, updatedAt: true, updatedById: true },
  });
  if (!row) return null;
  const by = row.updatedById ? await tx.user.findUnique({ where: { id: row.updatedById }, select: { email: true, name: true } }) : null;
  return { title: row.title, body: row.body, changeKind: row.changeKind, revision: row.revision, updatedAt: row.updatedAt, updatedBy: by ? (by.name ?? by.email) : null };
}

/** Changed against the version the draft builds on, as the redline sees it (a re-wrap is no change). */
function differs(a: { title: string; body: string }, b: { title: string; body: string } | null): boolean {
  if (!b) return true;
  return a.title.trim() !== b.title.trim() || JSON.stringify(parseBlocks(a.body)) !== JSON.stringify(parseBlocks(b.body));
}

async function baseSection(tx: Tx, draft: LockedDraft, locale: string, key: string) {
  return tx.measuresSection.findFirst({
    where: { key, locale, version: { documentId: draft.documentId, status: "PUBLISHED", number: { lt: draft.number } } },
    orderBy: { version: { number: "desc" } },
    select: { title: true, body: true },
  });
}

function requireTitle(key: string, title: string) {
  if (!UNNUMBERED.has(key) && title.trim() === "") throw new AppError("invalid", "a numbered section needs a title", { field: "title", reason: "required" });
}

/**
 * Saves one section in one locale: UPDATE … WHERE revision = the form's revision. When someone
 * saved in between, nothing is written and the answer carries their text, so the editor can merge.
 */
export async function saveSection(input: SaveSectionInput): Promise<SaveResult> {
  const tenantId = input.tenant.id;
  return withTenant(tenantId, async (tx) => {
    const draft = await lockDraft(tx, tenantId, input.versionId);
    const { sourceLocale, locales } = await tenantLocales(tx, tenantId);
    if (!locales.includes(input.locale)) throw new AppError("notFound", "locale not enabled");
    const source = await tx.measuresSection.findUnique({ where: { versionId_locale_key: { versionId: draft.id, locale: sourceLocale, key: input.key } } });
    if (!source) throw new AppError("notFound", "no such section in this draft");
    requireTitle(input.key, input.title);
    const text = { title: input.title, body: input.body };
    let revision: number;
    let changeKind: ChangeKind | null = null;
    if (input.locale === sourceLocale) {
      const changed = differs(text, await baseSection(tx, draft, sourceLocale, input.key));
      if (changed && !input.changeKind) throw new AppError("invalid", "a changed section needs a change kind", { field: "changeKind", reason: "changeKindRequired" });
      changeKind = changed ? input.changeKind : null;
      const { count } = await tx.measuresSection.updateMany({
        where: { id: source.id, revision: input.revision },
        data: { ...text, changeKind, revision: { increment: 1 }, updatedById: input.actor.id, updatedAt: new Date() },
      });
      if (count === 0) return { ok: false, conflict: await savedText(tx, draft.id, sourceLocale, input.key) };
      revision = input.revision + 1;
    } else {
      const hash = sourceHash(source.title, source.body);
      const existing = await tx.measuresSection.findUnique({ where: { versionId_locale_key: { versionId: draft.id, locale: input.locale, key: input.key } }, select: { id: true } });
      if (!existing) {
        if (input.revision !== -1) return { ok: false, conflict: null };
        await tx.measuresSection.create({
          data: { tenantId, versionId: draft.id, key: input.key, locale: input.locale, position: source.position, number: source.number, ...text, sourceHash: hash, updatedById: input.actor.id },
        });
        revision = 0;
      } else {
        const { count } = await tx.measuresSection.updateMany({
          where: { id: existing.id, revision: input.revision },
          data: { ...text, sourceHash: hash, revision: { increment: 1 }, updatedById: input.actor.id, updatedAt: new Date() },
        });
        if (count === 0) return { ok: false, conflict: await savedText(tx, draft.id, input.locale, input.key) };
        revision = input.revision + 1;
      }
    }
    await recordAuthor(tx, tenantId, draft.id, input.actor.id);
    await recordAudit(tx, {
      tenantId,
      actor: auditActor(input.actor),
      action: input.locale === sourceLocale ? "measures.section.saved" : "measures.translation.saved",
      target: { type: "measures_version", id: draft.id },
      data: { number: draft.number, key: input.key, locale: input.locale, revision, ...(changeKind ? { changeKind } : {}) },
      meta: input.meta,
    });
    return { ok: true, revision, changeKind };
  });
}

/** Source-locale keys in document order. */
async function sourceOrder(tx: Tx, versionId: string, sourceLocale: string): Promise<Array<{ key: string; id: string; revision: number }>> {
  return tx.measuresSection.findMany({ where: { versionId, locale: sourceLocale }, orderBy: { position: "asc" }, select: { key: true, id: true, revision: true } });
}

/** Positions 0…n-1 and numbers 1…m (preamble and closing unnumbered) in every locale, from the source order. */
async function rewriteLayout(tx: Tx, versionId: string, keys: readonly string[]): Promise<void> {
  await tx.$executeRaw`UPDATE measures_sections SET position = position + ${POSITION_OFFSET} WHERE version_id = ${versionId}::uuid`;
  let number = 0;
  for (const [position, key] of keys.entries()) {
    const display = UNNUMBERED.has(key) ? null : String(++number);
    await tx.measuresSection.updateMany({ where: { versionId, key }, data: { position, number: display } });
  }
}

async function recordStructureChange(tx: Tx, input: DraftInput, draft: LockedDraft, action: string, data: Record<string, string | number>) {
  await recordAuthor(tx, input.tenant.id, draft.id, input.actor.id);
  await recordAudit(tx, { tenantId: input.tenant.id, actor: auditActor(input.actor), action, target: { type: "measures_version", id: draft.id }, data: { number: draft.number, ...data }, meta: input.meta });
}

/** A key from the title that neither this draft nor any earlier version uses (a removed section's key is not reused). */
async function freshKey(tx: Tx, documentId: string, title: string): Promise<string> {
  const base = sectionKey(title);
  const start = UNNUMBERED.has(base) ? withKeySuffix(base, "-section") : base;
  const taken = new Set(
    (await tx.measuresSection.findMany({ where: { version: { documentId }, key: { startsWith: start.slice(0, 40) } }, distinct: ["key"], select: { key: true } })).map((row) => row.key),
  );
  let key = start;
  for (let n = 2; taken.has(key); n++) key = withKeySuffix(start, `-${n}`);
  return key;
}

export async function addSection(input: DraftInput & { versionId: string; title: string; body: string; changeKind: ChangeKind }): Promise<{ key: string }> {
  const tenantId = input.tenant.id;
  return withTenant(tenantId, async (tx) => {
    const draft = await lockDraft(tx, tenantId, input.versionId);
    const { sourceLocale } = await tenantLocales(tx, tenantId);
    requireTitle("", input.title);
    const key = await freshKey(tx, draft.documentId, input.title);
    const order = (await sourceOrder(tx, draft.id, sourceLocale)).map((row) => row.key);
    // Before the closing paragraph, which stays last.
    const at = order.at(-1) === "closing" ? order.length - 1 : order.length;
    await tx.measuresSection.create({
      data: { tenantId, versionId: draft.id, key, locale: sourceLocale, position: POSITION_OFFSET * 2, number: null, title: input.title, body: input.body, changeKind: input.changeKind, updatedById: input.actor.id },
    });
    await rewriteLayout(tx, draft.id, [...order.slice(0, at), key, ...order.slice(at)]);
    await recordStructureChange(tx, input, draft, "measures.section.added", { key });
    return { key };
  });
}

/** Removes a section in every locale; refused (conflict) when its source text changed since the form was shown. */
export async function removeSection(input: DraftInput & { versionId: string; key: string; revision: number }): Promise<void> {
  const tenantId = input.tenant.id;
  await withTenant(tenantId, async (tx) => {
    const draft = await lockDraft(tx, tenantId, input.versionId);
    const { sourceLocale } = await tenantLocales(tx, tenantId);
    const order = await sourceOrder(tx, draft.id, sourceLocale);
    const target = order.find((row) => row.key === input.key);
    if (!target) throw new AppError("notFound", "no such section in this draft");
    if (target.revision !== input.revision) throw new AppError("conflict", "the section changed since it was shown", { reason: "sectionChanged" });
    await tx.measuresSection.deleteMany({ where: { versionId: draft.id, key: input.key } });
    await rewriteLayout(tx, draft.id, order.filter((row) => row.key !== input.key).map((row) => row.key));
    await recordStructureChange(tx, input, draft, "measures.section.removed", { key: input.key });
  });
}

export async function moveSection(input: DraftInput & { versionId: string; key: string; direction: "up" | "down" }): Promise<void> {
  const tenantId = input.tenant.id;
  await withTenant(tenantId, async (tx) => {
    const draft = await lockDraft(tx, tenantId, input.versionId);
    const { sourceLocale } = await tenantLocales(tx, tenantId);
    const keys = (await sourceOrder(tx, draft.id, sourceLocale)).map((row) => row.key);
    const from = keys.indexOf(input.key);
    if (from < 0) throw new AppError("notFound", "no such section in this draft");
    const to = input.direction === "up" ? from - 1 : from + 1;
    // Already first or last: nothing to do (the buttons are not offered there).
    if (to < 0 || to >= keys.length) return;
    [keys[from], keys[to]] = [keys[to]!, keys[from]!];
    await rewriteLayout(tx, draft.id, keys);
    await recordStructureChange(tx, input, draft, "measures.section.moved", { key: input.key, direction: input.direction, position: to });
  });
}
