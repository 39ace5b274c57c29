import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/dates";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/locales";
import { certificationStatus, type CertificationStatus } from "@/lib/trust-center/certification-status";
import type { PublicCertification } from "@/lib/trust-center/types";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS_TONE: Record<CertificationStatus, BadgeTone> = {
  valid: "green",
  expiring: "amber",
  expired: "red",
  suspended: "red",
  withdrawn: "red",
};

interface Props {
  certification: PublicCertification;
  locale: Locale;
  fallbackLocale: Locale;
  /** "YYYY-MM-DD" in the tenant's time zone. */
  today: string;
  detailed?: boolean;
}

export async function CertificationCard({ certification: cert, locale, fallbackLocale, today, detailed = false }: Props) {
  const t = await getTranslations({ locale, namespace: "measures" });
  const status = certificationStatus(cert, today);
  const name = cert.framework === "CUSTOM" && cert.label ? cert.label : t(`certifications.framework.${cert.framework}`);
  const scope = pickLocalized(cert.scope, locale, fallbackLocale);
  const summary = pickLocalized(cert.summary, locale, fallbackLocale);
  // Certificate dates are calendar days: format them as such, not as instants in a zone.
  const day = (value: string) => formatDate(`${value}T12:00:00Z`, locale, "UTC");
  return (
    <article className="h-full rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="certification">
      <div className="flex items-start justify-between gap-3">
        <h2 className="text-lg font-semibold text-slate-900">{name}</h2>
        <Badge tone={STATUS_TONE[status]}>{t(`certifications.status.${status}`)}</Badge>
      </div>
      {summary && detailed ? <p className="mt-2 text-sm leading-relaxed text-slate-700" lang={summary.fallback ? summary.locale : undefined}>{summary.value}</p> : null}
      <dl className="mt-4 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm [&_dd]:break-words">
        <dt className="text-slate-600">{t("certifications.certifier")}</dt>
        <dd className="text-slate-900">{cert.certifier}</dd>
        {scope && detailed ? (
          <>
            <dt className="text-slate-600">{t("certifications.scope")}</dt>
            <dd className="text-slate-900" lang={scope.fallback ? scope.locale : undefined}>{scope.value}</dd>
          </>
        ) : null}
        {cert.certificateNumber && detailed ? (
          <>
            <dt className="text-slate-600">{t("certifications.number")}</dt>
            <dd className="font-mono text-slate-900">{cert.certificateNumber}</dd>
          </>
        ) : null}
        {detailed ? (
          <>
            <dt className="text-slate-600">{t("certifications.issued")}</dt>
            <dd className="text-slate-900">{day(cert.issuedAt)}</dd>
          </>
        ) : null}
        <dt className="text-slate-600">{t("certifications.validUntil")}</dt>
        <dd className="text-slate-900">{day(cert.validUntil)}</dd>
      </dl>
    </article>
  );
}
