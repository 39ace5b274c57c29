import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/dates";
import { pickLocalized } from "@/lib/i18n/localized";
import { trustCenterHref } from "@/lib/trust-center/links";
import { previousVersion, versionTimeline } from "@/lib/trust-center/versions";
import { getPublishedVersions } from "@/server/trust-center/queries";
import { trustCenterContext, trustCenterRoute, type TrustCenterParams } from "@/server/trust-center/page-context";
import { NotFoundPage } from "@/components/trust-center/not-found-page";
import { TenantShell } from "@/components/trust-center/tenant-shell";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";

export const revalidate = false;

type Props = { params: Promise<TrustCenterParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await trustCenterRoute(params);
  return { title: (await getTranslations({ locale, namespace: "measures" }))("versions.title") };
}

export default async function VersionHistoryPage({ params }: Props) {
  const context = await trustCenterContext(params);
  if (!context) return <NotFoundPage />;
  const { tenant, locale, lang } = context;
  const t = await getTranslations({ locale, namespace: "measures" });
  const versions = await getPublishedVersions(tenant);
  const { current } = versionTimeline(versions, new Date());
  const now = new Date();
  const date = (iso: string) => formatDate(iso, locale, tenant.timeZone);

  return (
    <TenantShell context={context} active="history" path="/measures/versions">
      {versions.length === 0 ? (
        <EmptyState title={t("versions.title")}>{t("versions.empty")}</EmptyState>
      ) : (
        <div className="max-w-3xl">
          <h1 className="text-3xl font-semibold tracking-tight">{t("versions.title")}</h1>
          <p className="mt-2 text-slate-700">{t("versions.intro")}</p>
          <ol className="mt-8 space-y-4" data-testid="version-list">
            {versions.map((version) => {
              const previous = previousVersion(versions, version.number);
              const summary = pickLocalized(version.changeSummary, locale, tenant.defaultLocale);
              const title = pickLocalized(version.title, locale, tenant.defaultLocale);
              const upcoming = new Date(version.effectiveAt) > now;
              return (
                <li key={version.number} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="version-entry">
                  <div className="flex flex-wrap items-center gap-2">
                    <h2 className="text-lg font-semibold">
                      <Link href={trustCenterHref(tenant.slug, `/measures/v/${version.number}`, lang)} className="text-slate-900 underline decoration-slate-300 hover:decoration-brand">
                        {t("version", { number: version.number })}
                      </Link>
                    </h2>
                    {current?.number === version.number ? <Badge tone="green">{t("current")}</Badge> : upcoming ? <Badge tone="amber">{t("upcoming")}</Badge> : null}
                    <Badge tone={version.changeKind === "MATERIAL" ? "amber" : "neutral"}>{t(`changeKind.${version.changeKind}`)}</Badge>
                  </div>
                  <p className="mt-1 text-sm text-slate-700">
                    {t("effectiveOn", { date: date(version.effectiveAt) })} · {t("publishedOn", { date: date(version.publishedAt) })}
                    {title ? <span lang={title.fallback ? title.locale : undefined}> · {title.value}</span> : null}
                  </p>
                  {summary ? (
                    <p className="mt-3 leading-relaxed text-slate-800" lang={summary.fallback ? summary.locale : undefined}>
                      <span className="sr-only">{t("versions.summary")}: </span>
                      {summary.value}
                    </p>
                  ) : null}
                  <div className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm font-medium">
                    <Link href={trustCenterHref(tenant.slug, `/measures/v/${version.number}`, lang)} className="text-brand underline">
                      {t("versions.open", { number: version.number })}
                    </Link>
                    {previous ? (
                      <Link href={trustCenterHref(tenant.slug, "/measures/compare", lang, { from: previous.number, to: version.number })} className="text-brand underline">
                        {t("versions.comparePrevious", { number: previous.number })}
                      </Link>
                    ) : (
                      <span className="text-slate-600">{t("versions.first")}</span>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </TenantShell>
  );
}
