import type { Locale } from "./locales";

/** Text stored per locale, e.g. { "de": "…", "en": "…" }. */
export type LocalizedText = Partial<Record<Locale, string>>;

export interface Picked {
  value: string;
  /** The locale the value is actually in. */
  locale: Locale;
  /** True when the requested locale was missing and another one is shown instead. */
  fallback: boolean;
}

/** The text in the requested locale, else the fallback locale, else any locale that has one. */
export function pickLocalized(text: LocalizedText, locale: Locale, fallbackLocale: Locale): Picked | null {
  for (const candidate of [locale, fallbackLocale, ...(Object.keys(text) as Locale[])]) {
    const value = text[candidate];
    if (value) return { value, locale: candidate, fallback: candidate !== locale };
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
