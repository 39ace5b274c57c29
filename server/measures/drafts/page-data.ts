import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { computeRedline, type RedlineSection, type SectionStatus } from "@/lib/redline";
import type { TenantAccess } from "../../auth/guard";
import { loadDraftCompleteness, type DraftCompleteness } from "./completeness";
import { loadDraftForEditor, sectionsIn, type DraftForEditor } from "./queries";

// What the draft's pages load, with "not found" (another tenant's id, a published or deleted
// version) answered as the 404 page.

export interface DraftPageData {
  draft: DraftForEditor;
  completeness: DraftCompleteness;
  /** Section status against the base version, in the source locale. */
  statuses: Map<string, SectionStatus>;
}

export async function loadDraftPage(access: TenantAccess, versionId: string): Promise<DraftPageData> {
  let draft: DraftForEditor;
  let completeness: DraftCompleteness;
  try {
    [draft, completeness] = await Promise.all([loadDraftForEditor(access.tenant.id, versionId), loadDraftCompleteness(access.tenant.id, versionId)]);
  } catch (error) {
    if (isAppError(error) && error.code === "notFound") notFound();
    throw error;
  }
  const source = draft.locales.sourceLocale;
  const redline = computeRedline(redlineSections(draft.base?.sections ?? [], source), redlineSections(draft.sections, source));
  return { draft, completeness, statuses: new Map(redline.sections.map((section) => [section.key, section.status])) };
}

export function redlineSections(sections: ReadonlyArray<{ key: string; locale: string; number: string | null; title: string; body: string; position?: number }>, locale: Locale): RedlineSection[] {
  const inLocale = sections.filter((s) => s.locale === locale);
  const ordered = inLocale.every((s) => s.position !== undefined) ? sectionsIn(inLocale as Array<(typeof inLocale)[number] & { position: number }>, locale) : inLocale;
  return ordered.map(({ key, number, title, body }) => ({ key, number, title, body }));
}
