import { getTranslations } from "next-intl/server";
import { customDomainAction } from "@/app/[tenant]/admin/settings/actions";
import { hasPermission } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/locales";
import type { TenantAccess } from "@/server/auth/guard";
import { env } from "@/server/env";
import { appHost, loadCustomDomain } from "@/server/tenants/custom-domain-settings";
import { CustomDomainForm } from "./custom-domain-form";

/** Settings page section: the host name under which the tenant's public pages are also served. */
export async function CustomDomainSection({ access, locale }: { access: TenantAccess; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "settings" });
  const domain = await loadCustomDomain(access.tenant.id);
  return (
    <section aria-labelledby="custom-domain-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="custom-domain-settings">
      <h2 id="custom-domain-heading" className="text-lg font-semibold tracking-tight">
        {t("customDomain.title")}
      </h2>
      <p className="mt-2 max-w-prose text-slate-700">{t("customDomain.intro")}</p>
      <dl className="mt-4 text-sm">
        <dt className="font-medium text-slate-900">{t("customDomain.current")}</dt>
        <dd className="mt-1" data-testid="custom-domain-current">
          {domain ? <code className="break-all font-mono text-slate-900">{domain}</code> : <span className="text-slate-700">{t("customDomain.notSet")}</span>}
        </dd>
      </dl>
      <div className="mt-4 max-w-prose space-y-2 rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-700">
        <h3 className="font-medium text-slate-900">{t("customDomain.dnsTitle")}</h3>
        <p data-testid="custom-domain-dns">
          {t.rich("customDomain.dns", { host: appHost(), code: (chunks) => <code className="break-all rounded bg-white px-1.5 py-0.5 font-mono text-slate-900">{chunks}</code> })}
        </p>
        <p>{t("customDomain.tls")}</p>
      </div>
      <CustomDomainForm
        action={customDomainAction.bind(null, access.tenant.slug)}
        canUpdate={hasPermission(access.roles, "settings.update")}
        domain={domain ?? ""}
        labels={{
          domain: t("customDomain.domain"),
          domainHint: t("customDomain.domainHint"),
          save: t("customDomain.save"),
          saving: t("customDomain.saving"),
          remove: t("customDomain.remove"),
          removeHint: t("customDomain.removeHint", { url: `${env().APP_ORIGIN}/${access.tenant.slug}` }),
          readOnly: t("customDomain.readOnly"),
        }}
      />
    </section>
  );
}
