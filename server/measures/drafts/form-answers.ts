import "server-only";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";

// The editor's forms answer in the editor's own words (messages/*/editor.json): field errors by
// their validation code, and the expected refusals of the draft rules.

export async function editorFieldErrors(locale: Locale, fieldErrors: Record<string, string[]>): Promise<Record<string, string[]>> {
  const t = await getTranslations({ locale, namespace: "editor" });
  const translated: Record<string, string[]> = {};
  for (const [field, codes] of Object.entries(fieldErrors)) {
    translated[field] = codes.map((code) => {
      const [key, limit] = code.split(":");
      return t(`validation.${key}` as "validation.required", limit ? { max: Number(limit) } : undefined);
    });
  }
  return translated;
}

const RULE_REASONS = ["notDraft", "openDraft", "noPublishedVersion", "sectionChanged"] as const;
export type RuleReason = (typeof RULE_REASONS)[number] | "notFound";

/** The reason of an expected refusal (not found, not a draft, …), or null for anything unexpected. */
export function ruleReason(error: unknown): RuleReason | null {
  if (!isAppError(error)) return null;
  if (error.code === "notFound") return "notFound";
  const reason = RULE_REASONS.find((r) => r === error.details?.reason);
  return reason ?? null;
}

export async function ruleMessage(locale: Locale, reason: RuleReason, params: { number?: number } = {}): Promise<string> {
  const t = await getTranslations({ locale, namespace: "editor" });
  return t(`errors.${reason}`, { number: params.number ?? 0 });
}
