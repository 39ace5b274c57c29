"use client";
import { useState } from "react";
import { MarkdownBody } from "@/components/measures/markdown";
import { Field, TextareaField } from "@/components/ui/field";
import type { RedlineSection } from "@/lib/redline";
import { ChangeKindField, type ChangeKindValue } from "./change-kind-field";
import { LiveRedline, type LiveRedlineLabels } from "./live-redline";
import { SectionFormHead, SectionSaveRow, useSectionForm, type SectionFormLabels, type SectionFormProps } from "./section-form";

export interface SectionEditorLabels extends SectionFormLabels {
  changeKind: string;
  changeKindHint: string;
  changeKinds: { none: string; EDITORIAL: string; MATERIAL: string };
  preview: string;
  redline: string;
  redlineLabels: LiveRedlineLabels;
}

interface Props extends SectionFormProps {
  initial: { title: string; body: string; changeKind: ChangeKindValue };
  /** The same section in the published version the draft builds on; null when it is new. */
  base: RedlineSection | null;
  labels: SectionEditorLabels;
}

/** The source text of one section: title, Markdown body, change kind; live redline and preview beside it. */
export function SectionEditor({ action, versionId, sectionKey, locale, number, revision, initial, base, uiLocale, timeZone, labels }: Props) {
  const form = useSectionForm(action, initial);
  const { state, title, setTitle, body, setBody } = form;
  const [changeKind, setChangeKind] = useState<ChangeKindValue>(initial.changeKind);
  const numbered = number !== null;

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form action={form.formAction} noValidate className="space-y-5" data-testid="section-form">
        <SectionFormHead
          form={form}
          versionId={versionId}
          sectionKey={sectionKey}
          locale={locale}
          revision={revision}
          conflictLabels={labels.conflict}
          uiLocale={uiLocale}
          timeZone={timeZone}
          onUseTheirs={(theirs) => setChangeKind(theirs.changeKind ?? "")}
        />
        {numbered ? (
          <Field name="title" label={labels.title} value={title} onChange={(e) => setTitle(e.target.value)} errors={state.fieldErrors?.title} formId="section" maxLength={200} required />
        ) : (
          <input type="hidden" name="title" value="" />
        )}
        <TextareaField monospace id="section-body" name="body" label={labels.body} hint={labels.bodyHint} value={body} onChange={(e) => setBody(e.target.value)} errors={state.fieldErrors?.body} rows={16} required />
        <ChangeKindField idPrefix="section" value={changeKind} onChange={setChangeKind} legend={labels.changeKind} hint={labels.changeKindHint} options={labels.changeKinds} errors={state.fieldErrors?.changeKind} allowNone />
        <SectionSaveRow dirty={form.dirty} labels={labels} />
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
