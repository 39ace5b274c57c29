import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/app/app-shell";
import { NdaAcceptance } from "@/components/nda/nda-acceptance";
import { guardCustomerPage } from "@/server/attestations/customer-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { knownCompanyName, ndaRequirement } from "@/server/nda/acceptance";

type Params = Promise<{ tenant: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "attestations" });
  return { title: t("nda.title") };
}

/**
 * The NDA click-through before a request (components/nda; accepting continues to the request
 * form). With nothing to accept (accepted, switched off, none written) it is the request form.
 */
export default async function AttestationNdaPage({ params }: { params: Params }) {
  const { tenant: slug } = await params;
  const path = `/${slug}/attestations/nda`;
  const { session, tenant } = await guardCustomerPage(slug, path);
  const locale = await appLocale();
  const requirement = await ndaRequirement({ tenantId: tenant.id, userId: session.user.id });
  if (!requirement.required) redirect(`/${slug}/attestations/new`);
  return (
    <AppShell locale={locale} path={path} width="narrow">
      <NdaAcceptance tenant={tenant} locale={locale} requirement={requirement} defaultCompanyName={await knownCompanyName(tenant.id, session.user.id)} />
    </AppShell>
  );
}
