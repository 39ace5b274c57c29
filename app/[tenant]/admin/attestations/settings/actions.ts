"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import { attestationSettingsSchema } from "@/lib/validation/attestation-settings";
import { ndaTextSchema } from "@/lib/validation/nda";
import { guardConsolePage } from "@/server/auth/page-guard";
import { featureFieldErrorState } from "@/server/certifications/form-answer";
import { errorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { staffActor } from "@/server/members/context";
import { saveAttestationSettings } from "@/server/nda/attestation-settings";
import { correctNdaVersion, publishNdaVersion } from "@/server/nda/versions";
import { requestMeta } from "@/server/request-context";

// The attestation settings page's actions (ADMIN, OWNER): the NDA text and the request settings.

const settingsPath = (slug: string) => `/${slug}/admin/attestations/settings`;
const guard = (slug: string) => guardConsolePage(slug, "attestations.settings", settingsPath(slug));

export async function saveNdaAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await guard(slug);
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData);
  const parsed = parseForm(ndaTextSchema, formData);
  if (!parsed.ok) return featureFieldErrorState(locale, "nda", parsed.fieldErrors, values);
  const t = await getTranslations({ locale, namespace: "nda" });
  const text = { de: parsed.data.textDe, en: parsed.data.textEn };
  const input = { tenant: access.tenant, actor: staffActor(access), text, meta };
  let message: string;
  try {
    if (parsed.data.intent === "correct" && parsed.data.number) {
      await correctNdaVersion({ ...input, number: parsed.data.number });
      message = t("editor.corrected", { number: parsed.data.number });
    } else {
      const result = await publishNdaVersion(input);
      message = t(result.created ? "editor.published" : "editor.unchanged", { number: result.number });
    }
  } catch (error) {
    if (isAppError(error) && error.code === "conflict") return errorState(t(error.details?.reason === "locked" ? "validation.locked" : "validation.outdated"), values);
    return unexpectedErrorState(error, locale, meta, values);
  }
  revalidatePath(settingsPath(slug));
  return { status: "success", message };
}

export async function saveAttestationSettingsAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await guard(slug);
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData);
  const parsed = parseForm(attestationSettingsSchema, formData);
  if (!parsed.ok) return featureFieldErrorState(locale, "nda", parsed.fieldErrors, values);
  let changed: string[];
  try {
    changed = await saveAttestationSettings({ tenant: access.tenant, actor: staffActor(access), settings: parsed.data, meta });
  } catch (error) {
    return unexpectedErrorState(error, locale, meta, values);
  }
  revalidatePath(settingsPath(slug));
  const t = await getTranslations({ locale, namespace: "nda" });
  return { status: "success", message: t(changed.length > 0 ? "form.saved" : "form.unchanged") };
}
