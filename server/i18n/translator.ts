// use-intl/core (what next-intl re-exports) has no React: the standalone worker (`npm run worker`, React
// Server conditions outside Next) loads it too, where next-intl's entry would pull in client hooks.
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/locales";
import { loadMessages, type Messages } from "@/lib/i18n/messages";

/** Translations outside a rendered page (emails, CSV headers, server functions). */
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: loadMessages(locale), namespace });
}
