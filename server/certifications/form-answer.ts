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
    state.fieldErrors![field] = [...(state.fieldErrors![field] ?? []), ...codes.map((code) => translate(t as unknown as Translate, code.slice(1)))];
  }
  return state;
}

type Translate = (key: string, values?: Record<string, string>) => string;

/** "key" or "key:value"; a value "min-max" also fills {min} and {max}. */
function translate(t: Translate, code: string): string {
  const colon = code.indexOf(":");
  if (colon < 0) return t(`validation.${code}`);
  const value = code.slice(colon + 1);
  const range = /^(\d+)-(\d+)$/.exec(value);
  return t(`validation.${code.slice(0, colon)}`, { value, ...(range ? { min: range[1]!, max: range[2]! } : {}) });
}
