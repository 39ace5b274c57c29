import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/app/app-shell";
import { CodeLookup } from "@/components/verify/code-lookup";
import { appLocale } from "@/server/i18n/app-locale";

// The one answer for a code that matches no letter, malformed or not: same words, same status (404).
export default async function VerifyNotFound() {
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "letters" });
  return (
    <AppShell locale={locale} path="/verify">
      <div className="mx-auto max-w-xl space-y-4" data-testid="verify-not-found">
        <h1 className="text-2xl font-semibold tracking-tight">{t("verify.notFound.title")}</h1>
        <p className="text-slate-700">{t("verify.notFound.text")}</p>
        <h2 className="pt-2 text-lg font-semibold">{t("verify.notFound.retry")}</h2>
        <CodeLookup locale={locale} />
      </div>
    </AppShell>
  );
}
