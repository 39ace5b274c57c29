"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

interface Props {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  labels: { name: string; nameHint: string; slug: string; slugHint: string; submit: string; pending: string };
}

export function CreateTenantForm({ action, labels }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} noValidate className="space-y-5" data-testid="create-tenant-form">
      {state.message ? <FormAlert tone="error">{state.message}</FormAlert> : null}
      <Field name="name" label={labels.name} hint={labels.nameHint} autoComplete="organization" required defaultValue={state.values?.name} errors={state.fieldErrors?.name} formId="tenant" />
      <Field
        name="slug"
        label={labels.slug}
        hint={labels.slugHint}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        defaultValue={state.values?.slug}
        errors={state.fieldErrors?.slug}
        formId="tenant"
      />
      <SubmitButton className="w-full" pendingLabel={labels.pending}>
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
