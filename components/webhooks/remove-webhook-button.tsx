"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/submit-button";

export function RemoveWebhookButton({ action, endpointId, label, pendingLabel }: { action: (state: FormState, formData: FormData) => Promise<FormState>; endpointId: string; label: string; pendingLabel: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <input type="hidden" name="endpointId" value={endpointId} />
      <SubmitButton variant="danger" pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      {state.status === "error" && state.message ? (
        <p role="alert" className="mt-1 text-sm text-rose-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
