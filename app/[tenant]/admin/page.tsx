import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";

export const metadata: Metadata = { title: "Overview" };

export default async function ConsoleHome({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const access = await guardConsolePage(slug, "console.view", `/${slug}/admin`);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "console" });
  return (
    <ConsoleShell access={access} locale={locale} active="overview" path={`/${slug}/admin`}>
      <h1 className="text-2xl font-semibold tracking-tight">{t("home.title", { tenant: access.tenant.name })}</h1>
      <p className="mt-2 text-slate-700" data-testid="console-roles">
        {t("home.roles", { roles: access.roles.map((role) => t(`roles.${role}`)).join(", ") })}
      </p>
    </ConsoleShell>
  );
}
