import { getTranslations } from "next-intl/server";
import { addSsoDomainAction, ssoDomainAction, ssoSettingsAction } from "@/app/[tenant]/admin/settings/actions";
import { hasPermission } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import { Badge } from "@/components/ui/badge";
import type { TenantAccess } from "@/server/auth/guard";
import { ssoProviderId } from "@/server/auth/oidc-providers";
import { env } from "@/server/env";
import { listSsoDomains, type SsoDomainView } from "@/server/tenants/sso-domains";
import { loadSsoSettings } from "@/server/tenants/sso-settings";
import { SsoDomainList, type SsoDomainItem } from "./sso-domain-list";
import { SsoSettingsForm } from "./sso-settings-form";

const STATUS_TONE = { on: "green", awaitingDomain: "amber", off: "neutral" } as const;

/** Settings page section: the tenant's customer single sign-on (OIDC provider and its email domains). */
export async function SsoSettingsSection({ access, locale }: { access: TenantAccess; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "sso" });
  const [settings, domains] = await Promise.all([loadSsoSettings(access.tenant.id), listSsoDomains(access.tenant.id)]);
  const { APP_ORIGIN, APP_ENV } = env();
  const redirectUri = `${APP_ORIGIN}/api/auth/callback/${ssoProviderId(access.tenant.slug)}`;
  const signInPath = `/signin?tenant=${access.tenant.slug}`;
  const canUpdate = hasPermission(access.roles, "settings.update");
  const item = (domain: SsoDomainView): SsoDomainItem => {
    const state = domain.status === "VERIFIED" ? "verified" : domain.lastFailure ? "failed" : "unverified";
    const date = (value: Date) => formatDateTime(value, locale, settings.timeZone);
    return {
      id: domain.id,
      domain: domain.domain,
      state,
      stateLabel: t(`settings.domains.status.${state}`),
      recordName: domain.recordName,
      recordValue: domain.recordValue,
      checked: domain.verifiedAt
        ? t("settings.domains.verifiedAt", { date: date(domain.verifiedAt) })
        : domain.lastCheckedAt
          ? t("settings.domains.lastChecked", { date: date(domain.lastCheckedAt) })
          : null,
      failure: domain.status === "VERIFIED" || !domain.lastFailure ? null : t(`settings.domains.failures.${domain.lastFailure}`, { name: domain.recordName }),
    };
  };
  return (
    <section aria-labelledby="sso-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="sso-settings">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="sso-heading" className="text-lg font-semibold tracking-tight">
          {t("settings.title")}
        </h2>
        <Badge tone={STATUS_TONE[settings.status]}>
          <span className="sr-only">{t("settings.statusLabel")}: </span>
          <span data-testid="sso-status">{t(`settings.status.${settings.status}`)}</span>
        </Badge>
      </div>
      <p className="mt-2 max-w-prose text-slate-700">{t("settings.intro")}</p>
      <div className="mt-4 space-y-1 text-sm text-slate-700">
        <p>{t("settings.redirectUri")}</p>
        <code className="block break-all rounded-md bg-slate-100 px-3 py-2 font-mono text-slate-900" data-testid="sso-redirect-uri">
          {redirectUri}
        </code>
        {settings.status === "on" ? (
          <p className="pt-2">
            <a href={signInPath} className="font-medium text-slate-900">
              {t("settings.signInLink")}
            </a>
          </p>
        ) : null}
      </div>
      <SsoSettingsForm
        action={ssoSettingsAction.bind(null, access.tenant.slug)}
        canUpdate={canUpdate}
        settings={{ issuer: settings.issuer ?? "", clientId: settings.clientId ?? "", secretSet: settings.secretSet, configured: Boolean(settings.issuer || settings.clientId || settings.secretSet) }}
        labels={{
          issuer: t("settings.issuer"),
          issuerHint: APP_ENV === "production" ? t("settings.issuerHint") : t("settings.issuerHintLocal"),
          clientId: t("settings.clientId"),
          clientSecret: t("settings.clientSecret"),
          secretSet: t("settings.secretSet"),
          secretNotSet: t("settings.secretNotSet"),
          save: t("settings.save"),
          saving: t("settings.saving"),
          disable: t("settings.disable"),
          disableHint: t("settings.disableHint"),
          readOnly: t("settings.readOnly"),
        }}
      />
      <div className="mt-8 border-t border-slate-200 pt-6" data-testid="sso-domains-section">
        <h3 id="sso-domains-heading" className="text-base font-semibold tracking-tight">
          {t("settings.domains.title")}
        </h3>
        <p className="mt-2 max-w-prose text-slate-700">{t("settings.domains.intro")}</p>
        <SsoDomainList
          addAction={addSsoDomainAction.bind(null, access.tenant.slug)}
          domainAction={ssoDomainAction.bind(null, access.tenant.slug)}
          canUpdate={canUpdate}
          domains={domains.map(item)}
          labels={{
            listLabel: t("settings.domains.listLabel"),
            empty: t("settings.domains.empty"),
            record: t("settings.domains.record"),
            recordType: t("settings.domains.recordType"),
            recordName: t("settings.domains.recordName"),
            recordValue: t("settings.domains.recordValue"),
            keepRecord: t("settings.domains.keepRecord"),
            verify: t("settings.domains.verify"),
            verifying: t("settings.domains.verifying"),
            remove: t("settings.domains.remove"),
            domain: t("settings.domains.domain"),
            domainHint: t("settings.domains.domainHint"),
            add: t("settings.domains.add"),
            adding: t("settings.domains.adding"),
          }}
        />
      </div>
    </section>
  );
}
