import "server-only";
import { headers } from "next/headers";
import { setRequestLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { LOCALE_HEADER } from "@/lib/routing/app-locale";

/** The locale proxy.ts negotiated for this request of the signed-in area; also tells next-intl. */
export async function appLocale(): Promise<Locale> {
  const value = (await headers()).get(LOCALE_HEADER);
  const locale = isLocale(value) ? value : DEFAULT_LOCALE;
  setRequestLocale(locale);
  return locale;
}
