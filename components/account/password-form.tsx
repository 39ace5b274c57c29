"use client";
import { useActionState } from "react";
import { setPasswordAction, type SecurityFormState } from "@/app/(app)/account/security/actions";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

interface Labels {
  current: string;
  password: string;
  confirmation: string;
  hint: string;
  submit: string;
}

export function PasswordForm({ hasPassword, email, labels }: { hasPassword: boolean; email: string; labels: Labels }) {
  const [state, action] = useActionState<SecurityFormState, FormData>(setPasswordAction, { status: "idle" });
  return (
    <form action={action} noValidate className="space-y-4" data-testid="password-form">
      {state.message ? <FormAlert tone={state.status === "success" ? "success" : "error"}>{state.message}</FormAlert> : null}
      {/* Lets password managers store the new password for the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {hasPassword ? <Field name="currentPassword" type="password" label={labels.current} autoComplete="current-password" required errors={state.fieldErrors?.currentPassword} formId="pw" /> : null}
      <Field name="password" type="password" label={labels.password} hint={labels.hint} autoComplete="new-password" required errors={state.fieldErrors?.password} formId="pw" />
      <Field name="confirmation" type="password" label={labels.confirmation} autoComplete="new-password" required errors={state.fieldErrors?.confirmation} formId="pw" />
      <SubmitButton>{labels.submit}</SubmitButton>
    </form>
  );
}
