"use client";
import { useActionState } from "react";
import { IDLE } from "@/lib/forms";
import { requestMagicLinkAction } from "@/app/(app)/signin/actions";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

export function MagicLinkForm({ next, labels }: { next: string; labels: { email: string; submit: string; pending: string } }) {
  const [state, action] = useActionState(requestMagicLinkAction, IDLE);
  return (
    <form action={action} noValidate className="space-y-4" data-testid="magic-link-form">
      {state.message ? <FormAlert tone="error">{state.message}</FormAlert> : null}
      <input type="hidden" name="next" value={next} />
      <Field name="email" type="email" label={labels.email} autoComplete="email" required defaultValue={state.values?.email} errors={state.fieldErrors?.email} formId="magic" />
      <SubmitButton pendingLabel={labels.pending} className="w-full">
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
