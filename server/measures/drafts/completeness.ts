import "server-only";
import { AppError } from "@/lib/errors";
import { asLocalizedText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/locales";
import { withTenant, type Tx } from "../../db/client";
import { assertVersionId, tenantLocales } from "./context";
import { sourceHash } from "./source-hash";

// Per locale: which sections of a draft have no translation, and which translations were last
// edited against a source text that has changed since (outdated). The publishing workflow refuses
// submit/publish with this when the tenant requires every enabled locale (Tenant.requireAllLocales);
// the editor shows it.

export interface SectionRef {
  key: string;
  number: string | null;
  title: string;
}

export interface LocaleCompleteness {
  locale: Locale;
  source: boolean;
  /** Sections without a translation (or with an empty one). Always empty for the source locale. */
  missing: SectionRef[];
  /** Translations whose source changed after they were last saved. Always empty for the source locale. */
  outdated: SectionRef[];
  /** No change summary in this locale (advice; not part of `complete`). */
  summaryMissing: boolean;
  complete: boolean;
}

export interface DraftCompleteness {
  sourceLocale: Locale;
  /** The tenant's setting: publication needs every enabled locale complete. */
  requireAllLocales: boolean;
  locales: LocaleCompleteness[];
  /** Every enabled locale has every section, none outdated. */
  complete: boolean;
  /** What the publishing workflow checks: complete, or the tenant does not require it. */
  publishable: boolean;
}

/** Within the caller's tenant transaction (e.g. the publishing helper's submit). */
export async function draftCompleteness(tx: Tx, tenantId: string, versionId: string): Promise<DraftCompleteness> {
  assertVersionId(versionId);
  const version = await tx.measuresVersion.findFirst({ where: { id: versionId, tenantId }, select: { changeSummary: true } });
  if (!version) throw new AppError("notFound", "no such version in this tenant");
  const { sourceLocale, locales, requireAllLocales } = await tenantLocales(tx, tenantId);
  const sections = await tx.measuresSection.findMany({ where: { versionId }, orderBy: { position: "asc" }, select: { key: true, locale: true, number: true, title: true, body: true, sourceHash: true } });
  const summary = asLocalizedText(version.changeSummary);
  const sources = sections.filter((section) => section.locale === sourceLocale);
  const result = locales.map((locale): LocaleCompleteness => {
    const missing: SectionRef[] = [];
    const outdated: SectionRef[] = [];
    if (locale !== sourceLocale) {
      const translations = new Map(sections.filter((section) => section.locale === locale).map((section) => [section.key, section]));
      for (const source of sources) {
        const ref = { key: source.key, number: source.number, title: source.title };
        const translation = translations.get(source.key);
        const numbered = source.number !== null;
        if (!translation || translation.body.trim() === "" || (numbered && translation.title.trim() === "")) missing.push(ref);
        else if (translation.sourceHash !== sourceHash(source.title, source.body)) outdated.push(ref);
      }
    }
    return { locale, source: locale === sourceLocale, missing, outdated, summaryMissing: !summary[locale]?.trim(), complete: missing.length === 0 && outdated.length === 0 };
  });
  const complete = result.every((locale) => locale.complete);
  return { sourceLocale, requireAllLocales, locales: result, complete, publishable: complete || !requireAllLocales };
}

export function loadDraftCompleteness(tenantId: string, versionId: string): Promise<DraftCompleteness> {
  return withTenant(tenantId, (tx) => draftCompleteness(tx, tenantId, versionId));
}
