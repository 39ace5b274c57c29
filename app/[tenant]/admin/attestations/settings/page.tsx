import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { AttestationSettingsForm } from "@/components/nda/attestation-settings-form";
import { NdaEditorForm } from "@/components/nda/nda-editor-form";
import { NdaHistory } from "@/components/nda/nda-history";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/dates";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { tenantTimeZone } from "@/server/members/queries";
import { loadAttestationSettings } from "@/server/nda/attestation-settings";
import { listNdaVersions } from "@/server/nda/versions";
import { saveAttestationSettingsAction, saveNdaAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "nda" });
  return { title: t("settings.title") };
}

// The tenant's attestation settings: the NDA (current version, new version, history) and the request rules.
export default async function AttestationSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const path = `/${slug}/admin/attestations/settings`;
  const access = await guardConsolePage(slug, "attestations.settings", path);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "nda" });
  const [versions, settings, timeZone] = await Promise.all([listNdaVersions(access.tenant.id), loadAttestationSettings(access.tenant.id), tenantTimeZone(access.tenant.id)]);
  const current = versions[0] ?? null;
  const next = (current?.number ?? 0) + 1;

  return (
    <ConsoleShell access={access} locale={locale} active="attestationSettings" path={path}>
      <div className="space-y-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("settings.title")}</h1>
          <p className="mt-1 max-w-prose text-slate-700">{t("settings.intro")}</p>
        </div>
        <section aria-labelledby="nda-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6" data-testid="nda-section">
          <h2 id="nda-heading" className="text-lg font-semibold">
            {t("editor.heading")}
          </h2>
          <p className="max-w-prose text-sm text-slate-700">{t("editor.intro")}</p>
          {current ? (
            <div className="space-y-2 rounded-md bg-slate-50 px-4 py-3 text-sm" data-testid="nda-current">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{t("editor.current")}:</span>
                <span>{t("editor.currentDetails", { number: current.number, date: formatDateTime(current.createdAt, locale, timeZone) })}</span>
                <Badge tone={current.lockedAt ? "neutral" : "amber"}>{t(current.lockedAt ? "editor.locked" : "editor.unlocked")}</Badge>
              </p>
              <p className="break-all font-mono text-xs text-slate-700">
                {t("editor.hash")} {current.sha256}
              </p>
              <p className="text-slate-700">{t(current.lockedAt ? "editor.lockedHint" : "editor.unlockedHint", { number: current.number, next })}</p>
            </div>
          ) : (
            <p className="text-sm text-slate-700" data-testid="nda-none">
              {t("editor.none")}
            </p>
          )}
          <NdaEditorForm
            action={saveNdaAction.bind(null, slug)}
            current={current ? { number: current.number, textDe: current.text.de ?? "", textEn: current.text.en ?? "", locked: current.lockedAt !== null } : null}
            labels={{ textDe: t("editor.textDe"), textEn: t("editor.textEn"), publish: t("editor.publish", { next }), correct: current ? t("editor.correct", { number: current.number }) : null, saving: t("editor.saving") }}
          />
          <NdaHistory versions={versions} locale={locale} timeZone={timeZone} />
        </section>
        <section aria-labelledby="request-settings-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <h2 id="request-settings-heading" className="text-lg font-semibold">
            {t("form.heading")}
          </h2>
          <AttestationSettingsForm
            action={saveAttestationSettingsAction.bind(null, slug)}
            initial={settings}
            labels={{
              ndaEnabled: t("form.ndaEnabled"),
              ndaEnabledHint: t("form.ndaEnabledHint"),
              openRequestLimit: t("form.openRequestLimit"),
              openRequestLimitHint: t("form.openRequestLimitHint"),
              autoApproveDomains: t("form.autoApproveDomains"),
              autoApproveDomainsHint: t("form.autoApproveDomainsHint"),
              reviewReminderHours: t("form.reviewReminderHours"),
              reviewReminderHoursHint: t("form.reviewReminderHoursHint"),
              save: t("form.save"),
              saving: t("form.saving"),
            }}
          />
        </section>
      </div>
    </ConsoleShell>
  );
}
