import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/locales";
import type { RequestMeta } from "../request-context";

// How server actions answer a form: translated field errors with the input kept, and a single
// place that turns an unexpected exception into a generic message plus a log line with the request id.

export async function fieldErrorState(locale: Locale, fieldErrors: Record<string, string[]>, values: Record<string, string>): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "errors" });
  const translated: Record<string, string[]> = {};
  for (const [field, codes] of Object.entries(fieldErrors)) {
    translated[field] = codes.map((code) => {
      const [key, limit] = code.split(":");
      return t(`validation.${key}` as "validation.required", limit ? { max: Number(limit) } : undefined);
    });
  }
  return { status: "error", fieldErrors: translated, values };
}

export function errorState(message: string, values?: Record<string, string>, fieldErrors?: Record<string, string[]>): FormState {
  return { status: "error", message, values, fieldErrors };
}

/** For the catch block of an action: rate limits and unexpected errors; rethrows redirects. */
export async function unexpectedErrorState(error: unknown, locale: Locale, meta: RequestMeta, values?: Record<string, string>): Promise<FormState> {
  unstable_rethrow(error);
  const t = await getTranslations({ locale, namespace: "errors" });
  if (isAppError(error) && error.code === "rateLimited") {
    const seconds = Number(error.details?.retryAfterSeconds ?? 60);
    return errorState(t("rateLimited", { minutes: Math.max(1, Math.ceil(seconds / 60)) }), values);
  }
  console.error(`[action] request ${meta.requestId} failed:`, error);
  return errorState(t("generic", { requestId: meta.requestId }), values);
}
