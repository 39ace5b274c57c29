"use server";
import { getTranslations } from "next-intl/server";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import { subscribeSchema, subscriptionTokenSchema } from "@/lib/validation/subscriptions";
import { errorState, unexpectedErrorState } from "@/server/forms/answer";
import { requestMeta } from "@/server/request-context";
import { subscriptionFieldErrors, valuesWithTopics } from "@/server/subscriptions/form-answer";
import { confirmSubscription, requestSubscription } from "@/server/subscriptions/subscribe";
import { findTenant, resolveLocale } from "@/server/trust-center/page-context";

// The trust center's subscribe form and the confirmation button. Public: no session, no cookie.
// The tenant comes from the route (bound by the page); the answer to a subscription is the same
// whether or not the address was already subscribed.

export async function subscribeAction(slug: string, lang: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const tenant = await findTenant(slug);
  const locale = resolveLocale(lang, tenant);
  const meta = await requestMeta();
  const values = valuesWithTopics(formData, submittedValues(formData, ["topics"]));
  const parsed = parseForm(subscribeSchema, formData);
  if (!parsed.ok) return subscriptionFieldErrors(locale, parsed.fieldErrors, values);
  const t = await getTranslations({ locale, namespace: "subscriptions" });
  if (!tenant) return errorState(t("unsubscribe.unknown"), values);
  try {
    await requestSubscription({ tenantId: tenant.id, ...parsed.data, ip: meta.ip });
  } catch (error) {
    return unexpectedErrorState(error, locale, meta, values);
  }
  return { status: "success", message: t("form.sent", { email: parsed.data.email }) };
}

export async function confirmSubscriptionAction(slug: string, lang: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const tenant = await findTenant(slug);
  const locale = resolveLocale(lang, tenant);
  const t = await getTranslations({ locale, namespace: "subscriptions" });
  const parsed = parseForm(subscriptionTokenSchema, formData);
  if (!parsed.ok || !tenant) return errorState(t("confirm.unknown"));
  const meta = await requestMeta();
  try {
    const outcome = await confirmSubscription(tenant.id, parsed.data.token);
    if (outcome === "confirmed") return { status: "success", message: t("confirm.confirmed") };
    return errorState(t(outcome === "expired" ? "confirm.expired" : "confirm.unknown"));
  } catch (error) {
    return unexpectedErrorState(error, locale, meta);
  }
}
