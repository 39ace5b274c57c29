"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

interface Props {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  canUpdate: boolean;
  settings: { issuer: string; clientId: string; emailDomains: string; secretSet: boolean; enabled: boolean };
  labels: Record<"issuer" | "issuerHint" | "clientId" | "clientSecret" | "secretSet" | "secretNotSet" | "emailDomains" | "emailDomainsHint" | "save" | "saving" | "disable" | "disableHint" | "readOnly", string>;
}

const FORM_ID = "sso";

export function SsoSettingsForm({ action, canUpdate, settings, labels }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const values = state.values ?? settings;
  const domainErrors = state.fieldErrors?.emailDomains;
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
        <div className="space-y-1.5">
          <label htmlFor={`${FORM_ID}-emailDomains`} className="block text-sm font-medium text-slate-900">
            {labels.emailDomains}
          </label>
          <textarea
            id={`${FORM_ID}-emailDomains`}
            name="emailDomains"
            rows={3}
            spellCheck={false}
            defaultValue={values.emailDomains}
            aria-invalid={domainErrors?.length ? true : undefined}
            aria-describedby={[`${FORM_ID}-emailDomains-hint`, domainErrors?.length ? `${FORM_ID}-emailDomains-error` : null].filter(Boolean).join(" ")}
            className={cn(
              "block w-full rounded-md border bg-white px-3 py-2 font-mono text-base text-slate-900 shadow-sm focus:border-slate-900 sm:text-sm",
              domainErrors?.length ? "border-rose-600" : "border-slate-300",
            )}
          />
          <p id={`${FORM_ID}-emailDomains-hint`} className="text-sm text-slate-600">
            {labels.emailDomainsHint}
          </p>
          {domainErrors?.length ? (
            <p id={`${FORM_ID}-emailDomains-error`} data-testid="error-emailDomains" className="text-sm font-medium text-rose-700">
              {domainErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-3 pt-1">
          <SubmitButton name="intent" value="save" pendingLabel={labels.saving}>
            {labels.save}
          </SubmitButton>
          {settings.enabled || settings.secretSet ? (
            <SubmitButton name="intent" value="disable" variant="danger">
              {labels.disable}
            </SubmitButton>
          ) : null}
        </div>
        {settings.enabled || settings.secretSet ? <p className="text-sm text-slate-600">{labels.disableHint}</p> : null}
      </fieldset>
    </form>
  );
}
