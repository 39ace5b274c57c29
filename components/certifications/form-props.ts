import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { CERTIFICATION_FRAMEWORKS } from "@/lib/validation/certifications";
import type { ConsoleCertification } from "@/server/certifications/queries";
import type { CertificationFormLabels } from "./certification-form";

// What the certification form needs from the server: translated labels, the framework choices and
// a stored certification as form values.

export async function frameworkOptions(locale: Locale) {
  const t = await getTranslations({ locale, namespace: "measures" });
  return CERTIFICATION_FRAMEWORKS.map((value) => ({ value, label: t(`certifications.framework.${value}`) }));
}

export async function certificationName(cert: Pick<ConsoleCertification, "framework" | "label">, locale: Locale): Promise<string> {
  if (cert.framework === "CUSTOM" && cert.label) return cert.label;
  const t = await getTranslations({ locale, namespace: "measures" });
  return t(`certifications.framework.${cert.framework}`);
}

export async function certificationFormLabels(locale: Locale, mode: "create" | "edit"): Promise<CertificationFormLabels> {
  const t = await getTranslations({ locale, namespace: "certifications" });
  return {
    framework: t("form.framework"),
    label: t("form.label"),
    labelHint: t("form.labelHint"),
    certifier: t("form.certifier"),
    certificateNumber: t("form.certificateNumber"),
    issuedAt: t("form.issuedAt"),
    validUntil: t("form.validUntil"),
    status: t("form.status"),
    statusHint: t("form.statusHint"),
    suspended: t("form.suspended"),
    withdrawn: t("form.withdrawn"),
    scope: t("form.scope"),
    summary: t("form.summary"),
    german: t("form.german"),
    english: t("form.english"),
    submit: t(mode === "create" ? "form.create" : "form.save"),
    pending: t("form.saving"),
  };
}

export function certificationFormValues(cert: ConsoleCertification): Record<string, string> {
  return {
    framework: cert.framework,
    label: cert.label ?? "",
    certifier: cert.certifier,
    certificateNumber: cert.certificateNumber ?? "",
    issuedAt: cert.issuedAt,
    validUntil: cert.validUntil,
    ...(cert.suspended ? { suspended: "on" } : {}),
    ...(cert.withdrawn ? { withdrawn: "on" } : {}),
    scopeDe: cert.scope.de ?? "",
    scopeEn: cert.scope.en ?? "",
    summaryDe: cert.summary.de ?? "",
    summaryEn: cert.summary.en ?? "",
  };
}
