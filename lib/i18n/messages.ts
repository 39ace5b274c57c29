import deAccount from "@/messages/de/account.json";
import deAudit from "@/messages/de/audit.json";
import deAuth from "@/messages/de/auth.json";
import deCommon from "@/messages/de/common.json";
import deConsole from "@/messages/de/console.json";
import deErrors from "@/messages/de/errors.json";
import deImport from "@/messages/de/import.json";
import deMail from "@/messages/de/mail.json";
import deMeasures from "@/messages/de/measures.json";
import deMembers from "@/messages/de/members.json";
import deSettings from "@/messages/de/settings.json";
import deSso from "@/messages/de/sso.json";
import enAccount from "@/messages/en/account.json";
import enAudit from "@/messages/en/audit.json";
import enAuth from "@/messages/en/auth.json";
import enCommon from "@/messages/en/common.json";
import enConsole from "@/messages/en/console.json";
import enErrors from "@/messages/en/errors.json";
import enImport from "@/messages/en/import.json";
import enMail from "@/messages/en/mail.json";
import enMeasures from "@/messages/en/measures.json";
import enMembers from "@/messages/en/members.json";
import enSettings from "@/messages/en/settings.json";
import enSso from "@/messages/en/sso.json";
import type { Locale } from "./locales";

// One catalog file per feature and locale; each file is a namespace (t = getTranslations("measures")).
const catalogs = {
  de: { common: deCommon, measures: deMeasures, import: deImport, auth: deAuth, account: deAccount, console: deConsole, errors: deErrors, audit: deAudit, members: deMembers, sso: deSso, settings: deSettings, mail: deMail },
  en: { common: enCommon, measures: enMeasures, import: enImport, auth: enAuth, account: enAccount, console: enConsole, errors: enErrors, audit: enAudit, members: enMembers, sso: enSso, settings: enSettings, mail: enMail },
} satisfies Record<Locale, Record<string, Record<string, unknown>>>;

export type Messages = (typeof catalogs)["de"];

export function loadMessages(locale: Locale): Messages {
  return catalogs[locale];
}
