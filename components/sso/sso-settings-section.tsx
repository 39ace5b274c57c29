import { getTranslations } from "next-intl/server";
import { ssoSettingsAction } from "@/app/[tenant]/admin/settings/actions";
import { hasPermission } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { Badge } from "@/components/ui/badge";
import type { TenantAccess } from "@/server/auth/guard";
import { ssoProviderId } from "@/server/auth/oidc-providers";
import { env } from "@/server/env";
import { loadSsoSettings } from "@/server/tenants/sso-settings";
import { SsoSettingsForm } from "./sso-settings-form";

/** Settings page section: the tenant's customer single sign-on (OIDC provider). */
export async function SsoSettingsSection({ access, locale }: { access: TenantAccess; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "sso" });
  const settings = await loadSsoSettings(access.tenant.id);
  const { APP_ORIGIN, APP_ENV } = env();
  const redirectUri = `${APP_ORIGIN}/api/auth/callback/${ssoProviderId(access.tenant.slug)}`;
  const signInPath = `/signin?tenant=${access.tenant.slug}`;
  return (
    <section aria-labelledby="sso-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="sso-settings">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="sso-heading" className="text-lg font-semibold tracking-tight">
          {t("settings.title")}
        </h2>
        <Badge tone={settings.enabled ? "green" : "neutral"}>
          <span className="sr-only">{t("settings.statusLabel")}: </span>
          <span data-testid="sso-status">{settings.enabled ? t("settings.enabled") : t("settings.disabled")}</span>
        </Badge>
      </div>
      <p className="mt-2 max-w-prose text-slate-700">{t("settings.intro")}</p>
      <div className="mt-4 space-y-1 text-sm text-slate-700">
        <p>{t("settings.redirectUri")}</p>
        <code className="block break-all rounded-md bg-slate-100 px-3 py-2 font-mono text-slate-900" data-testid="sso-redirect-uri">
          {redirectUri}
        </code>
        {settings.enabled ? (
          <p className="pt-2">
            <a href={signInPath} className="font-medium text-slate-900">
              {t("settings.signInLink")}
            </a>
          </p>
        ) : null}
      </div>
      <SsoSettingsForm
        action={ssoSettingsAction.bind(null, access.tenant.slug)}
        canUpdate={hasPermission(access.roles, "settings.update")}
        settings={{ issuer: settings.issuer ?? "", clientId: settings.clientId ?? "", emailDomains: settings.emailDomains.join("\n"), secretSet: settings.secretSet, enabled: settings.enabled }}
        labels={{
          issuer: t("settings.issuer"),
          issuerHint: APP_ENV === "production" ? t("settings.issuerHint") : t("settings.issuerHintLocal"),
          clientId: t("settings.clientId"),
          clientSecret: t("settings.clientSecret"),
          secretSet: t("settings.secretSet"),
          secretNotSet: t("settings.secretNotSet"),
          emailDomains: t("settings.emailDomains"),
          emailDomainsHint: t("settings.emailDomainsHint"),
          save: t("settings.save"),
          saving: t("settings.saving"),
          disable: t("settings.disable"),
          disableHint: t("settings.disableHint"),
          readOnly: t("settings.readOnly"),
        }}
      />
    </section>
  );
}
