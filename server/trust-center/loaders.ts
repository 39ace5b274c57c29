import "server-only";
import { getDb, withTenant } from "@/server/db";
import { asLocalizedText, type LocalizedText } from "@/lib/i18n/localized";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import type { PublicCertification, PublicSection, PublicVersion } from "@/lib/trust-center/types";

// Public, read-only loaders behind the trust-center pages (cached by queries.ts). They return
// plain JSON (dates as ISO strings) because Next's data cache serialises results.

export interface PublicTenant {
  id: string;
  slug: string;
  name: string;
  description: LocalizedText;
  defaultLocale: Locale;
  locales: Locale[];
  timeZone: string;
  brandColor: string;
  logoSvg: string | null;
}

const MEASURES_DOCUMENT = "measures";

export async function loadPublicTenant(slug: string): Promise<PublicTenant | null> {
  const db = await getDb();
  const tenant = await db.tenant.findUnique({ where: { slug } });
  if (!tenant) return null;
  const locales: Locale[] = tenant.locales.filter(isLocale);
  return {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    description: asLocalizedText(tenant.description),
    defaultLocale: isLocale(tenant.defaultLocale) ? tenant.defaultLocale : "de",
    locales: locales.length > 0 ? locales : ["de"],
    timeZone: tenant.timeZone,
    brandColor: tenant.brandColor,
    logoSvg: tenant.logoSvg,
  };
}

/** Every published version of the tenant's measures, newest first (scheduled ones included). */
export function loadPublishedVersions(tenantId: string): Promise<PublicVersion[]> {
  return withTenant(tenantId, async (tx) => {
    const rows = await tx.measuresVersion.findMany({
      where: { status: "PUBLISHED", document: { key: MEASURES_DOCUMENT } },
      orderBy: { number: "desc" },
      select: { number: true, title: true, changeSummary: true, changeKind: true, effectiveAt: true, publishedAt: true },
    });
    return rows.map((row) => ({
      number: row.number,
      title: asLocalizedText(row.title),
      changeSummary: asLocalizedText(row.changeSummary),
      changeKind: row.changeKind,
      // Both are set for every published row (database CHECK constraint).
      effectiveAt: row.effectiveAt!.toISOString(),
      publishedAt: row.publishedAt!.toISOString(),
    }));
  });
}

/** The sections of one published version in every locale, in document order. */
export function loadVersionSections(tenantId: string, number: number): Promise<PublicSection[]> {
  return withTenant(tenantId, (tx) =>
    tx.measuresSection.findMany({
      where: { version: { number, status: "PUBLISHED", document: { key: MEASURES_DOCUMENT } } },
      orderBy: [{ locale: "asc" }, { position: "asc" }],
      select: { key: true, locale: true, position: true, number: true, title: true, body: true },
    }),
  );
}

export function loadCertifications(tenantId: string): Promise<PublicCertification[]> {
  return withTenant(tenantId, async (tx) => {
    const rows = await tx.certification.findMany({ orderBy: [{ position: "asc" }, { issuedAt: "asc" }] });
    return rows.map((row) => ({
      id: row.id,
      framework: row.framework,
      label: row.label,
      certifier: row.certifier,
      scope: asLocalizedText(row.scope),
      summary: asLocalizedText(row.summary),
      certificateNumber: row.certificateNumber,
      issuedAt: row.issuedAt.toISOString().slice(0, 10),
      validUntil: row.validUntil.toISOString().slice(0, 10),
      suspended: row.suspended,
      withdrawn: row.withdrawn,
    }));
  });
}
