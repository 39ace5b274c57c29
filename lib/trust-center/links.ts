import { TENANT_DEFAULT_SEGMENT } from "../i18n/locales";

/**
 * A public trust-center URL. `lang` is the route's locale segment: the tenant's default ("_")
 * adds no ?lang=, an explicit choice is kept so that a shared link shows the same language.
 */
export function trustCenterHref(slug: string, path: string, lang: string, query: Record<string, string | number> = {}): string {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  if (lang !== TENANT_DEFAULT_SEGMENT) params.set("lang", lang);
  const search = params.toString();
  return `/${slug}${path}${search ? `?${search}` : ""}`;
}
