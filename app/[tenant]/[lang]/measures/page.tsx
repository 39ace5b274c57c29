import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { versionTimeline } from "@/lib/trust-center/versions";
import { getPublishedVersions } from "@/server/trust-center/queries";
import { trustCenterContext, trustCenterRoute, type TrustCenterParams } from "@/server/trust-center/page-context";
import { NotFoundPage } from "@/components/trust-center/not-found-page";
import { TenantShell } from "@/components/trust-center/tenant-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { UpcomingVersions } from "@/components/measures/upcoming-versions";
import { VersionView } from "@/components/measures/version-view";

export const revalidate = false;

type Props = { params: Promise<TrustCenterParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await trustCenterRoute(params);
  const t = await getTranslations({ locale, namespace: "common" });
  return { title: t("nav.measures") };
}

export default async function CurrentMeasuresPage({ params }: Props) {
  const context = await trustCenterContext(params);
  if (!context) return <NotFoundPage />;
  const versions = await getPublishedVersions(context.tenant);
  const { current, upcoming } = versionTimeline(versions, new Date());
  const t = await getTranslations({ locale: context.locale, namespace: "measures" });
  return (
    <TenantShell context={context} active="measures" path="/measures">
      {current ? (
        <VersionView context={context} versions={versions} version={current} permalink={false} />
      ) : (
        <div className="space-y-6">
          <EmptyState title={t("home.measuresTitle")}>{t("noVersion", { tenant: context.tenant.name })}</EmptyState>
          <div className="mx-auto max-w-xl">
            <UpcomingVersions context={context} current={null} upcoming={upcoming} />
          </div>
        </div>
      )}
    </TenantShell>
  );
}
