"use client";
import { useActionState } from "react";
import { regenerateRecoveryCodesAction, type SecurityFormState } from "@/app/(app)/account/security/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { RecoveryCodes } from "./recovery-codes";

export function RegenerateCodesForm({ labels }: { labels: { submit: string; codesTitle: string; codesHint: string } }) {
  const [state, action] = useActionState<SecurityFormState, FormData>(regenerateRecoveryCodesAction, { status: "idle" });
  return (
    <form action={action} className="space-y-4">
      {state.message ? <FormAlert tone={state.status === "success" ? "success" : "error"}>{state.message}</FormAlert> : null}
      {state.recoveryCodes ? <RecoveryCodes codes={state.recoveryCodes} title={labels.codesTitle} hint={labels.codesHint} /> : null}
      <SubmitButton variant="secondary">{labels.submit}</SubmitButton>
    </form>
  );
}
