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
import deEditor from "@/messages/de/editor.json";
import dePublishing from "@/messages/de/publishing.json";
import deSubscriptions from "@/messages/de/subscriptions.json";
import deWebhooks from "@/messages/de/webhooks.json";
import deCertifications from "@/messages/de/certifications.json";
import deNda from "@/messages/de/nda.json";
import deAttestations from "@/messages/de/attestations.json";
import deLetters from "@/messages/de/letters.json";
import enEditor from "@/messages/en/editor.json";
import enPublishing from "@/messages/en/publishing.json";
import enSubscriptions from "@/messages/en/subscriptions.json";
import enWebhooks from "@/messages/en/webhooks.json";
import enCertifications from "@/messages/en/certifications.json";
import enNda from "@/messages/en/nda.json";
import enAttestations from "@/messages/en/attestations.json";
import enLetters from "@/messages/en/letters.json";
import type { Locale } from "./locales";

// One catalog file per feature and locale; each file is a namespace (t = getTranslations("measures")).
const catalogs = {
  de: { common: deCommon, measures: deMeasures, import: deImport, auth: deAuth, account: deAccount, console: deConsole, errors: deErrors, audit: deAudit, members: deMembers, sso: deSso, settings: deSettings, mail: deMail, editor: deEditor, publishing: dePublishing, subscriptions: deSubscriptions, webhooks: deWebhooks, certifications: deCertifications, nda: deNda, attestations: deAttestations, letters: deLetters },
  en: { common: enCommon, measures: enMeasures, import: enImport, auth: enAuth, account: enAccount, console: enConsole, errors: enErrors, audit: enAudit, members: enMembers, sso: enSso, settings: enSettings, mail: enMail, editor: enEditor, publishing: enPublishing, subscriptions: enSubscriptions, webhooks: enWebhooks, certifications: enCertifications, nda: enNda, attestations: enAttestations, letters: enLetters },
} satisfies Record<Locale, Record<string, Record<string, unknown>>>;

export type Messages = (typeof catalogs)["de"];

export function loadMessages(locale: Locale): Messages {
  return catalogs[locale];
}
