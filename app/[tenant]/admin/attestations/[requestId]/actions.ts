"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import { requestActionSchema, requestMessageSchema } from "@/lib/validation/attestation-requests";
import { attestationFieldErrors, workflowRefusal } from "@/server/attestations/answer";
import { decideRequest, type ReviewerTransition } from "@/server/attestations/decide";
import { guardConsolePage } from "@/server/auth/page-guard";
import { errorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { staffActor } from "@/server/members/context";
import { requestMeta } from "@/server/request-context";

// The reviewer's decisions on one request. The tenant slug is bound by the page from its route; the
// request id comes from the form and is looked up in that tenant only (another tenant's is "not found").

const NEEDS_MESSAGE: readonly ReviewerTransition[] = ["requestInformation", "reject", "revoke"];

async function decide(slug: string, name: ReviewerTransition, formData: FormData): Promise<FormState> {
  const access = await guardConsolePage(slug, "attestations.review", `/${slug}/admin/attestations`);
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData);
  const parsed = NEEDS_MESSAGE.includes(name) ? parseForm(requestMessageSchema, formData) : parseForm(requestActionSchema, formData);
  if (!parsed.ok) return attestationFieldErrors(locale, parsed.fieldErrors, values);
  try {
    const message = "message" in parsed.data && typeof parsed.data.message === "string" ? parsed.data.message : null;
    await decideRequest({ tenant: access.tenant, actor: { ...staffActor(access), name: access.session.user.name }, requestId: parsed.data.requestId, revision: parsed.data.revision, name, message, meta });
  } catch (error) {
    const refusal = await workflowRefusal(error, locale);
    if (refusal) return errorState(refusal.message, values, refusal.field ? { [refusal.field]: [refusal.message] } : undefined);
    return unexpectedErrorState(error, locale, meta, values);
  }
  revalidatePath(`/${slug}/admin/attestations`);
  revalidatePath(`/${slug}/admin/attestations/${parsed.data.requestId}`);
  const t = await getTranslations({ locale, namespace: "attestations" });
  return { status: "success", message: t(`detail.done.${name}`) };
}

export async function startReviewAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return decide(slug, "startReview", formData);
}

export async function requestInformationAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return decide(slug, "requestInformation", formData);
}

export async function approveAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return decide(slug, "approve", formData);
}

export async function rejectAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return decide(slug, "reject", formData);
}

export async function revokeAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return decide(slug, "revoke", formData);
}
