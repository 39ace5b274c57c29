"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { Permission } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { parseForm } from "@/lib/forms";
import { parseMeasures } from "@/lib/measures/parse";
import { IMPORT_MAX, importTextSchema, requireAllLocalesSchema } from "@/lib/validation/measures-editor";
import type { ImportFormState } from "@/lib/validation/measures-editor-state";
import { guardConsolePage } from "@/server/auth/page-guard";
import { unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { draftActor } from "@/server/measures/drafts/context";
import { createDraftFromCurrent, createDraftFromImport } from "@/server/measures/drafts/create-draft";
import { editorFieldErrors, ruleMessage, ruleReason } from "@/server/measures/drafts/form-answers";
import { listMeasuresVersions } from "@/server/measures/drafts/queries";
import { setRequireAllLocales } from "@/server/measures/drafts/settings";
import { requestMeta } from "@/server/request-context";

// The versions page's actions: start a draft (from the newest published version or an import) and
// the tenant's "all languages before publication" setting. The tenant comes from the route slug the
// page binds, through the guard.

const measuresPath = (slug: string) => `/${slug}/admin/measures`;
const draftPath = (slug: string, versionId: string) => `${measuresPath(slug)}/drafts/${versionId}`;
const guard = (slug: string, permission: Permission, path = measuresPath(slug)) => guardConsolePage(slug, permission, path);

export async function createDraftFromCurrentAction(slug: string, formData: FormData): Promise<void> {
  void formData;
  const access = await guard(slug, "measures.edit");
  let draft: { id: string };
  try {
    draft = await createDraftFromCurrent({ tenant: access.tenant, actor: draftActor(access), meta: await requestMeta() });
  } catch (error) {
    const reason = ruleReason(error);
    if (reason === "openDraft" || reason === "noPublishedVersion") redirect(`${measuresPath(slug)}?error=${reason}`);
    throw error;
  }
  revalidatePath(measuresPath(slug));
  redirect(`${draftPath(slug, draft.id)}?notice=created`);
}

/** The uploaded file, or else the pasted text. */
async function submittedText(formData: FormData): Promise<{ text: string } | { error: "fileTooLarge" | "fileNotText" }> {
  const file = formData.get("file");
  if (file instanceof File && file.size > 0) {
    if (file.size > IMPORT_MAX) return { error: "fileTooLarge" };
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()).replace(/^\uFEFF/, "") };
    } catch {
      return { error: "fileNotText" };
    }
  }
  const text = formData.get("text");
  return { text: typeof text === "string" ? text : "" };
}

/** Preview (intent=preview) and accept (intent=accept) of an imported text; accepting re-parses what was previewed. */
export async function importMeasuresAction(slug: string, _previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
  const access = await guard(slug, "measures.edit", `${measuresPath(slug)}/import`);
  const locale = await appLocale();
  const meta = await requestMeta();
  const t = await getTranslations({ locale, namespace: "editor" });
  const ti = await getTranslations({ locale, namespace: "import" });
  const submitted = await submittedText(formData);
  if ("error" in submitted) return { status: "error", fieldErrors: { file: [t(`import.${submitted.error}`)] } };
  // A large file is not echoed back into the page's form state.
  const values: Record<string, string> = submitted.text.length <= IMPORT_MAX ? { text: submitted.text } : {};
  const checked = importTextSchema.safeParse({ text: submitted.text });
  if (!checked.success) return { status: "error", fieldErrors: await editorFieldErrors(locale, { text: [checked.error.issues[0]?.message ?? "importEmpty"] }), values };
  const result = parseMeasures(checked.data.text);
  const message = (issue: { line: number; code: string; params?: Record<string, string | number> }) => ({ line: issue.line, message: ti(issue.code as "empty", { line: issue.line, ...issue.params }) });
  if (!result.ok) return { status: "error", issues: { errors: result.errors.map(message), warnings: [] }, values };
  const warnings = result.warnings.map(message);

  if (formData.get("intent") !== "accept") {
    const { versions } = await listMeasuresVersions(access.tenant.id);
    const nextNumber = (versions[0]?.number ?? 0) + 1;
    const { title, effectiveDate, sections } = result.document;
    return { status: "idle", issues: { errors: [], warnings }, preview: { title, effectiveDate, sections, text: checked.data.text, nextNumber }, values };
  }

  let draft: { id: string };
  try {
    draft = await createDraftFromImport({ tenant: access.tenant, actor: draftActor(access), meta }, result.document);
  } catch (error) {
    const reason = ruleReason(error);
    if (reason) return { status: "error", message: await ruleMessage(locale, reason, { number: Number((isAppError(error) && error.details?.number) ?? 0) }), values };
    return unexpectedErrorState(error, locale, meta, values);
  }
  revalidatePath(measuresPath(slug));
  redirect(`${draftPath(slug, draft.id)}?notice=created`);
}

/** OWNER/ADMIN: whether publication needs every enabled locale complete. */
export async function requireAllLocalesAction(slug: string, formData: FormData): Promise<void> {
  const access = await guard(slug, "settings.update");
  const parsed = parseForm(requireAllLocalesSchema, formData);
  if (!parsed.ok) redirect(measuresPath(slug));
  await setRequireAllLocales({ tenant: access.tenant, actor: draftActor(access), meta: await requestMeta(), requireAllLocales: parsed.data.requireAllLocales });
  revalidatePath(measuresPath(slug));
  redirect(`${measuresPath(slug)}?notice=settingsSaved`);
}
