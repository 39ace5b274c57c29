"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * One button that posts a token from an email link (confirm, unsubscribe): opening the link
 * changes nothing, pressing the button does. After an answer the button is gone.
 */
export function TokenForm({ action, token, label, pendingLabel, testId, variant = "primary" }: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  token: string;
  label: string;
  pendingLabel: string;
  testId: string;
  variant?: "primary" | "danger";
}) {
  const [state, formAction] = useActionState(action, IDLE);
  if (state.status !== "idle" && state.message) {
    return (
      <FormAlert tone={state.status === "success" ? "success" : "error"} testId={`${testId}-result`}>
        {state.message}
      </FormAlert>
    );
  }
  return (
    <form action={formAction} data-testid={testId}>
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel={pendingLabel} variant={variant}>
        {label}
      </SubmitButton>
    </form>
  );
}
