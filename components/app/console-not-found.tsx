import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { appLocale } from "@/server/i18n/app-locale";
import { AppShell } from "./app-shell";

/** The console's answer for an id that is not (or no longer) in this tenant; `body` replaces the generic sentence. */
export async function ConsoleNotFound({ body }: { body?: string }) {
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    // The route's parameters are not known here; the language links lead to the account page.
    <AppShell locale={locale} path="/account" width="narrow">
      <div data-testid="not-found">
        <h1 className="text-2xl font-semibold tracking-tight">{t("notFound.title")}</h1>
        <p className="mt-2 text-slate-700">{body ?? t("notFound.body")}</p>
        <p className="mt-6">
          <Link href="/account">{t("notFound.home")}</Link>
        </p>
      </div>
    </AppShell>
  );
}
