import type { Locale } from "./locales";

/** Text stored per locale, e.g. { "de": "…", "en": "…" }. */
export type LocalizedText = Partial<Record<Locale, string>>;

export interface Picked<T> {
  value: T;
  /** The locale the value is actually in. */
  locale: Locale;
  /** True when the requested locale was missing and another one is shown instead. */
  fallback: boolean;
}

/** Picks the requested locale, else the fallback locale, else any locale that has content. */
export function pickLocalized<T>(
  byLocale: Partial<Record<Locale, T>>,
  locale: Locale,
  fallbackLocale: Locale,
  isPresent: (value: T) => boolean = (v) => v !== undefined && v !== null && v !== "",
): Picked<T> | null {
  const order = [locale, fallbackLocale, ...(Object.keys(byLocale) as Locale[])];
  for (const candidate of order) {
    const value = byLocale[candidate];
    if (value !== undefined && isPresent(value)) return { value, locale: candidate, fallback: candidate !== locale };
  }
  return null;
}

export function asLocalizedText(json: unknown): LocalizedText {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  const result: LocalizedText = {};
  for (const [key, value] of Object.entries(json)) {
    if ((key === "de" || key === "en") && typeof value === "string") result[key] = value;
  }
  return result;
}
