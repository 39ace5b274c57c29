import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "../i18n/locales";

// The signed-in area (/signin, /account, /{tenant}/admin) is rendered per request, so its locale
// may come from a cookie: ?lang= (a shareable link) wins and is remembered, then the remembered
// choice, then the browser's Accept-Language, then German.
export const LOCALE_COOKIE = "vouchsafe.lang";
export const LOCALE_HEADER = "x-vouchsafe-locale";

export function negotiateAppLocale(input: { query: string | null; cookie: string | undefined; acceptLanguage: string | null }): Locale {
  if (isLocale(input.query)) return input.query;
  if (isLocale(input.cookie)) return input.cookie;
  for (const part of (input.acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase().slice(0, 2);
    const match = LOCALES.find((locale) => locale === tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

/** Paths of the signed-in area (dynamic, may set cookies), as opposed to the cached public pages. */
export function isAppPath(pathname: string): boolean {
  const [first, second] = pathname.split("/").filter(Boolean);
  if (!first) return false;
  return APP_ROOTS.has(first) || (second !== undefined && TENANT_APP_SECTIONS.has(second));
}

/** A tenant's pages that read the session: its console and a customer's attestation requests. */
export const TENANT_APP_SECTIONS = new Set(["admin", "attestations"]);

const APP_ROOTS = new Set(["signin", "signout", "account", "mailbox", "invitations", "new"]);
