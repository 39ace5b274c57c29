"use client";
import { useActionState, useState } from "react";
import { MarkdownBody } from "@/components/measures/markdown";
import { Badge } from "@/components/ui/badge";
import { Field, TextareaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Locale } from "@/lib/i18n/locales";
import type { SectionFormState } from "@/lib/validation/measures-editor-state";
import { ConflictPanel, type ConflictLabels } from "./conflict-panel";
import { sameText, useUnsavedChangesWarning } from "./use-unsaved-changes";

export interface TranslationEditorLabels {
  source: string;
  status: Record<"missing" | "outdated" | "current", string>;
  title: string;
  body: string;
  bodyHint: string;
  save: string;
  pending: string;
  unsaved: string;
  conflict: ConflictLabels;
}

interface Props {
  action: (state: SectionFormState, formData: FormData) => Promise<SectionFormState>;
  versionId: string;
  sectionKey: string;
  locale: Locale;
  sourceLocale: Locale;
  number: string | null;
  /** -1 when the translation does not exist yet. */
  revision: number;
  source: { title: string; body: string };
  initial: { title: string; body: string };
  status: "missing" | "outdated" | "current";
  uiLocale: Locale;
  timeZone: string;
  labels: TranslationEditorLabels;
}

/** A translation side by side with its source text; saving records the source it was made against. */
export function TranslationEditor({ action, versionId, sectionKey, locale, sourceLocale, number, revision, source, initial, status, uiLocale, timeZone, labels }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" } as SectionFormState);
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const saved = state.status === "success" && state.values ? { title: state.values.title ?? "", body: state.values.body ?? "" } : initial;
  const dirty = !sameText(title, saved.title) || !sameText(body, saved.body);
  useUnsavedChangesWarning(dirty);
  const numbered = number !== null;
  const conflict = state.conflict;
  const shownStatus = state.status === "success" ? "current" : status;

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <section aria-labelledby="source-heading" lang={sourceLocale} className="space-y-3 self-start rounded-lg border border-slate-200 bg-white p-4 sm:p-5" data-testid="translation-source">
        <h2 id="source-heading" className="text-sm font-semibold uppercase tracking-wider text-slate-600">{labels.source}</h2>
        {numbered ? <p className="font-semibold">{number}. {source.title}</p> : null}
        <MarkdownBody markdown={source.body} />
      </section>
      <form action={formAction} noValidate className="space-y-5" data-testid="translation-form">
        <input type="hidden" name="versionId" value={versionId} />
        <input type="hidden" name="key" value={sectionKey} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="revision" value={state.revision ?? revision} />
        <input type="hidden" name="changeKind" value="" />
        <Notice tone={shownStatus === "current" ? "neutral" : "warning"} testId="translation-status">
          <span data-status={shownStatus}>{labels.status[shownStatus]}</span>
        </Notice>
        {conflict ? (
          <ConflictPanel
            theirs={conflict.theirs}
            yours={{ title, body }}
            labels={labels.conflict}
            locale={uiLocale}
            timeZone={timeZone}
            onUseTheirs={() => {
              if (!conflict.theirs) return;
              setTitle(conflict.theirs.title);
              setBody(conflict.theirs.body);
            }}
          />
        ) : state.message ? (
          <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? "section-saved" : "form-alert"}>
            {state.message}
          </FormAlert>
        ) : null}
        <div lang={locale} className="space-y-5">
          {numbered ? (
            <Field name="title" label={labels.title} value={title} onChange={(e) => setTitle(e.target.value)} errors={state.fieldErrors?.title} formId="translation" maxLength={200} required />
          ) : (
            <input type="hidden" name="title" value="" />
          )}
          <TextareaField monospace id="translation-body" name="body" label={labels.body} hint={labels.bodyHint} value={body} onChange={(e) => setBody(e.target.value)} errors={state.fieldErrors?.body} rows={16} required />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pendingLabel={labels.pending}>{labels.save}</SubmitButton>
          {dirty ? <Badge tone="amber"><span data-testid="unsaved">{labels.unsaved}</span></Badge> : null}
        </div>
      </form>
    </div>
  );
}
