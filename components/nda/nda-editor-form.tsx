"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextareaField } from "@/components/ui/field";

interface Props {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The current version's number and text; none before the first version. */
  current: { number: number; textDe: string; textEn: string; locked: boolean } | null;
  labels: { textDe: string; textEn: string; publish: string; correct: string | null; saving: string };
}

/** Writes the NDA: publish the text as the next version, or correct the current one while nobody has accepted it. */
export function NdaEditorForm({ action, current, labels }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const values = state.status === "error" && state.values ? state.values : { textDe: current?.textDe ?? "", textEn: current?.textEn ?? "" };
  return (
    <form action={formAction} noValidate className="space-y-4" data-testid="nda-editor" key={JSON.stringify([values, state.message])}>
      {state.message ? (
        <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? "nda-saved" : "form-alert"}>
          {state.message}
        </FormAlert>
      ) : null}
      {current ? <input type="hidden" name="number" value={current.number} /> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <TextareaField name="textDe" formId="nda" label={labels.textDe} lang="de" rows={14} defaultValue={values.textDe} errors={state.fieldErrors?.textDe} />
        <TextareaField name="textEn" formId="nda" label={labels.textEn} lang="en" rows={14} defaultValue={values.textEn} errors={state.fieldErrors?.textEn} />
      </div>
      {state.fieldErrors?.number ? <p className="text-sm font-medium text-rose-700">{state.fieldErrors.number.join(" ")}</p> : null}
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="intent" value="publish" pendingLabel={labels.saving}>
          {labels.publish}
        </SubmitButton>
        {labels.correct && current && !current.locked ? (
          <SubmitButton name="intent" value="correct" variant="secondary" pendingLabel={labels.saving}>
            {labels.correct}
          </SubmitButton>
        ) : null}
      </div>
    </form>
  );
}
