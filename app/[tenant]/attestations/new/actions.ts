"use server";
import { redirect } from "next/navigation";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import { createAttestationRequestSchema } from "@/lib/validation/attestation-requests";
import { attestationFieldErrors, workflowRefusal } from "@/server/attestations/answer";
import { createAttestationRequest } from "@/server/attestations/create-request";
import { guardCustomerPage } from "@/server/attestations/customer-guard";
import { errorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { requestMeta } from "@/server/request-context";

// The customer's request form. The tenant comes from the route (bound by the page); the idempotency
// key from the form (generated when it rendered), so a double click or a resubmitted form lands
// on the one request it made.

/** Checkboxes arrive as several values of one field; kept as a list so the form can tick them again. */
function valuesWithCertifications(formData: FormData): Record<string, string> {
  return { ...submittedValues(formData, ["certificationIds"]), certificationIds: formData.getAll("certificationIds").filter((v) => typeof v === "string").join(",") };
}

export async function createAttestationRequestAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await guardCustomerPage(slug, `/${slug}/attestations/new`);
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = valuesWithCertifications(formData);
  const parsed = parseForm(createAttestationRequestSchema, formData);
  if (!parsed.ok) return attestationFieldErrors(locale, parsed.fieldErrors, values);
  let created;
  try {
    const { user } = access.session;
    created = await createAttestationRequest({ tenant: access.tenant, requester: { id: user.id, email: user.email, name: user.name }, data: parsed.data, meta });
  } catch (error) {
    const refusal = await workflowRefusal(error, locale);
    if (refusal) return errorState(refusal.message, values, refusal.field ? { [refusal.field]: [refusal.message] } : undefined);
    return unexpectedErrorState(error, locale, meta, values);
  }
  const notice = !created.created ? "duplicate" : created.automatic ? "issued" : "submitted";
  redirect(`/account/attestations?notice=${notice}&request=${created.requestId}#request-${created.requestId}`);
}
