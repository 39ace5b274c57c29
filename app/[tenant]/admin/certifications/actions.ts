"use server";
import { revalidatePath, revalidateTag } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formatFileSize } from "@/components/certifications/format-size";
import { isAppError } from "@/lib/errors";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import { certificationData, certificationIdSchema, certificationSchema } from "@/lib/validation/certifications";
import { guardConsolePage } from "@/server/auth/page-guard";
import { certificateFilename, checkCertificatePdf } from "@/server/certifications/certificate-pdf";
import { featureFieldErrorState } from "@/server/certifications/form-answer";
import { createCertification, removeCertificateFile, storeCertificateFile, updateCertification } from "@/server/certifications/mutations";
import { errorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { staffActor } from "@/server/members/context";
import { requestMeta } from "@/server/request-context";
import { tenantTag } from "@/server/trust-center/cache-tags";

// The certifications console's actions: parse → guard → server/certifications → revalidate the
// tenant's public pages (after the commit, so the next visitor sees the change).

const listPath = (slug: string) => `/${slug}/admin/certifications`;
const editPath = (slug: string, id: string) => `${listPath(slug)}/${id}`;
const guard = (slug: string) => guardConsolePage(slug, "certifications.manage", listPath(slug));

function published(slug: string, id?: string) {
  revalidateTag(tenantTag(slug), { expire: 0 });
  revalidatePath(listPath(slug));
  if (id) revalidatePath(editPath(slug, id));
}

export async function createCertificationAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await guard(slug);
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData);
  const parsed = parseForm(certificationSchema, formData);
  if (!parsed.ok) return featureFieldErrorState(locale, "certifications", parsed.fieldErrors, values);
  let id: string;
  try {
    ({ id } = await createCertification({ tenant: access.tenant, actor: staffActor(access), data: certificationData(parsed.data), meta }));
  } catch (error) {
    return unexpectedErrorState(error, locale, meta, values);
  }
  published(slug);
  redirect(`${editPath(slug, id)}?notice=created`);
}

export async function updateCertificationAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await guard(slug);
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData);
  const t = await getTranslations({ locale, namespace: "certifications" });
  const id = parseForm(certificationIdSchema, formData);
  if (!id.ok) return errorState(t("notice.notFound"), values);
  const parsed = parseForm(certificationSchema, formData);
  if (!parsed.ok) return featureFieldErrorState(locale, "certifications", parsed.fieldErrors, values);
  let changed: boolean;
  try {
    ({ changed } = await updateCertification({ tenant: access.tenant, actor: staffActor(access), certificationId: id.data.certificationId, data: certificationData(parsed.data), meta }));
  } catch (error) {
    if (isAppError(error) && error.code === "notFound") return errorState(t("notice.notFound"), values);
    return unexpectedErrorState(error, locale, meta, values);
  }
  if (changed) published(slug, id.data.certificationId);
  // The form keeps showing what was saved.
  return { status: "success", message: t(changed ? "notice.saved" : "notice.unchanged"), values };
}

export async function uploadCertificateAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await guard(slug);
  const locale = await appLocale();
  const meta = await requestMeta();
  const t = await getTranslations({ locale, namespace: "certifications" });
  const id = parseForm(certificationIdSchema, formData);
  if (!id.ok) return errorState(t("notice.notFound"));
  const file = formData.get("certificate");
  const checked = file instanceof File ? await checkCertificatePdf({ size: file.size, bytes: async () => new Uint8Array(await file.arrayBuffer()) }) : ({ ok: false, problem: "pdfMissing" } as const);
  if (!checked.ok) return { status: "error", fieldErrors: { certificate: [t(`validation.${checked.problem}`)] } };
  let size: number;
  try {
    ({ size } = await storeCertificateFile({
      tenant: access.tenant,
      actor: staffActor(access),
      certificationId: id.data.certificationId,
      filename: certificateFilename((file as File).name),
      data: checked.data,
      meta,
    }));
  } catch (error) {
    if (isAppError(error) && error.code === "notFound") return errorState(t("notice.notFound"));
    return unexpectedErrorState(error, locale, meta);
  }
  revalidatePath(editPath(slug, id.data.certificationId));
  revalidatePath(listPath(slug));
  return { status: "success", message: t("notice.uploaded", { size: formatFileSize(size, locale) }) };
}

export async function removeCertificateAction(slug: string, formData: FormData): Promise<void> {
  const access = await guard(slug);
  const id = parseForm(certificationIdSchema, formData);
  if (!id.ok) redirect(`${listPath(slug)}?notice=notFound`);
  try {
    await removeCertificateFile({ tenant: access.tenant, actor: staffActor(access), certificationId: id.data.certificationId, meta: await requestMeta() });
  } catch (error) {
    if (isAppError(error) && error.code === "notFound") redirect(`${listPath(slug)}?notice=notFound`);
    throw error;
  }
  revalidatePath(editPath(slug, id.data.certificationId));
  redirect(`${editPath(slug, id.data.certificationId)}?notice=removed`);
}
