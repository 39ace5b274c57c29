import "server-only";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/locales";
import { fieldErrorState } from "../forms/answer";

// Field errors of the certification and NDA forms: "!key" codes are the feature's own messages
// (<namespace>.validation.key), the rest the shared errors.validation ones.

export async function featureFieldErrorState(
  locale: Locale,
  namespace: "certifications" | "nda",
  fieldErrors: Record<string, string[]>,
  values: Record<string, string>,
): Promise<FormState> {
  const shared: Record<string, string[]> = {};
  const own: Record<string, string[]> = {};
  for (const [field, codes] of Object.entries(fieldErrors)) {
    for (const code of codes) (code.startsWith("!") ? own : shared)[field] = [...((code.startsWith("!") ? own : shared)[field] ?? []), code];
  }
  const state = await fieldErrorState(locale, shared, values);
  const t = await getTranslations({ locale, namespace });
  for (const [field, codes] of Object.entries(own)) {
    state.fieldErrors![field] = [...(state.fieldErrors![field] ?? []), ...codes.map((code) => t(`validation.${code.slice(1)}` as "validation.date"))];
  }
  return state;
}
