"use client";
import { useActionState, useState } from "react";
import { MarkdownBody } from "@/components/measures/markdown";
import { Badge } from "@/components/ui/badge";
import { Field, TextareaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Locale } from "@/lib/i18n/locales";
import type { RedlineSection } from "@/lib/redline";
import type { SectionFormState } from "@/lib/validation/measures-editor-state";
import { ChangeKindField, type ChangeKindValue } from "./change-kind-field";
import { ConflictPanel, type ConflictLabels } from "./conflict-panel";
import { LiveRedline, type LiveRedlineLabels } from "./live-redline";
import { sameText, useUnsavedChangesWarning } from "./use-unsaved-changes";

export interface SectionEditorLabels {
  title: string;
  body: string;
  bodyHint: string;
  changeKind: string;
  changeKindHint: string;
  changeKinds: { none: string; EDITORIAL: string; MATERIAL: string };
  save: string;
  pending: string;
  unsaved: string;
  preview: string;
  redline: string;
  redlineLabels: LiveRedlineLabels;
  conflict: ConflictLabels;
}

interface Props {
  action: (state: SectionFormState, formData: FormData) => Promise<SectionFormState>;
  versionId: string;
  sectionKey: string;
  locale: Locale;
  number: string | null;
  revision: number;
  initial: { title: string; body: string; changeKind: ChangeKindValue };
  /** The same section in the published version the draft builds on; null when it is new. */
  base: RedlineSection | null;
  uiLocale: Locale;
  timeZone: string;
  labels: SectionEditorLabels;
}

/** The source text of one section: title, Markdown body, change kind; live redline and preview beside it. */
export function SectionEditor({ action, versionId, sectionKey, locale, number, revision, initial, base, uiLocale, timeZone, labels }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" } as SectionFormState);
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const [changeKind, setChangeKind] = useState<ChangeKindValue>(initial.changeKind);
  const saved = state.status === "success" && state.values ? { title: state.values.title ?? "", body: state.values.body ?? "" } : initial;
  const dirty = !sameText(title, saved.title) || !sameText(body, saved.body);
  useUnsavedChangesWarning(dirty);
  const numbered = number !== null;
  const conflict = state.conflict;

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form action={formAction} noValidate className="space-y-5" data-testid="section-form">
        <input type="hidden" name="versionId" value={versionId} />
        <input type="hidden" name="key" value={sectionKey} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="revision" value={state.revision ?? revision} />
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
              setChangeKind(conflict.theirs.changeKind ?? "");
            }}
          />
        ) : state.message ? (
          <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? "section-saved" : "form-alert"}>
            {state.message}
          </FormAlert>
        ) : null}
        {numbered ? (
          <Field name="title" label={labels.title} value={title} onChange={(e) => setTitle(e.target.value)} errors={state.fieldErrors?.title} formId="section" maxLength={200} required />
        ) : (
          <input type="hidden" name="title" value="" />
        )}
        <TextareaField monospace id="section-body" name="body" label={labels.body} hint={labels.bodyHint} value={body} onChange={(e) => setBody(e.target.value)} errors={state.fieldErrors?.body} rows={16} required />
        <ChangeKindField idPrefix="section" value={changeKind} onChange={setChangeKind} legend={labels.changeKind} hint={labels.changeKindHint} options={labels.changeKinds} errors={state.fieldErrors?.changeKind} allowNone />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pendingLabel={labels.pending}>{labels.save}</SubmitButton>
          {dirty ? <Badge tone="amber"><span data-testid="unsaved">{labels.unsaved}</span></Badge> : null}
        </div>
      </form>
      <div className="space-y-6">
        <section aria-labelledby="redline-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
          <h2 id="redline-heading" className="mb-3 text-sm font-semibold uppercase tracking-wider text-slate-600">{labels.redline}</h2>
          <LiveRedline base={base} current={{ key: sectionKey, number, title: numbered ? title : "", body }} labels={labels.redlineLabels} />
        </section>
        <section aria-labelledby="preview-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
          <h2 id="preview-heading" className="mb-3 text-sm font-semibold uppercase tracking-wider text-slate-600">{labels.preview}</h2>
          {numbered && title ? <p className="mb-2 font-semibold">{number}. {title}</p> : null}
          <div data-testid="section-preview">
            <MarkdownBody markdown={body} />
          </div>
        </section>
      </div>
    </div>
  );
}
