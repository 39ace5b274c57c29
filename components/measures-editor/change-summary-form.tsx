"use client";
import { useActionState, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SummaryFormState } from "@/lib/validation/measures-editor-state";
import { TextareaField } from "@/components/ui/field";
import { sameText, useUnsavedChangesWarning } from "./use-unsaved-changes";

interface Props {
  action: (state: SummaryFormState, formData: FormData) => Promise<SummaryFormState>;
  versionId: string;
  revision: number;
  locales: Array<{ locale: string; label: string; value: string }>;
  labels: { save: string; pending: string; theirs: string };
}

/** The change summary in every enabled language, saved together (one revision for the version's own fields). */
export function ChangeSummaryForm({ action, versionId, revision, locales, labels }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" } as SummaryFormState);
  const [texts, setTexts] = useState<Record<string, string>>(Object.fromEntries(locales.map((l) => [l.locale, l.value])));
  const saved = state.status === "success" && state.values ? Object.fromEntries(locales.map((l) => [l.locale, state.values?.[`summary_${l.locale}`] ?? ""])) : Object.fromEntries(locales.map((l) => [l.locale, l.value]));
  useUnsavedChangesWarning(locales.some((l) => !sameText(texts[l.locale] ?? "", saved[l.locale] ?? "")));
  return (
    <form action={formAction} noValidate className="space-y-4" data-testid="summary-form">
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="revision" value={state.revision ?? revision} />
      {state.message ? <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? "summary-saved" : "form-alert"}>{state.message}</FormAlert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {locales.map(({ locale, label }) => (
          <div key={locale} lang={locale} className="space-y-2">
            <TextareaField
              id={`summary-${locale}`}
              name={`summary_${locale}`}
              label={label}
              value={texts[locale] ?? ""}
              onChange={(e) => setTexts({ ...texts, [locale]: e.target.value })}
              errors={state.fieldErrors?.[`summary_${locale}`]}
              rows={4}
            />
            {state.conflict ? (
              <div data-testid={`summary-theirs-${locale}`} className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
                <p className="font-medium">{labels.theirs}</p>
                <p className="mt-1 whitespace-pre-wrap">{state.conflict.theirs[locale] ?? ""}</p>
              </div>
            ) : null}
          </div>
        ))}
      </div>
      <SubmitButton pendingLabel={labels.pending}>{labels.save}</SubmitButton>
    </form>
  );
}
