import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/app/app-shell";
import { appLocale } from "@/server/i18n/app-locale";

/** A certification id that is not (or no longer) in this tenant, another tenant's included. */
export default async function CertificationNotFound() {
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "common" });
  const tc = await getTranslations({ locale, namespace: "certifications" });
  return (
    // The route's parameters are not known here; the language links lead to the account page.
    <AppShell locale={locale} path="/account" width="narrow">
      <div data-testid="not-found">
        <h1 className="text-2xl font-semibold tracking-tight">{t("notFound.title")}</h1>
        <p className="mt-2 text-slate-700">{tc("notice.notFound")}</p>
        <p className="mt-6">
          <Link href="/account">{t("notFound.home")}</Link>
        </p>
      </div>
    </AppShell>
  );
}
