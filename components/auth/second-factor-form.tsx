"use client";
import { useActionState } from "react";
import { IDLE } from "@/lib/forms";
import { verifyMfaAction } from "@/app/(app)/signin/actions";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

export function SecondFactorForm({ next, labels }: { next: string; labels: { code: string; submit: string } }) {
  const [state, action] = useActionState(verifyMfaAction, IDLE);
  return (
    <form action={action} noValidate className="space-y-4" data-testid="mfa-form">
      {state.message && !state.fieldErrors?.code ? <FormAlert tone="error">{state.message}</FormAlert> : null}
      <input type="hidden" name="next" value={next} />
      <Field name="code" label={labels.code} autoComplete="one-time-code" inputMode="text" autoFocus required spellCheck={false} errors={state.fieldErrors?.code} formId="mfa" />
      <SubmitButton className="w-full">{labels.submit}</SubmitButton>
    </form>
  );
}
