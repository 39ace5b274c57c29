import "server-only";
import { cache } from "react";
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

/**
 * For pages and their metadata: the route's tenant (null when the slug names none) and locale,
 * registered with next-intl. Never throws: a page answers an unknown tenant with <NotFoundPage />.
 */
export async function trustCenterRoute(params: Promise<TrustCenterParams>): Promise<Omit<TrustCenterContext, "tenant"> & { tenant: PublicTenant | null }> {
  const { tenant: slug, lang } = await params;
  const tenant = await findTenant(slug);
  const locale = resolveLocale(lang, tenant);
  setRequestLocale(locale);
  return { tenant, locale, lang };
}

/** For pages: the tenant and locale, or null when the slug names no tenant (render <NotFoundPage />). */
export async function trustCenterContext(params: Promise<TrustCenterParams>): Promise<TrustCenterContext | null> {
  const route = await trustCenterRoute(params);
  return route.tenant ? { ...route, tenant: route.tenant } : null;
}
