import "server-only";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/locales";
import { fieldErrorState } from "../forms/answer";

/** Field errors of the subscription forms: "topics" in this feature's words, the rest as every form says them. */
export async function subscriptionFieldErrors(locale: Locale, fieldErrors: Record<string, string[]>, values: Record<string, string>): Promise<FormState> {
  const { topics, ...others } = fieldErrors;
  const state = await fieldErrorState(locale, others, values);
  if (topics) {
    const t = await getTranslations({ locale, namespace: "subscriptions" });
    state.fieldErrors = { ...state.fieldErrors, topics: [t("form.topicsRequired")] };
  }
  return state;
}

/** Topics arrive as several values of one field; kept as a list so the form can tick them again. */
export function valuesWithTopics(formData: FormData, values: Record<string, string>): Record<string, string> {
  return { ...values, topics: formData.getAll("topics").filter((v) => typeof v === "string").join(",") };
}
