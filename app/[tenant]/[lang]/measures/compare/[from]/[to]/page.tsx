import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { computeRedline } from "@/lib/redline";
import { selectComparison, sectionsInLocale } from "@/lib/trust-center/versions";
import { getPublishedVersions, getVersionSections } from "@/server/trust-center/queries";
import { trustCenterContext, trustCenterRoute, type TrustCenterParams } from "@/server/trust-center/page-context";
import { NotFoundPage } from "@/components/trust-center/not-found-page";
import { TenantShell } from "@/components/trust-center/tenant-shell";
import { FallbackNotice } from "@/components/trust-center/fallback-notice";
import { RedlineView } from "@/components/measures/redline-view";
import { VersionPicker } from "@/components/measures/version-picker";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<TrustCenterParams & { from: string; to: string }> };

// The proxy maps ?from=&to= onto these segments: "-" for a missing value, "x" for an invalid one.
const rawParam = (segment: string) => (segment === "-" ? null : segment);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await trustCenterRoute(params);
  const { from, to } = await params;
  const t = await getTranslations({ locale, namespace: "measures" });
  return { title: /^\d+$/.test(from) && /^\d+$/.test(to) ? t("compare.title", { from, to }) : t("compare.pickerTitle") };
}

export default async function ComparePage({ params }: Props) {
  const context = await trustCenterContext(params);
  if (!context) return <NotFoundPage />;
  const { tenant, locale } = context;
  const { from, to } = await params;
  const versions = await getPublishedVersions(tenant);
  const selection = selectComparison(rawParam(from), rawParam(to), versions);

  if (!selection.ok) {
    return (
      <TenantShell context={context} active="history" path="/measures/compare">
        <VersionPicker context={context} versions={versions} problem={selection.problem} from={selection.from} to={selection.to} />
      </TenantShell>
    );
  }

  const [fromAll, toAll] = await Promise.all([getVersionSections(tenant, selection.from.number), getVersionSections(tenant, selection.to.number)]);
  const fromSections = sectionsInLocale(fromAll, locale, tenant.defaultLocale);
  const toSections = sectionsInLocale(toAll, locale, tenant.defaultLocale);
  // Both sides must be in the same language, or every word would show as changed.
  const sameLocale = fromSections && toSections && fromSections.locale === toSections.locale;
  const left = sameLocale ? fromSections : sectionsInLocale(fromAll, tenant.defaultLocale, tenant.defaultLocale);
  const right = sameLocale ? toSections : sectionsInLocale(toAll, tenant.defaultLocale, tenant.defaultLocale);
  const redline = computeRedline(left?.sections ?? [], right?.sections ?? []);
  const contentLocale = left?.locale ?? tenant.defaultLocale;

  return (
    <TenantShell context={context} active="history" path="/measures/compare" query={{ from: selection.from.number, to: selection.to.number }}>
      <RedlineView
        context={context}
        versions={versions}
        from={selection.from}
        to={selection.to}
        redline={redline}
        contentLocale={contentLocale}
        notice={contentLocale !== locale ? <FallbackNotice requested={locale} shown={contentLocale} /> : null}
      />
    </TenantShell>
  );
}
