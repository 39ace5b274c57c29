import "server-only";
import { AppError } from "@/lib/errors";
import { asLocalizedText, type LocalizedText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/locales";
import { withTenant, type Tx } from "../../db/client";
import { assertVersionId, MEASURES_DOCUMENT, tenantLocales, type TenantLocales } from "./context";

// What the editor pages read. Every query runs in the tenant's context (row-level security), and
// a version id of another tenant is "not found".

export type VersionStatus = "DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED";
export const OPEN_STATUSES = ["DRAFT", "IN_REVIEW"] as const satisfies readonly VersionStatus[];

export interface VersionListItem {
  id: string;
  number: number;
  status: VersionStatus;
  changeKind: "EDITORIAL" | "MATERIAL";
  createdAt: Date;
  effectiveAt: Date | null;
  publishedAt: Date | null;
}

export interface EditorSection {
  id: string;
  key: string;
  locale: string;
  position: number;
  number: string | null;
  title: string;
  body: string;
  changeKind: "EDITORIAL" | "MATERIAL" | null;
  revision: number;
  sourceHash: string | null;
  updatedAt: Date;
  updatedById: string | null;
}

export interface BaseSection {
  key: string;
  locale: string;
  number: string | null;
  title: string;
  body: string;
}

export interface DraftForEditor {
  id: string;
  number: number;
  status: VersionStatus;
  revision: number;
  title: LocalizedText;
  changeSummary: LocalizedText;
  createdAt: Date;
  sections: EditorSection[];
  /** The newest published version the draft is compared with; null for a first version. */
  base: { number: number; sections: BaseSection[] } | null;
  locales: TenantLocales;
  authors: Array<{ id: string; email: string; name: string | null }>;
}

/** The newest published version (a scheduled one included: a draft must build on it, not revert it). */
export async function newestPublished(tx: Tx, documentId: string) {
  return tx.measuresVersion.findFirst({ where: { documentId, status: "PUBLISHED" }, orderBy: { number: "desc" }, select: { id: true, number: true, title: true } });
}

export async function listMeasuresVersions(tenantId: string): Promise<{ versions: VersionListItem[]; openDraft: VersionListItem | null; base: { number: number } | null; requireAllLocales: boolean; sourceLocale: Locale }> {
  return withTenant(tenantId, async (tx) => {
    const { requireAllLocales, sourceLocale } = await tenantLocales(tx, tenantId);
    const document = await tx.measuresDocument.findUnique({ where: { tenantId_key: { tenantId, key: MEASURES_DOCUMENT } }, select: { id: true } });
    if (!document) return { versions: [], openDraft: null, base: null, requireAllLocales, sourceLocale };
    const versions = await tx.measuresVersion.findMany({
      where: { documentId: document.id },
      orderBy: { number: "desc" },
      select: { id: true, number: true, status: true, changeKind: true, createdAt: true, effectiveAt: true, publishedAt: true },
    });
    const openDraft = versions.find((version) => (OPEN_STATUSES as readonly string[]).includes(version.status)) ?? null;
    const published = versions.find((version) => version.status === "PUBLISHED");
    return { versions, openDraft, base: published ? { number: published.number } : null, requireAllLocales, sourceLocale };
  });
}

export async function loadDraftForEditor(tenantId: string, versionId: string): Promise<DraftForEditor> {
  assertVersionId(versionId);
  return withTenant(tenantId, async (tx) => {
    const version = await tx.measuresVersion.findFirst({
      where: { id: versionId, tenantId },
      select: { id: true, number: true, status: true, revision: true, title: true, changeSummary: true, createdAt: true, documentId: true },
    });
    // A published version is shown on the public pages, not in the editor.
    if (!version || version.status === "PUBLISHED") throw new AppError("notFound", "no such draft in this tenant");
    const [sections, base, locales, authors] = await Promise.all([
      tx.measuresSection.findMany({
        where: { versionId },
        orderBy: [{ locale: "asc" }, { position: "asc" }],
        select: { id: true, key: true, locale: true, position: true, number: true, title: true, body: true, changeKind: true, revision: true, sourceHash: true, updatedAt: true, updatedById: true },
      }),
      tx.measuresVersion.findFirst({
        where: { documentId: version.documentId, status: "PUBLISHED", number: { lt: version.number } },
        orderBy: { number: "desc" },
        select: { number: true, sections: { orderBy: [{ locale: "asc" }, { position: "asc" }], select: { key: true, locale: true, number: true, title: true, body: true } } },
      }),
      tenantLocales(tx, tenantId),
      tx.measuresVersionAuthor.findMany({ where: { versionId }, orderBy: { firstAt: "asc" }, select: { userId: true } }),
    ]);
    const users = await tx.user.findMany({ where: { id: { in: authors.map((author) => author.userId) } }, select: { id: true, email: true, name: true } });
    return {
      id: version.id,
      number: version.number,
      status: version.status,
      revision: version.revision,
      title: asLocalizedText(version.title),
      changeSummary: asLocalizedText(version.changeSummary),
      createdAt: version.createdAt,
      sections,
      base: base ? { number: base.number, sections: base.sections } : null,
      locales,
      authors: authors.flatMap((author) => users.filter((user) => user.id === author.userId)),
    };
  });
}

/** The sections of one locale, in document order. */
export function sectionsIn<T extends { locale: string; position: number }>(sections: readonly T[], locale: Locale | string): T[] {
  return sections.filter((section) => section.locale === locale).sort((a, b) => a.position - b.position);
}
