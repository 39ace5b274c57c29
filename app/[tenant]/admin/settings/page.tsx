import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { CustomDomainSection } from "@/components/settings/custom-domain-section";
import { SsoSettingsSection } from "@/components/sso/sso-settings-section";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";

export const metadata: Metadata = { title: "Settings" };

// The tenant's settings, one section per topic (single sign-on, then the custom domain).
export default async function SettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const path = `/${slug}/admin/settings`;
  const access = await guardConsolePage(slug, "settings.view", path);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "console" });
  return (
    <ConsoleShell access={access} locale={locale} active="settings" path={path}>
      <h1 className="text-2xl font-semibold tracking-tight">{t("nav.settings")}</h1>
      <div className="mt-6 space-y-8">
        <SsoSettingsSection access={access} locale={locale} />
        <CustomDomainSection access={access} locale={locale} />
      </div>
    </ConsoleShell>
  );
}
