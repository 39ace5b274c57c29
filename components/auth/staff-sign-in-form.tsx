"use client";
import { useActionState } from "react";
import { IDLE } from "@/lib/forms";
import { staffSignInAction } from "@/app/(app)/signin/actions";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

export function StaffSignInForm({ next, labels }: { next: string; labels: { email: string; password: string; submit: string; pending: string } }) {
  const [state, action] = useActionState(staffSignInAction, IDLE);
  return (
    <form action={action} noValidate className="space-y-4" data-testid="staff-sign-in-form">
      {state.message ? <FormAlert tone="error">{state.message}</FormAlert> : null}
      <input type="hidden" name="next" value={next} />
      <Field name="email" type="email" label={labels.email} autoComplete="username" required defaultValue={state.values?.email} errors={state.fieldErrors?.email} formId="staff" />
      <Field name="password" type="password" label={labels.password} autoComplete="current-password" required errors={state.fieldErrors?.password} formId="staff" />
      <SubmitButton pendingLabel={labels.pending} className="w-full">
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
