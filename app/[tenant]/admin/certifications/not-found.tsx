import { getTranslations } from "next-intl/server";
import { ConsoleNotFound } from "@/components/app/console-not-found";
import { appLocale } from "@/server/i18n/app-locale";

/** A certification id that is not (or no longer) in this tenant, another tenant's included. */
export default async function CertificationNotFound() {
  const t = await getTranslations({ locale: await appLocale(), namespace: "certifications" });
  return <ConsoleNotFound body={t("notice.notFound")} />;
}
