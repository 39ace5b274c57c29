import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { dayInZone, formatDate } from "@/lib/dates";
import { pickLocalized } from "@/lib/i18n/localized";
import { trustCenterHref } from "@/lib/trust-center/links";
import { previousVersion, versionTimeline } from "@/lib/trust-center/versions";
import { getCertifications, getPublishedVersions } from "@/server/trust-center/queries";
import { trustCenterContext, trustCenterRoute, type TrustCenterParams } from "@/server/trust-center/page-context";
import { NotFoundPage } from "@/components/trust-center/not-found-page";
import { TenantShell } from "@/components/trust-center/tenant-shell";
import { CertificationCard } from "@/components/trust-center/certification-card";
import { UpcomingVersions } from "@/components/measures/upcoming-versions";
import { Badge } from "@/components/ui/badge";

export const revalidate = false;

type Props = { params: Promise<TrustCenterParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, locale } = await trustCenterRoute(params);
  const t = await getTranslations({ locale, namespace: "common" });
  if (!tenant) return { title: { absolute: t("notFound.title") } };
  return { title: { absolute: `${tenant.name} · ${t("nav.label")}` }, description: pickLocalized(tenant.description, locale, tenant.defaultLocale)?.value };
}

export default async function TrustCenterHomePage({ params }: Props) {
  const context = await trustCenterContext(params);
  if (!context) return <NotFoundPage />;
  const { tenant, locale, lang } = context;
  const t = await getTranslations({ locale, namespace: "measures" });
  const tc = await getTranslations({ locale, namespace: "common" });
  const [versions, certifications] = await Promise.all([getPublishedVersions(tenant), getCertifications(tenant)]);
  const { current, upcoming } = versionTimeline(versions, new Date());
  const previous = current ? previousVersion(versions, current.number) : null;
  const description = pickLocalized(tenant.description, locale, tenant.defaultLocale);
  const today = dayInZone(new Date().toISOString(), tenant.timeZone);
  const documentTitle = current ? pickLocalized(current.title, locale, tenant.defaultLocale) : null;
  const link = (path: string, query?: Record<string, number>) => trustCenterHref(tenant.slug, path, lang, query);

  return (
    <TenantShell context={context} active="overview" path="">
      <section className="max-w-3xl">
        <p className="text-sm font-medium uppercase tracking-wider text-slate-600">{tc("nav.label")}</p>
        <h1 className="mt-1 text-4xl font-semibold tracking-tight text-slate-900">{tenant.name}</h1>
        {description ? <p className="mt-4 text-lg leading-relaxed text-slate-700" lang={description.fallback ? description.locale : undefined}>{description.value}</p> : null}
      </section>

      <section aria-labelledby="measures-heading" className="mt-10 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="measures-heading" className="text-xl font-semibold">{t("home.measuresTitle")}</h2>
        <p className="mt-2 max-w-3xl text-slate-700">{t("home.measuresBody")}</p>
        {current ? (
          <>
            <div className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-slate-700" data-testid="current-version">
              <Badge tone="brand">{t("version", { number: current.number })}</Badge>
              <span lang={documentTitle?.fallback ? documentTitle.locale : undefined}>{documentTitle?.value}</span>
              <span aria-hidden="true">·</span>
              <span>{t("effectiveOn", { date: formatDate(current.effectiveAt, locale, tenant.timeZone) })}</span>
            </div>
            <div className="mt-5 flex flex-wrap gap-3">
              <Link href={link("/measures")} className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white no-underline shadow-sm hover:opacity-90">
                {t("readCurrent")}
              </Link>
              <Link href={link("/measures/versions")} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 no-underline hover:bg-slate-50">
                {tc("nav.history")}
              </Link>
              {previous ? (
                <Link href={link("/measures/compare", { from: previous.number, to: current.number })} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 no-underline hover:bg-slate-50">
                  {t("compareWithPrevious", { number: previous.number })}
                </Link>
              ) : null}
            </div>
          </>
        ) : (
          <p className="mt-4 text-slate-700" data-testid="empty-state">{t("noVersion", { tenant: tenant.name })}</p>
        )}
        {upcoming.length > 0 ? (
          <div className="mt-5">
            <UpcomingVersions context={context} current={current} upcoming={upcoming} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="certifications-heading" className="mt-10">
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="certifications-heading" className="text-xl font-semibold">{t("home.certificationsTitle")}</h2>
          {certifications.length > 0 ? <Link href={link("/certifications")} className="text-sm font-medium text-brand underline">{t("home.allCertifications")}</Link> : null}
        </div>
        {certifications.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("certifications.empty", { tenant: tenant.name })}</p>
        ) : (
          <ul className="mt-4 grid gap-5 md:grid-cols-2 lg:grid-cols-3">
            {certifications.map((cert) => (
              <li key={cert.id}>
                <CertificationCard certification={cert} locale={locale} fallbackLocale={tenant.defaultLocale} today={today} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </TenantShell>
  );
}
