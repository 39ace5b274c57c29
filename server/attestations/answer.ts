import "server-only";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/locales";

// The workflow's refusals as a form shows them: field errors translated from the workflow's own
// catalog first (attestations.validation), then the shared one (errors.validation); rule refusals
// (AppError details.reason) as the catalog's sentence.

export async function attestationFieldErrors(locale: Locale, fieldErrors: Record<string, string[]>, values: Record<string, string>): Promise<FormState> {
  const own = await getTranslations({ locale, namespace: "attestations" });
  const shared = await getTranslations({ locale, namespace: "errors" });
  const translated: Record<string, string[]> = {};
  for (const [field, codes] of Object.entries(fieldErrors)) {
    translated[field] = codes.map((code) => {
      const [key = "required", limit] = code.split(":");
      const ownKey = `validation.${key}` as "validation.notFound";
      if (own.has(ownKey)) return own(ownKey);
      return shared(`validation.${key}` as "validation.required", limit ? { max: Number(limit) } : undefined);
    });
  }
  return { status: "error", fieldErrors: translated, values };
}

const REASONS = ["illegalTransition", "stale", "ndaRequired", "openLimit", "certificationUnavailable", "certificationNotValid", "messageRequired"] as const;

/** The translated refusal of a workflow rule, with the field it belongs to; null for anything unexpected. */
export async function workflowRefusal(error: unknown, locale: Locale): Promise<{ message: string; field?: string } | null> {
  if (!isAppError(error)) return null;
  const t = await getTranslations({ locale, namespace: "attestations" });
  if (error.code === "notFound") return { message: t("errors.notFound") };
  if (error.code === "forbidden" && error.name !== "AuthorizationError") return { message: t("errors.forbidden") };
  const reason = REASONS.find((r) => r === error.details?.reason);
  if (!reason) return null;
  const state = typeof error.details?.state === "string" ? t(`state.${error.details.state}` as "state.SUBMITTED") : "";
  const limit = Number(error.details?.limit ?? 0);
  const field = typeof error.details?.field === "string" ? error.details.field : undefined;
  return { message: t(`errors.${reason}`, { state, limit }), field };
}
