"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import { createWebhookSchema, deleteWebhookSchema } from "@/lib/validation/webhooks";
import { guardConsolePage } from "@/server/auth/page-guard";
import { errorState, fieldErrorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { requestMeta } from "@/server/request-context";
import { createWebhookEndpoint, deleteWebhookEndpoint } from "@/server/webhooks/endpoints";

// The webhooks page's actions (webhooks.manage). The tenant slug is bound by the page; an endpoint
// id is looked up inside that tenant only (another tenant's is "not found").
const webhooksPath = (slug: string) => `/${slug}/admin/webhooks`;

/** A success answer that carries the new endpoint's secret, shown once by the form. */
export type CreateWebhookState = FormState & { secret?: string };

export async function createWebhookAction(slug: string, _previous: CreateWebhookState, formData: FormData): Promise<CreateWebhookState> {
  const access = await guardConsolePage(slug, "webhooks.manage", webhooksPath(slug));
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = { ...submittedValues(formData, ["events"]), events: formData.getAll("events").filter((v) => typeof v === "string").join(",") };
  const parsed = parseForm(createWebhookSchema, formData);
  const t = await getTranslations({ locale, namespace: "webhooks" });
  if (!parsed.ok) {
    // "url" and "events" are said in this page's words; "required"/"tooLong" as every form says them.
    const { events, ...others } = parsed.fieldErrors;
    const urlInvalid = others.url?.[0] === "url";
    if (urlInvalid) delete others.url;
    const state = await fieldErrorState(locale, others, values);
    state.fieldErrors = { ...state.fieldErrors, ...(urlInvalid ? { url: [t("form.urlInvalid")] } : {}), ...(events ? { events: [t("form.eventsRequired")] } : {}) };
    return state;
  }
  try {
    const { secret } = await createWebhookEndpoint(access, parsed.data, meta);
    revalidatePath(webhooksPath(slug));
    return { status: "success", message: t("form.created"), secret };
  } catch (error) {
    if (isAppError(error) && error.details?.reason === "privateAddress") return errorState(t("form.privateAddress"), values, { url: [t("form.privateAddress")] });
    return unexpectedErrorState(error, locale, meta, values);
  }
}

export async function deleteWebhookAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await guardConsolePage(slug, "webhooks.manage", webhooksPath(slug));
  const locale = await appLocale();
  const meta = await requestMeta();
  const t = await getTranslations({ locale, namespace: "webhooks" });
  const parsed = parseForm(deleteWebhookSchema, formData);
  if (!parsed.ok) return errorState(t("list.notFound"));
  try {
    await deleteWebhookEndpoint(access, parsed.data.endpointId, meta);
  } catch (error) {
    if (isAppError(error) && error.code === "notFound") return errorState(t("list.notFound"));
    return unexpectedErrorState(error, locale, meta);
  }
  revalidatePath(webhooksPath(slug));
  return { status: "success", message: t("list.removed") };
}
