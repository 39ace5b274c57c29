export const LOCALES = ["de", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "de";

/** The route segment meaning "the tenant's default locale" (no ?lang= in the public URL). */
export const TENANT_DEFAULT_SEGMENT = "_";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
