import { getTranslations } from "next-intl/server";
import { acceptNdaAction } from "@/app/[tenant]/attestations/nda/actions";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/locales";
import type { TenantRef } from "@/server/auth/guard";
import type { NdaRequirement } from "@/server/nda/acceptance";
import { NdaAcceptanceForm } from "./nda-acceptance-form";

type Required = Extract<NdaRequirement, { required: true }>;

/**
 * What a customer sees before their first request (or after a new version / 12 months): why they
 * accept again, the text in their language with its version and hash, and the click-through form.
 * The page decides when to render it: `ndaRequirement({ tenantId, userId })` says `required: true`.
 */
export async function NdaAcceptance({ tenant, locale, requirement, defaultCompanyName }: { tenant: TenantRef; locale: Locale; requirement: Required; defaultCompanyName: string }) {
  const t = await getTranslations({ locale, namespace: "nda" });
  const { version } = requirement;
  const text = pickLocalized(version.text, locale, locale === "de" ? "en" : "de");
  const reason = { never: "accept.reasonNever", newVersion: "accept.reasonNewVersion", expired: "accept.reasonExpired" } as const;
  return (
    <section aria-labelledby="nda-heading" className="space-y-5" data-testid="nda-acceptance" data-version={version.number}>
      <div className="space-y-2">
        <h1 id="nda-heading" className="text-2xl font-semibold tracking-tight">
          {t("accept.heading", { tenant: tenant.name })}
        </h1>
        <p className="text-slate-700">{t("accept.intro", { tenant: tenant.name })}</p>
        <p className="font-medium text-slate-900" data-testid="nda-reason">
          {t(reason[requirement.reason], { tenant: tenant.name })}
        </p>
      </div>
      <div className="space-y-1">
        <h2 className="text-sm font-medium text-slate-900">{t("accept.textLabel")}</h2>
        <div
          tabIndex={0}
          role="region"
          aria-label={t("accept.textLabel")}
          lang={text?.locale}
          className="max-h-96 overflow-y-auto whitespace-pre-line rounded-lg border border-slate-200 bg-white p-4 text-sm leading-relaxed text-slate-800"
          data-testid="nda-text"
        >
          {text?.value}
        </div>
        <p className="break-all font-mono text-xs text-slate-600">{t("accept.version", { number: version.number, hash: version.sha256 })}</p>
      </div>
      <NdaAcceptanceForm
        action={acceptNdaAction.bind(null, tenant.slug)}
        versionNumber={version.number}
        defaultCompanyName={defaultCompanyName}
        labels={{ companyName: t("accept.companyName"), companyNameHint: t("accept.companyNameHint"), checkbox: t("accept.checkbox"), submit: t("accept.submit"), pending: t("accept.pending") }}
      />
    </section>
  );
}
