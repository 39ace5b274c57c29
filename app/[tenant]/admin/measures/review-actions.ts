"use server";
import { revalidatePath, revalidateTag } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/dates";
import { AuthorizationError, isAppError } from "@/lib/errors";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/locales";
import { approveVersionSchema, returnDraftSchema, submitForReviewSchema } from "@/lib/validation/publishing";
import { guardConsolePage } from "@/server/auth/page-guard";
import { errorState, fieldErrorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { workflowActor } from "@/server/measures/workflow/context";
import { approveAndPublish } from "@/server/measures/workflow/publish-version";
import { returnDraft } from "@/server/measures/workflow/return-draft";
import { submitForReview } from "@/server/measures/workflow/submit-for-review";
import { requestMeta } from "@/server/request-context";
import { tenantTag } from "@/server/trust-center/cache-tags";

// The review actions of a draft's page (components/measures-editor/workflow-panel.tsx): submit
// (editors), return and approve (approvers). The tenant slug is bound by the page from its route and
// goes through the guard; the rules (transition table, four eyes, notice period) are the server's.

const draftPath = (slug: string, versionId: string) => `/${slug}/admin/measures/drafts/${versionId}`;
const reviewPath = (slug: string) => `/${slug}/admin/measures/review`;

/** The workflow's expected refusals as a form answer: a message, or an error at the field it concerns. */
async function refusal(error: unknown, locale: Locale, values: Record<string, string>): Promise<FormState | null> {
  const t = await getTranslations({ locale, namespace: "publishing" });
  if (error instanceof AuthorizationError && error.code === "forbidden") return errorState(t("errors.forbidden"), values);
  if (!isAppError(error)) return null;
  if (error.code === "notFound") return errorState(t("errors.notFound"), values);
  const reason = String(error.details?.reason ?? "");
  const field = typeof error.details?.field === "string" ? error.details.field : null;
  const date = typeof error.details?.earliest === "string" ? formatDateTime(error.details.earliest, locale, String(error.details.timeZone ?? "UTC")) : "";
  const message =
    reason === "status" ? t("errors.status")
    : reason === "resubmitted" ? t("errors.resubmitted")
    : reason === "superseded" ? t("errors.superseded")
    : reason === "empty" ? t("errors.empty")
    : reason === "incompleteLocales" ? t("errors.incompleteLocales", { locales: String(error.details?.locales ?? "") })
    : reason === "effectiveAtFormat" ? t("errors.effectiveAtFormat")
    : reason === "past" ? t("errors.past")
    : reason === "notice" ? t("errors.notice", { days: Number(error.details?.days ?? 0), date })
    : reason === "beforePrevious" ? t("errors.beforePrevious", { date })
    : reason === "materialDecision" ? t("errors.materialDecision")
    : null;
  if (!message) return null;
  return errorState(message, values, field ? { [field]: [message] } : undefined);
}

export async function submitForReviewAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const parsed = parseForm(submitForReviewSchema, formData);
  const access = await guardConsolePage(slug, "measures.edit", parsed.ok ? draftPath(slug, parsed.data.versionId) : `/${slug}/admin/measures`);
  const locale = await appLocale();
  const meta = await requestMeta();
  if (!parsed.ok) return fieldErrorState(locale, parsed.fieldErrors, values);
  let number: number;
  try {
    ({ number } = await submitForReview({ tenant: access.tenant, actor: workflowActor(access), versionId: parsed.data.versionId, meta }));
  } catch (error) {
    return (await refusal(error, locale, values)) ?? unexpectedErrorState(error, locale, meta, values);
  }
  revalidatePath(draftPath(slug, parsed.data.versionId));
  const t = await getTranslations({ locale, namespace: "publishing" });
  return { status: "success", message: t("submit.done", { number }) };
}

export async function returnDraftAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const parsed = parseForm(returnDraftSchema, formData);
  const access = await guardConsolePage(slug, "measures.approve", parsed.ok ? draftPath(slug, parsed.data.versionId) : reviewPath(slug));
  const locale = await appLocale();
  const meta = await requestMeta();
  if (!parsed.ok) return fieldErrorState(locale, parsed.fieldErrors, values);
  let number: number;
  try {
    ({ number } = await returnDraft({ tenant: access.tenant, actor: workflowActor(access), meta, ...parsed.data }));
  } catch (error) {
    return (await refusal(error, locale, values)) ?? unexpectedErrorState(error, locale, meta, values);
  }
  revalidatePath(draftPath(slug, parsed.data.versionId));
  const t = await getTranslations({ locale, namespace: "publishing" });
  return { status: "success", message: t("return.done", { number }) };
}

export async function approveVersionAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const parsed = parseForm(approveVersionSchema, formData);
  const access = await guardConsolePage(slug, "measures.approve", parsed.ok ? draftPath(slug, parsed.data.versionId) : reviewPath(slug));
  const locale = await appLocale();
  const meta = await requestMeta();
  if (!parsed.ok) return fieldErrorState(locale, parsed.fieldErrors, values);
  const form = parsed.data;
  let published;
  try {
    published = await approveAndPublish({
      tenant: access.tenant,
      actor: workflowActor(access),
      meta,
      versionId: form.versionId,
      submission: form.submission,
      effectiveAt: form.effective === "scheduled" ? (form.effectiveAt ?? "") : null,
      materialDecision: form.material ?? null,
      comment: form.comment || null,
    });
  } catch (error) {
    return (await refusal(error, locale, values)) ?? unexpectedErrorState(error, locale, meta, values);
  }
  // Committed: exactly this tenant's public pages show the new version from the next request on.
  revalidateTag(tenantTag(published.slug), { expire: 0 });
  revalidatePath(reviewPath(slug));
  const scheduled = published.effectiveAt > published.publishedAt;
  redirect(`${reviewPath(slug)}?${new URLSearchParams({ notice: scheduled ? "scheduled" : "published", version: String(published.number) })}`);
}
