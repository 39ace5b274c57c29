import deCommon from "@/messages/de/common.json";
import deImport from "@/messages/de/import.json";
import deMeasures from "@/messages/de/measures.json";
import enCommon from "@/messages/en/common.json";
import enImport from "@/messages/en/import.json";
import enMeasures from "@/messages/en/measures.json";
import type { Locale } from "./locales";

// One catalog file per feature and locale; each file is a namespace (t = getTranslations("measures")).
const catalogs = {
  de: { common: deCommon, measures: deMeasures, import: deImport },
  en: { common: enCommon, measures: enMeasures, import: enImport },
} satisfies Record<Locale, Record<string, Record<string, unknown>>>;

export type Messages = (typeof catalogs)["de"];

export function loadMessages(locale: Locale): Messages {
  return catalogs[locale];
}
