import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { CertificationForm } from "@/components/certifications/certification-form";
import { certificationFormLabels, frameworkOptions } from "@/components/certifications/form-props";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { createCertificationAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "certifications" });
  return { title: t("new.title") };
}

export default async function NewCertificationPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const path = `/${slug}/admin/certifications/new`;
  const access = await guardConsolePage(slug, "certifications.manage", path);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "certifications" });
  return (
    <ConsoleShell access={access} locale={locale} active="certifications" path={path}>
      <div className="max-w-3xl space-y-6">
        <p>
          <Link href={`/${slug}/admin/certifications`}>{t("new.back")}</Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{t("new.title")}</h1>
        <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <CertificationForm action={createCertificationAction.bind(null, slug)} frameworks={await frameworkOptions(locale)} labels={await certificationFormLabels(locale, "create")} />
        </div>
      </div>
    </ConsoleShell>
  );
}
