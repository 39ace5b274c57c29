"use server";
import { getTranslations } from "next-intl/server";
import { parseForm, type FormState } from "@/lib/forms";
import { subscriptionTokenSchema } from "@/lib/validation/subscriptions";
import { errorState, unexpectedErrorState } from "@/server/forms/answer";
import { requestMeta } from "@/server/request-context";
import { unsubscribeWithToken } from "@/server/subscriptions/subscribe";
import { findTenant, resolveLocale } from "@/server/trust-center/page-context";

/** The unsubscribe page's button (the link in an email only opens the page). Public, token only. */
export async function unsubscribeAction(slug: string, lang: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const tenant = await findTenant(slug);
  const locale = resolveLocale(lang, tenant);
  const t = await getTranslations({ locale, namespace: "subscriptions" });
  const parsed = parseForm(subscriptionTokenSchema, formData);
  if (!parsed.ok || !tenant) return errorState(t("unsubscribe.unknown"));
  const meta = await requestMeta();
  try {
    const outcome = await unsubscribeWithToken(tenant.id, parsed.data.token);
    return outcome === "unsubscribed" ? { status: "success", message: t("unsubscribe.done") } : errorState(t("unsubscribe.unknown"));
  } catch (error) {
    return unexpectedErrorState(error, locale, meta);
  }
}
