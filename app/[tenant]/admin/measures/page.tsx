import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { hasPermission } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/dates";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { tenantTimeZone } from "@/server/members/queries";
import { listMeasuresVersions } from "@/server/measures/drafts/queries";
import { createDraftFromCurrentAction, requireAllLocalesAction } from "./actions";

type Params = Promise<{ tenant: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const NOTICES = ["settingsSaved", "discarded"] as const;
const ERRORS = ["openDraft", "noPublishedVersion", "notFound"] as const;
const STATUS_TONE: Record<string, BadgeTone> = { DRAFT: "amber", IN_REVIEW: "blue", APPROVED: "blue", PUBLISHED: "green" };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "editor" });
  return { title: t("title") };
}

export default async function MeasuresVersionsPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { tenant: slug } = await params;
  const path = `/${slug}/admin/measures`;
  const access = await guardConsolePage(slug, "measures.view", path);
  const query = await searchParams;
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "editor" });
  const tc = await getTranslations({ locale, namespace: "common" });
  const [{ versions, openDraft, base, requireAllLocales, sourceLocale }, timeZone] = await Promise.all([listMeasuresVersions(access.tenant.id), tenantTimeZone(access.tenant.id)]);
  const mayEdit = hasPermission(access.roles, "measures.edit");
  const mayConfigure = hasPermission(access.roles, "settings.update");
  const notice = NOTICES.find((code) => query.notice === code);
  const error = ERRORS.find((code) => query.error === code);
  const date = (value: Date | null) => (value ? formatDate(value.toISOString(), locale, timeZone) : "—");

  return (
    <ConsoleShell access={access} locale={locale} active="measures" path={path}>
      <div className="space-y-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 max-w-prose text-slate-700">{t("intro")}</p>
        </div>
        {notice ? <FormAlert tone="success" testId="measures-notice">{notice === "discarded" ? t("draft.discarded", { number: Number(query.number) || 0 }) : t("settings.saved")}</FormAlert> : null}
        {error ? <FormAlert tone="error" testId="measures-error">{t(`errors.${error}`, { number: openDraft?.number ?? 0 })}</FormAlert> : null}
        <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <section aria-labelledby="versions-heading" className="min-w-0 space-y-3">
            <h2 id="versions-heading" className="text-lg font-semibold">{t("versions.heading")}</h2>
            <DataTable
              caption={t("versions.caption")}
              testId="versions-table"
              rows={versions}
              rowKey={(version) => version.id}
              rowAttributes={(version) => ({ "data-testid": "version-row", "data-number": version.number, "data-status": version.status })}
              empty={<Notice tone="neutral" testId="versions-empty">{t("versions.empty")}</Notice>}
              columns={[
                {
                  key: "number",
                  header: t("versions.number"),
                  rowHeader: true,
                  cell: (version) =>
                    version.status === "PUBLISHED" ? (
                      <Link href={`/${slug}/measures/v/${version.number}`} aria-label={`${version.number}: ${t("versions.view")}`}>{version.number}</Link>
                    ) : (
                      <Link href={`${path}/drafts/${version.id}`} aria-label={t("versions.open", { number: version.number })}>{version.number}</Link>
                    ),
                },
                { key: "status", header: t("versions.status"), cell: (version) => <Badge tone={STATUS_TONE[version.status]}>{t(`status.${version.status}`)}</Badge> },
                { key: "published", header: t("versions.published"), cell: (version) => date(version.publishedAt), className: "text-slate-700" },
                { key: "effective", header: t("versions.effective"), cell: (version) => date(version.effectiveAt), className: "text-slate-700" },
              ]}
            />
          </section>
          <div className="min-w-0 space-y-6 self-start">
            <section aria-labelledby="new-draft-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
              <h2 id="new-draft-heading" className="text-lg font-semibold">{t("newDraft.heading")}</h2>
              {openDraft ? (
                <>
                  <p className="text-sm text-slate-700">{t("newDraft.openExists", { number: openDraft.number })}</p>
                  <Link href={`${path}/drafts/${openDraft.id}`} className={buttonClass("primary")} data-testid="open-draft-link">{t("newDraft.continue", { number: openDraft.number })}</Link>
                </>
              ) : mayEdit ? (
                <>
                  <p className="text-sm text-slate-700">{base ? t("newDraft.intro", { number: base.number }) : t("newDraft.introFirst")}</p>
                  <div className="flex flex-wrap gap-3">
                    {base ? (
                      <form action={createDraftFromCurrentAction.bind(null, slug)}>
                        <SubmitButton pendingLabel={t("newDraft.pending")}>{t("newDraft.fromCurrent", { number: base.number })}</SubmitButton>
                      </form>
                    ) : null}
                    <Link href={`${path}/import`} className={buttonClass(base ? "secondary" : "primary")}>{t("newDraft.import")}</Link>
                  </div>
                </>
              ) : (
                <p className="text-sm text-slate-700">{t("newDraft.readOnly")}</p>
              )}
            </section>
            <section aria-labelledby="languages-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" data-testid="require-all-locales" data-value={requireAllLocales}>
              <h2 id="languages-heading" className="text-lg font-semibold">{t("settings.heading")}</h2>
              <p className="text-sm text-slate-700">{requireAllLocales ? t("settings.requireAll") : t("settings.requireSome", { language: tc(`language.${sourceLocale}`) })}</p>
              {mayConfigure ? (
                <form action={requireAllLocalesAction.bind(null, slug)}>
                  <input type="hidden" name="requireAllLocales" value={requireAllLocales ? "off" : "on"} />
                  <SubmitButton variant="secondary">{requireAllLocales ? t("settings.turnOff") : t("settings.turnOn")}</SubmitButton>
                </form>
              ) : null}
            </section>
          </div>
        </div>
      </div>
    </ConsoleShell>
  );
}
