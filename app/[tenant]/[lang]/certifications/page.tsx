import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { dayInZone } from "@/lib/dates";
import { getCertifications } from "@/server/trust-center/queries";
import { trustCenterContext, trustCenterRoute, type TrustCenterParams } from "@/server/trust-center/page-context";
import { NotFoundPage } from "@/components/trust-center/not-found-page";
import { TenantShell } from "@/components/trust-center/tenant-shell";
import { CertificationCard } from "@/components/trust-center/certification-card";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { env } from "@/server/env";

export const revalidate = false;

type Props = { params: Promise<TrustCenterParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await trustCenterRoute(params);
  return { title: (await getTranslations({ locale, namespace: "measures" }))("certifications.title") };
}

export default async function CertificationsPage({ params }: Props) {
  const context = await trustCenterContext(params);
  if (!context) return <NotFoundPage />;
  const { tenant, locale } = context;
  const t = await getTranslations({ locale, namespace: "measures" });
  const ta = await getTranslations({ locale, namespace: "attestations" });
  const certifications = await getCertifications(tenant);
  const today = dayInZone(new Date().toISOString(), tenant.timeZone);
  return (
    <TenantShell context={context} active="certifications" path="/certifications">
      {certifications.length === 0 ? (
        <EmptyState title={t("certifications.title")}>{t("certifications.empty", { tenant: tenant.name })}</EmptyState>
      ) : (
        <>
          <h1 className="text-3xl font-semibold tracking-tight">{t("certifications.title")}</h1>
          <p className="mt-2 max-w-3xl text-slate-700">{t("certifications.intro", { tenant: tenant.name })}</p>
          {/* The request form is part of the signed-in area on the main origin (also from a custom domain). */}
          <p className="mt-4">
            <a href={`${env().APP_ORIGIN}/${tenant.slug}/attestations/new?lang=${locale}`} className={buttonClass("secondary")} data-testid="request-attestation">
              {ta("new.publicLink")}
            </a>
          </p>
          <ul className="mt-8 grid gap-5 md:grid-cols-2">
            {certifications.map((cert) => (
              <li key={cert.id}>
                <CertificationCard certification={cert} locale={locale} fallbackLocale={tenant.defaultLocale} today={today} detailed />
              </li>
            ))}
          </ul>
        </>
      )}
    </TenantShell>
  );
}
