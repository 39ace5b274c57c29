"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";
import { parseForm, submittedValues } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/locales";
import { addSectionSchema, changeSummarySchema, moveSectionSchema, removeSectionSchema, saveSectionSchema, versionIdSchema } from "@/lib/validation/measures-editor";
import type { SectionFormState, SummaryFormState } from "@/lib/validation/measures-editor-state";
import { guardConsolePage } from "@/server/auth/page-guard";
import { errorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { draftActor } from "@/server/measures/drafts/context";
import { discardDraft } from "@/server/measures/drafts/create-draft";
import { editorFieldErrors, ruleMessage, ruleReason } from "@/server/measures/drafts/form-answers";
import { addSection, moveSection, removeSection, saveSection } from "@/server/measures/drafts/sections";
import { saveChangeSummary } from "@/server/measures/drafts/summary";
import type { RequestMeta } from "@/server/request-context";
import { requestMeta } from "@/server/request-context";

// The draft editor's actions. The tenant comes from the route slug the page binds (through the
// guard); the draft is named by the form and looked up in that tenant only. Every answer keeps
// what the editor typed.

const measuresPath = (slug: string) => `/${slug}/admin/measures`;
const draftPath = (slug: string, versionId: string) => `${measuresPath(slug)}/drafts/${versionId}`;
const guard = (slug: string) => guardConsolePage(slug, "measures.edit", measuresPath(slug));

/** An expected refusal as a form message (with the field it concerns), anything else as the generic error. */
async function refusal(error: unknown, locale: Locale, meta: RequestMeta, values: Record<string, string>) {
  if (isAppError(error) && error.code === "invalid" && typeof error.details?.field === "string") {
    const [message] = (await editorFieldErrors(locale, { [error.details.field]: [String(error.details.reason ?? "required")] }))[error.details.field]!;
    const t = await getTranslations({ locale, namespace: "editor" });
    return errorState(t("errors.invalid"), values, { [error.details.field]: [message!] });
  }
  const reason = ruleReason(error);
  if (reason) return errorState(await ruleMessage(locale, reason), values);
  return unexpectedErrorState(error, locale, meta, values);
}

export async function saveSectionAction(slug: string, _previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const access = await guard(slug);
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData);
  const submittedRevision = Number(values.revision);
  const revision = Number.isInteger(submittedRevision) ? submittedRevision : undefined;
  const parsed = parseForm(saveSectionSchema, formData);
  if (!parsed.ok) return { status: "error", fieldErrors: await editorFieldErrors(locale, parsed.fieldErrors), values, revision };
  let result;
  try {
    result = await saveSection({ tenant: access.tenant, actor: draftActor(access), meta, ...parsed.data });
  } catch (error) {
    return { ...(await refusal(error, locale, meta, values)), revision };
  }
  if (!result.ok) {
    const theirs = result.conflict ? { ...result.conflict, updatedAt: result.conflict.updatedAt.toISOString() } : null;
    // The next save names their revision: saving the merged text then replaces theirs deliberately.
    return { status: "error", values, revision: theirs?.revision ?? revision, conflict: { theirs } };
  }
  revalidatePath(draftPath(slug, parsed.data.versionId), "layout");
  const t = await getTranslations({ locale, namespace: "editor" });
  return { status: "success", message: t("editor.saved"), values: { ...values, changeKind: result.changeKind ?? "" }, revision: result.revision };
}

export async function saveChangeSummaryAction(slug: string, _previous: SummaryFormState, formData: FormData): Promise<SummaryFormState> {
  const access = await guard(slug);
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData);
  const revision = Number.isInteger(Number(values.revision)) ? Number(values.revision) : undefined;
  const parsed = parseForm(changeSummarySchema, formData);
  if (!parsed.ok) return { status: "error", fieldErrors: await editorFieldErrors(locale, parsed.fieldErrors), values, revision };
  let result;
  try {
    result = await saveChangeSummary({
      tenant: access.tenant,
      actor: draftActor(access),
      meta,
      versionId: parsed.data.versionId,
      revision: parsed.data.revision,
      changeSummary: { de: parsed.data.summary_de, en: parsed.data.summary_en },
    });
  } catch (error) {
    return { ...(await refusal(error, locale, meta, values)), revision };
  }
  const t = await getTranslations({ locale, namespace: "editor" });
  if (!result.ok) return { status: "error", message: t("summary.conflict"), values, revision: result.conflict.revision, conflict: { theirs: result.conflict.changeSummary } };
  revalidatePath(draftPath(slug, parsed.data.versionId));
  return { status: "success", message: t("summary.saved"), values, revision: result.revision };
}

export async function addSectionAction(slug: string, _previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const access = await guard(slug);
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = submittedValues(formData);
  const parsed = parseForm(addSectionSchema, formData);
  if (!parsed.ok) return { status: "error", fieldErrors: await editorFieldErrors(locale, parsed.fieldErrors), values };
  try {
    await addSection({ tenant: access.tenant, actor: draftActor(access), meta, ...parsed.data });
  } catch (error) {
    return refusal(error, locale, meta, values);
  }
  revalidatePath(draftPath(slug, parsed.data.versionId), "layout");
  const t = await getTranslations({ locale, namespace: "editor" });
  // The form starts empty again: the section is in the list now.
  return { status: "success", message: t("sections.added") };
}

/** Buttons without a form state: refusals come back as ?error= on the draft page. */
async function structureChange(slug: string, versionId: string, change: () => Promise<void>, notice: string): Promise<void> {
  try {
    await change();
  } catch (error) {
    const reason = ruleReason(error);
    if (reason === "notFound") redirect(`${measuresPath(slug)}?error=notFound`);
    if (reason) redirect(`${draftPath(slug, versionId)}?error=${reason}`);
    throw error;
  }
  revalidatePath(draftPath(slug, versionId), "layout");
  redirect(`${draftPath(slug, versionId)}?notice=${notice}`);
}

export async function moveSectionAction(slug: string, formData: FormData): Promise<void> {
  const access = await guard(slug);
  const parsed = parseForm(moveSectionSchema, formData);
  // A malformed form comes from no page of ours: back to the list.
  if (!parsed.ok) redirect(measuresPath(slug));
  const meta = await requestMeta();
  await structureChange(slug, parsed.data.versionId, () => moveSection({ tenant: access.tenant, actor: draftActor(access), meta, ...parsed.data }), "moved");
}

export async function removeSectionAction(slug: string, formData: FormData): Promise<void> {
  const access = await guard(slug);
  const parsed = parseForm(removeSectionSchema, formData);
  if (!parsed.ok) redirect(measuresPath(slug));
  const meta = await requestMeta();
  await structureChange(slug, parsed.data.versionId, () => removeSection({ tenant: access.tenant, actor: draftActor(access), meta, ...parsed.data }), "removed");
}

export async function discardDraftAction(slug: string, formData: FormData): Promise<void> {
  const access = await guard(slug);
  const parsed = parseForm(versionIdSchema, formData);
  if (!parsed.ok) redirect(measuresPath(slug));
  let number: number;
  try {
    ({ number } = await discardDraft({ tenant: access.tenant, actor: draftActor(access), meta: await requestMeta(), versionId: parsed.data.versionId }));
  } catch (error) {
    const reason = ruleReason(error);
    if (reason === "notFound") redirect(`${measuresPath(slug)}?error=notFound`);
    if (reason) redirect(`${draftPath(slug, parsed.data.versionId)}?error=${reason}`);
    throw error;
  }
  revalidatePath(measuresPath(slug));
  redirect(`${measuresPath(slug)}?notice=discarded&number=${number}`);
}
