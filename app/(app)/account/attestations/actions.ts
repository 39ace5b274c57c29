"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import { requestActionSchema, requestMessageSchema } from "@/lib/validation/attestation-requests";
import { attestationFieldErrors, workflowRefusal } from "@/server/attestations/answer";
import { customerDecision, type CustomerTransition } from "@/server/attestations/decide";
import { guardAccountPage } from "@/server/auth/page-guard";
import { errorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { requestMeta } from "@/server/request-context";

// The customer's steps on their own requests (/account/attestations): withdraw while open, answer a
// question. The request is looked up among the signed-in user's own; anyone else's is "not found".

const PATH = "/account/attestations";

async function customerStep(name: CustomerTransition, formData: FormData): Promise<FormState> {
  const { session } = await guardAccountPage(PATH);
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData);
  const parsed = name === "answer" ? parseForm(requestMessageSchema, formData) : parseForm(requestActionSchema, formData);
  if (!parsed.ok) return attestationFieldErrors(locale, parsed.fieldErrors, values);
  try {
    const { user } = session;
    const message = "message" in parsed.data && typeof parsed.data.message === "string" ? parsed.data.message : null;
    await customerDecision({ user: { id: user.id, email: user.email, name: user.name }, requestId: parsed.data.requestId, revision: parsed.data.revision, name, message, meta });
  } catch (error) {
    const refusal = await workflowRefusal(error, locale);
    if (refusal) return errorState(refusal.message, values, refusal.field ? { [refusal.field]: [refusal.message] } : undefined);
    return unexpectedErrorState(error, locale, meta, values);
  }
  revalidatePath(PATH);
  const t = await getTranslations({ locale, namespace: "attestations" });
  return { status: "success", message: t(name === "answer" ? "account.answered" : "account.withdrawn") };
}

export async function withdrawAttestationRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return customerStep("withdraw", formData);
}

export async function answerAttestationRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return customerStep("answer", formData);
}
