"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

interface Props {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  canUpdate: boolean;
  /** configured: a provider is stored (issuer, client id or secret), so it can be turned off. */
  settings: { issuer: string; clientId: string; secretSet: boolean; configured: boolean };
  labels: Record<"issuer" | "issuerHint" | "clientId" | "clientSecret" | "secretSet" | "secretNotSet" | "save" | "saving" | "disable" | "disableHint" | "readOnly", string>;
}

const FORM_ID = "sso";

export function SsoSettingsForm({ action, canUpdate, settings, labels }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const values = state.values ?? settings;
  return (
    <form action={formAction} noValidate className="mt-6 max-w-2xl space-y-5" data-testid="sso-settings-form">
      {state.message ? <FormAlert tone={state.status === "success" ? "success" : "error"}>{state.message}</FormAlert> : null}
      {canUpdate ? null : <Notice tone="neutral">{labels.readOnly}</Notice>}
      <fieldset disabled={!canUpdate} className="space-y-5">
        <Field formId={FORM_ID} name="issuer" type="url" inputMode="url" autoComplete="off" spellCheck={false} label={labels.issuer} hint={labels.issuerHint} defaultValue={values.issuer} errors={state.fieldErrors?.issuer} />
        <Field formId={FORM_ID} name="clientId" autoComplete="off" spellCheck={false} label={labels.clientId} defaultValue={values.clientId} errors={state.fieldErrors?.clientId} />
        <Field
          formId={FORM_ID}
          name="clientSecret"
          type="password"
          autoComplete="new-password"
          label={labels.clientSecret}
          hint={<span data-testid="sso-secret-status">{settings.secretSet ? labels.secretSet : labels.secretNotSet}</span>}
          errors={state.fieldErrors?.clientSecret}
        />
        <div className="flex flex-wrap items-center gap-3 pt-1">
          <SubmitButton name="intent" value="save" pendingLabel={labels.saving}>
            {labels.save}
          </SubmitButton>
          {settings.configured ? (
            <SubmitButton name="intent" value="disable" variant="danger">
              {labels.disable}
            </SubmitButton>
          ) : null}
        </div>
        {settings.configured ? <p className="text-sm text-slate-600">{labels.disableHint}</p> : null}
      </fieldset>
    </form>
  );
}
