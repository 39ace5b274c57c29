import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { isTenantSlug } from "@/lib/tenants/slug";
import { getPublicTenant, type PublicTenant } from "./queries";

export interface TrustCenterParams {
  tenant: string;
  lang: string;
}

/** The tenant of a public route, or null when the slug names none. Cached per request. */
export const findTenant = cache(async (slug: string): Promise<PublicTenant | null> => {
  return isTenantSlug(slug) ? getPublicTenant(slug) : null;
});

/** An explicit ?lang= wins; otherwise the tenant's default locale. */
export function resolveLocale(lang: string, tenant: PublicTenant | null): Locale {
  if (isLocale(lang)) return lang;
  return tenant?.defaultLocale ?? DEFAULT_LOCALE;
}

export interface TrustCenterContext {
  tenant: PublicTenant;
  locale: Locale;
  /** The route's locale segment, kept in links ("_" = tenant default). */
  lang: string;
}

/** For pages: the tenant (or a localized 404) and the locale, registered with next-intl. */
export async function trustCenterContext(params: Promise<TrustCenterParams>): Promise<TrustCenterContext> {
  const { tenant: slug, lang } = await params;
  const tenant = await findTenant(slug);
  const locale = resolveLocale(lang, tenant);
  setRequestLocale(locale);
  if (!tenant) notFound();
  return { tenant, locale, lang };
}
