"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

export interface NdaAcceptanceFormLabels {
  companyName: string;
  companyNameHint: string;
  checkbox: string;
  submit: string;
  pending: string;
}

interface Props {
  /** acceptNdaAction bound to the tenant's slug (app/[tenant]/attestations/nda/actions.ts). */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The version shown; accepting it after a newer one was published is refused. */
  versionNumber: number;
  defaultCompanyName: string;
  labels: NdaAcceptanceFormLabels;
}

/** The click-through: company and an explicit tick; the server records who, when, where from and which text. */
export function NdaAcceptanceForm({ action, versionNumber, defaultCompanyName, labels }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const values = state.values;
  const checkboxError = state.fieldErrors?.accept;
  return (
    <form action={formAction} noValidate className="space-y-5" data-testid="nda-acceptance-form">
      {state.message ? (
        <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? "nda-accepted" : "form-alert"}>
          {state.message}
        </FormAlert>
      ) : null}
      <input type="hidden" name="versionNumber" value={versionNumber} />
      <Field name="companyName" formId="nda" label={labels.companyName} hint={labels.companyNameHint} autoComplete="organization" required maxLength={200} defaultValue={values?.companyName ?? defaultCompanyName} errors={state.fieldErrors?.companyName} />
      <div className="space-y-1">
        <div className="flex items-start gap-2">
          <input
            id="nda-accept"
            type="checkbox"
            name="accept"
            required
            defaultChecked={values?.accept === "on"}
            aria-invalid={checkboxError ? true : undefined}
            aria-describedby={checkboxError ? "nda-accept-error" : undefined}
            className="mt-0.5 h-4 w-4 rounded border-slate-400"
          />
          <label htmlFor="nda-accept" className="text-sm text-slate-900">
            {labels.checkbox}
          </label>
        </div>
        {checkboxError ? (
          <p id="nda-accept-error" data-testid="error-accept" className="text-sm font-medium text-rose-700">
            {checkboxError.join(" ")}
          </p>
        ) : null}
      </div>
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
