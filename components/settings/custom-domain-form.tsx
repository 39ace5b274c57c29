"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { HOSTNAME_INPUT, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

interface Props {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  canUpdate: boolean;
  /** The stored domain, "" when none is set. */
  domain: string;
  labels: Record<"domain" | "domainHint" | "save" | "saving" | "remove" | "removeHint" | "readOnly", string>;
}

const FORM_ID = "custom-domain";

export function CustomDomainForm({ action, canUpdate, domain, labels }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const value = state.values?.domain ?? domain;
  return (
    <form action={formAction} noValidate className="mt-6 max-w-2xl space-y-5" data-testid="custom-domain-form">
      {state.message ? <FormAlert tone={state.status === "success" ? "success" : "error"}>{state.message}</FormAlert> : null}
      {canUpdate ? null : <Notice tone="neutral">{labels.readOnly}</Notice>}
      <fieldset disabled={!canUpdate} className="space-y-5">
        <Field
          formId={FORM_ID}
          name="domain"
          {...HOSTNAME_INPUT}
          maxLength={253}
          label={labels.domain}
          hint={labels.domainHint}
          defaultValue={value}
          errors={state.fieldErrors?.domain}
        />
        <div className="flex flex-wrap items-center gap-3 pt-1">
          <SubmitButton name="intent" value="save" pendingLabel={labels.saving}>
            {labels.save}
          </SubmitButton>
          {domain ? (
            <SubmitButton name="intent" value="remove" variant="danger">
              {labels.remove}
            </SubmitButton>
          ) : null}
        </div>
        {domain ? <p className="text-sm text-slate-600">{labels.removeHint}</p> : null}
      </fieldset>
    </form>
  );
}
