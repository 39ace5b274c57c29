import type { Locale } from "../i18n/locales";
import type { PublicSection, PublicVersion } from "./types";

/**
 * The current version is the newest published one whose effective date has passed; published
 * versions that take effect later are "upcoming". Derived from the versions, never stored.
 */
export function versionTimeline(versions: PublicVersion[], now: Date) {
  const byNumberDesc = [...versions].sort((a, b) => b.number - a.number);
  const current = byNumberDesc.find((v) => new Date(v.effectiveAt) <= now) ?? null;
  const upcoming = byNumberDesc.filter((v) => new Date(v.effectiveAt) > now && (!current || v.number > current.number)).reverse();
  return { current, upcoming };
}

/** The published version right before `number`, if any. */
export function previousVersion(versions: PublicVersion[], number: number): PublicVersion | null {
  return versions.filter((v) => v.number < number).sort((a, b) => b.number - a.number)[0] ?? null;
}

/** The published version right after `number`, if any. */
export function nextVersion(versions: PublicVersion[], number: number): PublicVersion | null {
  return versions.filter((v) => v.number > number).sort((a, b) => a.number - b.number)[0] ?? null;
}

export interface LocalizedSections {
  sections: PublicSection[];
  locale: Locale;
  fallback: boolean;
}

/** The sections in the requested locale; the fallback locale's (visibly marked) when it has none. */
export function sectionsInLocale(all: PublicSection[], locale: Locale, fallbackLocale: Locale): LocalizedSections | null {
  for (const candidate of [locale, fallbackLocale] as const) {
    const sections = all.filter((s) => s.locale === candidate).sort((a, b) => a.position - b.position);
    if (sections.length > 0) return { sections, locale: candidate, fallback: candidate !== locale };
  }
  return null;
}

/** A route parameter that must be a published version number: a positive integer without sign or leading zero. */
export function parseVersionNumber(raw: string | null | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,5}$/.test(raw)) return null;
  return Number(raw);
}

export type CompareProblem = "missing" | "invalid" | "unknown" | "same";

export type CompareSelection =
  | { ok: true; from: PublicVersion; to: PublicVersion }
  | { ok: false; problem: CompareProblem; from: number | null; to: number | null };

/** Validates ?from=&to= against the published versions. Any order is allowed (a reversed redline). */
export function selectComparison(rawFrom: string | null, rawTo: string | null, versions: PublicVersion[]): CompareSelection {
  const from = parseVersionNumber(rawFrom);
  const to = parseVersionNumber(rawTo);
  if (!rawFrom || !rawTo) return { ok: false, problem: "missing", from, to };
  if (from === null || to === null) return { ok: false, problem: "invalid", from, to };
  const fromVersion = versions.find((v) => v.number === from);
  const toVersion = versions.find((v) => v.number === to);
  if (!fromVersion || !toVersion) return { ok: false, problem: "unknown", from, to };
  if (from === to) return { ok: false, problem: "same", from, to };
  return { ok: true, from: fromVersion, to: toVersion };
}
