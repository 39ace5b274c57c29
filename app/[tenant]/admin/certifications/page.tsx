import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { certificationName } from "@/components/certifications/form-props";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FormAlert } from "@/components/ui/form-alert";
import { dayInZone, formatDate } from "@/lib/dates";
import { certificationStatus, type CertificationStatus } from "@/lib/trust-center/certification-status";
import { guardConsolePage } from "@/server/auth/page-guard";
import { listConsoleCertifications } from "@/server/certifications/queries";
import { appLocale } from "@/server/i18n/app-locale";
import { tenantTimeZone } from "@/server/members/queries";

const STATUS_TONE: Record<CertificationStatus, BadgeTone> = { valid: "green", expiring: "amber", expired: "red", suspended: "red", withdrawn: "red" };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "certifications" });
  return { title: t("title") };
}

export default async function CertificationsPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenant: slug } = await params;
  const path = `/${slug}/admin/certifications`;
  const access = await guardConsolePage(slug, "certifications.manage", path);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "certifications" });
  const tm = await getTranslations({ locale, namespace: "measures" });
  const [certifications, timeZone] = await Promise.all([listConsoleCertifications(access.tenant.id), tenantTimeZone(access.tenant.id)]);
  const today = dayInZone(new Date().toISOString(), timeZone);
  const names = await Promise.all(certifications.map((cert) => certificationName(cert, locale)));
  const rows = certifications.map((cert, i) => ({ ...cert, name: names[i]!, currentStatus: certificationStatus(cert, today) }));
  const notice = (await searchParams).notice === "notFound";
  const day = (value: string) => formatDate(`${value}T12:00:00Z`, locale, "UTC");

  return (
    <ConsoleShell access={access} locale={locale} active="certifications" path={path}>
      <div className="space-y-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
            <p className="mt-1 max-w-prose text-slate-700">{t("intro")}</p>
          </div>
          <Link href={`${path}/new`} className={buttonClass("primary")} data-testid="add-certification">
            {t("add")}
          </Link>
        </div>
        {notice ? <FormAlert tone="error">{t("notice.notFound")}</FormAlert> : null}
        {certifications.length === 0 ? (
          <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center" data-testid="certifications-empty">
            <h2 className="text-lg font-semibold text-slate-900">{t("empty.title")}</h2>
            <p className="mt-2 text-slate-700">{t("empty.body")}</p>
          </div>
        ) : (
          <section aria-labelledby="certifications-heading" className="space-y-3">
            <h2 id="certifications-heading" className="text-lg font-semibold">
              {t("list.heading")}
            </h2>
            <DataTable
              caption={t("list.heading")}
              testId="certification-list"
              rows={rows}
              rowKey={(cert) => cert.id}
              rowAttributes={(cert) => ({ "data-testid": "certification-row", "data-id": cert.id })}
              columns={[
                {
                  key: "name",
                  header: t("list.name"),
                  rowHeader: true,
                  className: "text-slate-900",
                  cell: (cert) => (
                    <>
                      {cert.name}
                      {cert.certificateNumber ? <span className="block font-mono text-xs font-normal text-slate-600">{cert.certificateNumber}</span> : null}
                    </>
                  ),
                },
                { key: "certifier", header: t("list.certifier"), cell: (cert) => cert.certifier, className: "text-slate-800" },
                { key: "validUntil", header: t("list.validUntil"), cell: (cert) => day(cert.validUntil), className: "whitespace-nowrap text-slate-800" },
                { key: "status", header: t("list.status"), cell: (cert) => <Badge tone={STATUS_TONE[cert.currentStatus]}>{tm(`certifications.status.${cert.currentStatus}`)}</Badge> },
                { key: "file", header: t("list.file"), cell: (cert) => (cert.file ? t("list.hasFile") : t("list.noFile")), className: "text-slate-800" },
                {
                  key: "edit",
                  header: <span className="sr-only">{t("list.edit")}</span>,
                  align: "right",
                  cell: (cert) => (
                    <Link href={`${path}/${cert.id}`} aria-label={t("list.editLabel", { name: cert.name })} className="font-medium">
                      {t("list.edit")}
                    </Link>
                  ),
                },
              ]}
            />
          </section>
        )}
      </div>
    </ConsoleShell>
  );
}
