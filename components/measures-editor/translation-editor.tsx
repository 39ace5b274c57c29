"use client";
import { MarkdownBody } from "@/components/measures/markdown";
import { Field, TextareaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { Locale } from "@/lib/i18n/locales";
import { SectionFormHead, SectionSaveRow, useSectionForm, type SectionFormLabels, type SectionFormProps } from "./section-form";

export interface TranslationEditorLabels extends SectionFormLabels {
  source: string;
  status: Record<"missing" | "outdated" | "current", string>;
}

interface Props extends SectionFormProps {
  sourceLocale: Locale;
  source: { title: string; body: string };
  initial: { title: string; body: string };
  status: "missing" | "outdated" | "current";
  labels: TranslationEditorLabels;
}

/** A translation side by side with its source text; saving records the source it was made against. */
export function TranslationEditor({ action, versionId, sectionKey, locale, sourceLocale, number, revision, source, initial, status, uiLocale, timeZone, labels }: Props) {
  const form = useSectionForm(action, initial);
  const { state, title, setTitle, body, setBody } = form;
  const numbered = number !== null;
  const shownStatus = state.status === "success" ? "current" : status;

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <section aria-labelledby="source-heading" lang={sourceLocale} className="space-y-3 self-start rounded-lg border border-slate-200 bg-white p-4 sm:p-5" data-testid="translation-source">
        <h2 id="source-heading" className="text-sm font-semibold uppercase tracking-wider text-slate-600">{labels.source}</h2>
        {numbered ? <p className="font-semibold">{number}. {source.title}</p> : null}
        <MarkdownBody markdown={source.body} />
      </section>
      <form action={form.formAction} noValidate className="space-y-5" data-testid="translation-form">
        <input type="hidden" name="changeKind" value="" />
        <Notice tone={shownStatus === "current" ? "neutral" : "warning"} testId="translation-status">
          <span data-status={shownStatus}>{labels.status[shownStatus]}</span>
        </Notice>
        <SectionFormHead form={form} versionId={versionId} sectionKey={sectionKey} locale={locale} revision={revision} conflictLabels={labels.conflict} uiLocale={uiLocale} timeZone={timeZone} />
        <div lang={locale} className="space-y-5">
          {numbered ? (
            <Field name="title" label={labels.title} value={title} onChange={(e) => setTitle(e.target.value)} errors={state.fieldErrors?.title} formId="translation" maxLength={200} required />
          ) : (
            <input type="hidden" name="title" value="" />
          )}
          <TextareaField monospace id="translation-body" name="body" label={labels.body} hint={labels.bodyHint} value={body} onChange={(e) => setBody(e.target.value)} errors={state.fieldErrors?.body} rows={16} required />
        </div>
        <SectionSaveRow dirty={form.dirty} labels={labels} />
      </form>
    </div>
  );
}
