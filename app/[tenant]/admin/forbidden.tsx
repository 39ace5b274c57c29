import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { appLocale } from "@/server/i18n/app-locale";

export default async function ConsoleForbidden() {
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "errors" });
  return (
    <main id="content" className="mx-auto max-w-xl px-4 py-16" data-testid="forbidden">
      <h1 className="text-2xl font-semibold">{t("forbidden.title")}</h1>
      <p className="mt-2 text-slate-700">{t("forbidden.body")}</p>
      <p className="mt-6">
        <Link href="/account">{t("forbidden.account")}</Link>
      </p>
    </main>
  );
}
