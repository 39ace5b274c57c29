"use client";
import { useActionState } from "react";
import { MarkdownBody } from "@/components/measures/markdown";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ImportFormState } from "@/lib/validation/measures-editor-state";
import { TextareaField } from "@/components/ui/field";

export interface ImportFormLabels {
  file: string;
  fileHint: string;
  or: string;
  text: string;
  preview: string;
  previewPending: string;
  errorsHeading: string;
  errorsIntro: string;
  warningsHeading: string;
  /** "{count}" is replaced (labels cross from the server as plain strings). */
  previewHeading: { one: string; other: string };
  /** "{number}" is replaced. */
  previewIntro: string;
  documentTitle: string;
  effectiveDate: string;
  noDate: string;
  accept: string;
  acceptPending: string;
  preamble: string;
  closing: string;
}

/** Step 1: a file or pasted text → parsed preview (or errors with line numbers). Step 2: accept what was previewed. */
export function ImportForm({ action, labels }: { action: (state: ImportFormState, formData: FormData) => Promise<ImportFormState>; labels: ImportFormLabels }) {
  const [state, formAction] = useActionState(action, { status: "idle" } as ImportFormState);
  const errors = state.issues?.errors ?? [];
  const warnings = state.issues?.warnings ?? [];
  const preview = state.preview;

  return (
    <div className="space-y-8">
      <form action={formAction} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" data-testid="import-form">
        <input type="hidden" name="intent" value="preview" />
        {state.message ? <FormAlert tone="error">{state.message}</FormAlert> : null}
        <div className="space-y-1.5">
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-900">{labels.file}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".txt,.md,.markdown,text/plain,text/markdown"
            aria-describedby={["import-file-hint", state.fieldErrors?.file ? "import-file-error" : ""].filter(Boolean).join(" ")}
            aria-invalid={state.fieldErrors?.file ? true : undefined}
            className="block w-full text-sm text-slate-900 file:mr-3 file:rounded-md file:border-0 file:bg-slate-900 file:px-3 file:py-2 file:text-sm file:font-medium file:text-white"
          />
          <p id="import-file-hint" className="text-sm text-slate-600">{labels.fileHint}</p>
          {state.fieldErrors?.file ? <p id="import-file-error" data-testid="error-file" className="text-sm font-medium text-rose-700">{state.fieldErrors.file.join(" ")}</p> : null}
        </div>
        <p className="text-sm font-medium text-slate-600">{labels.or}</p>
        <TextareaField monospace id="import-text" name="text" label={labels.text} defaultValue={state.values?.text ?? ""} errors={state.fieldErrors?.text} rows={10} spellCheck={false} />
        <SubmitButton pendingLabel={labels.previewPending} variant={preview ? "secondary" : "primary"}>{labels.preview}</SubmitButton>
      </form>

      {errors.length > 0 ? (
        <section role="alert" aria-labelledby="import-errors-heading" data-testid="import-errors" className="rounded-lg border border-rose-300 bg-rose-50 p-4 text-rose-950 sm:p-6">
          <h2 id="import-errors-heading" className="font-semibold">{labels.errorsHeading}</h2>
          <p className="mt-1 text-sm">{labels.errorsIntro}</p>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
            {errors.map((issue, i) => <li key={i} data-line={issue.line}>{issue.message}</li>)}
          </ul>
        </section>
      ) : null}

      {preview ? (
        <section aria-labelledby="import-preview-heading" data-testid="import-preview" className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <div>
            <h2 id="import-preview-heading" className="text-lg font-semibold">{(preview.sections.length === 1 ? labels.previewHeading.one : labels.previewHeading.other).replace("{count}", String(preview.sections.length))}</h2>
            <p className="mt-1 text-sm text-slate-700">{labels.previewIntro.replace("{number}", String(preview.nextNumber))}</p>
          </div>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-slate-600">{labels.documentTitle}</dt>
            <dd>{preview.title}</dd>
            <dt className="font-medium text-slate-600">{labels.effectiveDate}</dt>
            <dd>{preview.effectiveDate ?? labels.noDate}</dd>
          </dl>
          {warnings.length > 0 ? (
            <div data-testid="import-warnings" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
              <p className="font-medium">{labels.warningsHeading}</p>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {warnings.map((issue, i) => <li key={i} data-line={issue.line}>{issue.message}</li>)}
              </ul>
            </div>
          ) : null}
          <ol className="divide-y divide-slate-200 rounded-md border border-slate-200">
            {preview.sections.map((section) => (
              <li key={section.key} data-testid="import-preview-section" data-key={section.key}>
                <details className="group">
                  <summary className="flex cursor-pointer items-baseline gap-2 px-4 py-2.5 text-sm">
                    <span className="font-medium text-slate-900">{section.number ? `${section.number}. ${section.title}` : section.key === "closing" ? labels.closing : labels.preamble}</span>
                    <span className="ml-auto font-mono text-xs text-slate-500">{section.key}</span>
                  </summary>
                  <div className="border-t border-slate-100 px-4 py-3 text-sm text-slate-800">
                    <MarkdownBody markdown={section.body} />
                  </div>
                </details>
              </li>
            ))}
          </ol>
          <form action={formAction}>
            <input type="hidden" name="intent" value="accept" />
            <input type="hidden" name="text" value={preview.text} />
            <SubmitButton pendingLabel={labels.acceptPending}>{labels.accept}</SubmitButton>
          </form>
        </section>
      ) : null}
    </div>
  );
}
