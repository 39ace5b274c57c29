import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { parseVersionNumber } from "@/lib/trust-center/versions";
import { getPublishedVersions } from "@/server/trust-center/queries";
import { trustCenterContext, trustCenterRoute, type TrustCenterParams } from "@/server/trust-center/page-context";
import { NotFoundPage } from "@/components/trust-center/not-found-page";
import { TenantShell } from "@/components/trust-center/tenant-shell";
import { VersionView } from "@/components/measures/version-view";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<TrustCenterParams & { n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await trustCenterRoute(params);
  const { n } = await params;
  const t = await getTranslations({ locale, namespace: "measures" });
  return { title: t("version", { number: n }) };
}

export default async function VersionPermalinkPage({ params }: Props) {
  const context = await trustCenterContext(params);
  if (!context) return <NotFoundPage />;
  const number = parseVersionNumber((await params).n);
  const versions = await getPublishedVersions(context.tenant);
  const version = versions.find((v) => v.number === number);
  if (!version) return <NotFoundPage />;
  return (
    <TenantShell context={context} active="history" path={`/measures/v/${version.number}`}>
      <VersionView context={context} versions={versions} version={version} permalink />
    </TenantShell>
  );
}
