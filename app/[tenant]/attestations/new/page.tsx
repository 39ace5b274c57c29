import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { randomUUID } from "node:crypto";
import { AppShell } from "@/components/app/app-shell";
import { certificationName } from "@/components/attestations/certification-name";
import { AttestationRequestForm } from "@/components/attestations/request-form";
import { Notice } from "@/components/ui/notice";
import { formatDate } from "@/lib/dates";
import { LOCALES } from "@/lib/i18n/locales";
import { guardCustomerPage } from "@/server/attestations/customer-guard";
import { requestFormData } from "@/server/attestations/queries";
import { appLocale } from "@/server/i18n/app-locale";
import { knownCompanyName } from "@/server/nda/acceptance";
import { createAttestationRequestAction } from "./actions";

type Params = Promise<{ tenant: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "attestations" });
  return { title: t("new.title") };
}

export default async function NewAttestationRequestPage({ params }: { params: Params }) {
  const { tenant: slug } = await params;
  const path = `/${slug}/attestations/new`;
  const { session, tenant } = await guardCustomerPage(slug, path);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "attestations" });
  const tm = await getTranslations({ locale, namespace: "measures" });
  const tc = await getTranslations({ locale, namespace: "common" });
  const data = await requestFormData(tenant.id, session.user.id);
  // The NDA comes first; its page sends the customer back here.
  if (data.ndaRequired) redirect(`/${slug}/attestations/nda`);

  const day = (value: Date) => formatDate(`${value.toISOString().slice(0, 10)}T12:00:00Z`, locale, "UTC");
  const atLimit = data.open >= data.limit;
  return (
    <AppShell locale={locale} path={path} width="narrow">
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("new.title")}</h1>
          <p className="mt-2 text-slate-700">{t("new.intro", { tenant: tenant.name })}</p>
          <p className="mt-1 text-sm text-slate-600">{t("new.signedInAs", { email: session.user.email })}</p>
        </div>
        {atLimit ? (
          <Notice tone="warning" testId="request-limit">
            {t("new.limitReached", { open: data.open, limit: data.limit, tenant: tenant.name })}
          </Notice>
        ) : data.certifications.length === 0 ? (
          <Notice testId="no-certifications">{t("new.noCertifications", { tenant: tenant.name })}</Notice>
        ) : (
          <AttestationRequestForm
            action={createAttestationRequestAction.bind(null, slug)}
            idempotencyKey={randomUUID()}
            certifications={data.certifications.map((cert) => ({ id: cert.id, name: certificationName(cert, tm), detail: t("new.certificationDetail", { certifier: cert.certifier, date: day(cert.validUntil) }) }))}
            locales={LOCALES.map((value) => ({ value, label: tc(`language.${value}`) }))}
            defaults={{ companyName: data.companyName || (await knownCompanyName(tenant.id, session.user.id)), locale }}
            labels={{
              certifications: t("new.certifications"),
              certificationsHint: t("new.certificationsHint"),
              companyName: t("new.companyName"),
              companyNameHint: t("new.companyNameHint"),
              purpose: t("new.purpose"),
              purposeHint: t("new.purposeHint"),
              contractReference: t("new.contractReference"),
              locale: t("new.locale"),
              submit: t("new.submit"),
              pending: t("new.pending"),
            }}
          />
        )}
        <p className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <Link href="/account/attestations">{t("new.myRequests")}</Link>
          <Link href={`/${slug}`}>{t("new.back", { tenant: tenant.name })}</Link>
        </p>
      </div>
    </AppShell>
  );
}
