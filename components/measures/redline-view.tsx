import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import type { Redline } from "@/lib/redline";
import { trustCenterHref } from "@/lib/trust-center/links";
import type { PublicVersion } from "@/lib/trust-center/types";
import type { TrustCenterContext } from "@/server/trust-center/page-context";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { RedlineSectionView } from "./redline-section";
import { VersionPicker } from "./version-picker";

interface Props {
  context: TrustCenterContext;
  versions: PublicVersion[];
  from: PublicVersion;
  to: PublicVersion;
  redline: Redline;
  contentLocale: Locale;
  notice: ReactNode;
}

export async function RedlineView({ context, versions, from, to, redline, contentLocale, notice }: Props) {
  const { tenant, locale, lang } = context;
  const t = await getTranslations({ locale, namespace: "measures" });
  const { counts } = redline;
  const date = (iso: string) => formatDate(iso, locale, tenant.timeZone);
  const countItems = (["added", "removed", "changed", "moved", "unchanged"] as const).map((kind) => (
    <li key={kind} data-testid={`count-${kind}`} data-count={counts[kind]}>{t(`compare.counts.${kind}`, { count: counts[kind] })}</li>
  ));
  const identical = counts.added + counts.removed + counts.changed + counts.moved === 0;

  return (
    <div className="max-w-4xl">
      <h1 className="text-3xl font-semibold tracking-tight">{t("compare.title", { from: from.number, to: to.number })}</h1>
      <p className="mt-2 text-sm text-slate-700">
        <Link href={trustCenterHref(tenant.slug, `/measures/v/${from.number}`, lang)} className="underline">{t("version", { number: from.number })}</Link>
        {" "}({t("effectiveOn", { date: date(from.effectiveAt) })}) →{" "}
        <Link href={trustCenterHref(tenant.slug, `/measures/v/${to.number}`, lang)} className="underline">{t("version", { number: to.number })}</Link>
        {" "}({t("effectiveOn", { date: date(to.effectiveAt) })}) ·{" "}
        <Badge tone={to.changeKind === "MATERIAL" ? "amber" : "neutral"}>{t(`changeKind.${to.changeKind}`)}</Badge>
      </p>

      <div className="mt-6 space-y-3">
        {from.number > to.number ? <Notice tone="info" testId="reversed-notice">{t("compare.reversed", { from: from.number, to: to.number })}</Notice> : null}
        {notice}
      </div>

      <section aria-labelledby="summary-heading" className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="summary-heading" className="text-sm font-semibold uppercase tracking-wider text-slate-600">{t("compare.summaryHeading")}</h2>
        <ul className="mt-3 grid gap-x-6 gap-y-1 text-sm text-slate-800 sm:grid-cols-3" data-testid="redline-counts">
          {countItems}
          <li data-testid="count-words" data-inserted={counts.insertedWords} data-deleted={counts.deletedWords}>
            {t("compare.counts.words", { inserted: counts.insertedWords, deleted: counts.deletedWords })}
          </li>
        </ul>
        <p className="mt-4 flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <span>{t("compare.legend")}</span>
          <ins>{t("compare.legendInserted")}</ins>
          <del>{t("compare.legendDeleted")}</del>
          <Link href={trustCenterHref(tenant.slug, "/measures/compare", lang, { from: to.number, to: from.number })} className="print-hidden ml-auto font-medium text-brand underline">
            {t("compare.swap")}
          </Link>
        </p>
      </section>

      {identical ? <p className="mt-8 text-slate-700">{t("compare.noDifferences")}</p> : null}

      <div className="mt-8 space-y-4" lang={contentLocale === locale ? undefined : contentLocale} data-testid="redline-sections">
        {redline.sections.map((section) => (
          <RedlineSectionView key={section.key} section={section} locale={locale} />
        ))}
      </div>

      <div className="mt-12 border-t border-slate-200 pt-8">
        <VersionPicker context={context} versions={versions} problem={null} from={from.number} to={to.number} heading="h2" />
      </div>
    </div>
  );
}
