import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { CertificateFileForm } from "@/components/certifications/certificate-file-form";
import { CertificationForm } from "@/components/certifications/certification-form";
import { formatFileSize } from "@/components/certifications/format-size";
import { certificationFormLabels, certificationFormValues, certificationName, frameworkOptions } from "@/components/certifications/form-props";
import { buttonClass } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatDateTime } from "@/lib/dates";
import { isAppError } from "@/lib/errors";
import { guardConsolePage } from "@/server/auth/page-guard";
import { certificateDownloadPath } from "@/server/certifications/download";
import { getConsoleCertification } from "@/server/certifications/queries";
import { appLocale } from "@/server/i18n/app-locale";
import { tenantTimeZone } from "@/server/members/queries";
import { removeCertificateAction, updateCertificationAction, uploadCertificateAction } from "../actions";

type Params = Promise<{ tenant: string; certificationId: string }>;
const NOTICES = ["created", "removed"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "certifications" });
  return { title: t("title") };
}

async function loadCertification(tenantId: string, id: string) {
  try {
    return await getConsoleCertification(tenantId, id);
  } catch (error) {
    if (isAppError(error) && error.code === "notFound") notFound();
    throw error;
  }
}

export default async function EditCertificationPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenant: slug, certificationId } = await params;
  const path = `/${slug}/admin/certifications/${certificationId}`;
  const access = await guardConsolePage(slug, "certifications.manage", path);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "certifications" });
  const cert = await loadCertification(access.tenant.id, certificationId);
  const [name, timeZone, frameworks, labels] = await Promise.all([certificationName(cert, locale), tenantTimeZone(access.tenant.id), frameworkOptions(locale), certificationFormLabels(locale, "edit")]);
  const query = await searchParams;
  const notice = NOTICES.find((code) => query.notice === code);

  return (
    <ConsoleShell access={access} locale={locale} active="certifications" path={path}>
      <div className="max-w-3xl space-y-6">
        <p>
          <Link href={`/${slug}/admin/certifications`}>{t("edit.back")}</Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{t("edit.title", { name })}</h1>
        {notice ? <FormAlert tone="success" testId="certification-notice">{t(`notice.${notice}`)}</FormAlert> : null}
        <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <CertificationForm action={updateCertificationAction.bind(null, slug)} frameworks={frameworks} initial={certificationFormValues(cert)} certificationId={cert.id} labels={labels} />
        </div>
        <section aria-labelledby="certificate-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" data-testid="certificate-file">
          <h2 id="certificate-heading" className="text-lg font-semibold">
            {t("file.heading")}
          </h2>
          <p className="max-w-prose text-sm text-slate-700">{t("file.intro")}</p>
          {cert.file ? (
            <div className="flex flex-wrap items-center gap-3">
              <p className="text-sm text-slate-800" data-testid="certificate-details">
                {t("file.details", { filename: cert.file.filename, size: formatFileSize(cert.file.size, locale), date: formatDateTime(cert.file.createdAt, locale, timeZone) })}
              </p>
              <a href={certificateDownloadPath(slug, cert.id)} className={buttonClass("secondary")} data-testid="certificate-download" download>
                {t("file.download")}
              </a>
              <form action={removeCertificateAction.bind(null, slug)}>
                <input type="hidden" name="certificationId" value={cert.id} />
                <SubmitButton variant="danger">{t("file.remove")}</SubmitButton>
              </form>
            </div>
          ) : (
            <p className="text-sm text-slate-700">{t("file.none")}</p>
          )}
          <CertificateFileForm
            action={uploadCertificateAction.bind(null, slug)}
            certificationId={cert.id}
            hasFile={cert.file !== null}
            labels={{ choose: t("file.choose"), upload: t("file.upload"), replace: t("file.replace"), uploading: t("file.uploading"), tooLarge: t("validation.pdfTooLarge"), missing: t("validation.pdfMissing") }}
          />
        </section>
      </div>
    </ConsoleShell>
  );
}
