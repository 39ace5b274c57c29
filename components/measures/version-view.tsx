import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/dates";
import { pickLocalized } from "@/lib/i18n/localized";
import { trustCenterHref } from "@/lib/trust-center/links";
import type { PublicVersion } from "@/lib/trust-center/types";
import { nextVersion, previousVersion, sectionsInLocale, versionTimeline } from "@/lib/trust-center/versions";
import { getVersionSections } from "@/server/trust-center/queries";
import type { TrustCenterContext } from "@/server/trust-center/page-context";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { FallbackNotice } from "@/components/trust-center/fallback-notice";
import { MeasuresDocument } from "./measures-document";

interface Props {
  context: TrustCenterContext;
  versions: PublicVersion[];
  version: PublicVersion;
  /** The permanent page of one version (/v/{n}) rather than "the current version" (/measures). */
  permalink: boolean;
}

export async function VersionView({ context, versions, version, permalink }: Props) {
  const { tenant, locale, lang } = context;
  const t = await getTranslations({ locale, namespace: "measures" });
  const picked = sectionsInLocale(await getVersionSections(tenant, version.number), locale, tenant.defaultLocale);
  if (!picked) notFound();

  const now = new Date();
  const { current, upcoming } = versionTimeline(versions, now);
  const date = (iso: string) => formatDate(iso, locale, tenant.timeZone);
  const previous = previousVersion(versions, version.number);
  const successor = nextVersion(versions, version.number);
  const isCurrent = current?.number === version.number;
  const isUpcoming = new Date(version.effectiveAt) > now;
  const title = pickLocalized(version.title, picked.locale, tenant.defaultLocale)?.value ?? "";

  const meta = (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-700">
      <Badge tone="brand">{t("version", { number: version.number })}</Badge>
      {isCurrent ? <Badge tone="green">{t("current")}</Badge> : isUpcoming ? <Badge tone="amber">{t("upcoming")}</Badge> : <Badge>{t("superseded")}</Badge>}
      <span>{t("effectiveOn", { date: date(version.effectiveAt) })}</span>
      <span>{t("lastUpdated", { date: date(version.publishedAt) })}</span>
      {previous ? (
        <Link className="print-hidden font-medium text-brand underline" href={trustCenterHref(tenant.slug, "/measures/compare", lang, { from: previous.number, to: version.number })}>
          {t("compareWithPrevious", { number: previous.number })}
        </Link>
      ) : null}
    </div>
  );

  const notices = [];
  if (permalink && !isCurrent && successor && !isUpcoming) {
    notices.push(
      <Notice key="superseded" tone="warning" testId="superseded-notice">
        {t("supersededNotice", { number: version.number, next: successor.number, date: date(successor.effectiveAt) })}{" "}
        <Link className="font-medium underline" href={trustCenterHref(tenant.slug, "/measures", lang)}>{t("readCurrent")}</Link>
      </Notice>,
    );
  }
  if (!permalink) {
    for (const announced of upcoming) {
      notices.push(
        <Notice key={`upcoming-${announced.number}`} tone="info" testId="upcoming-notice">
          {t("upcomingNotice", { number: announced.number, published: date(announced.publishedAt), date: date(announced.effectiveAt) })}{" "}
          <Link className="font-medium underline" href={trustCenterHref(tenant.slug, "/measures/compare", lang, { from: version.number, to: announced.number })}>
            {t("upcomingRedline")}
          </Link>
        </Notice>,
      );
    }
  }
  if (picked.fallback) notices.push(<FallbackNotice key="fallback" requested={locale} shown={picked.locale} />);

  return (
    <MeasuresDocument
      title={title}
      contentLocale={picked.locale}
      pageLocale={locale}
      sections={picked.sections}
      meta={meta}
      notices={notices.length > 0 ? notices : undefined}
    />
  );
}
