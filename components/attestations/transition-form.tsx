"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";

interface Props {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  requestId: string;
  /** The request's revision as this page showed it: a change made meanwhile is refused. */
  revision: number;
  /** A text the transition needs (question, answer, reason). */
  message?: { label: string; hint?: string };
  submit: string;
  pending: string;
  variant?: ButtonVariant;
  /** Distinguishes the forms of one page (ids, test ids). */
  id: string;
}

/** One step of the workflow as a form: the request, its revision, optionally a message. */
export function TransitionForm({ action, requestId, revision, message, submit, pending, variant = "primary", id }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const messageErrors = state.fieldErrors?.message;
  const errorId = messageErrors?.length ? `${id}-message-error` : undefined;
  return (
    <form action={formAction} noValidate className="space-y-3" data-testid={`${id}-form`}>
      {state.message ? (
        <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? `${id}-done` : `${id}-error`}>
          {state.message}
        </FormAlert>
      ) : null}
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="revision" value={revision} />
      {message ? (
        <div className="space-y-1.5">
          <label htmlFor={`${id}-message`} className="block text-sm font-medium text-slate-900">
            {message.label}
          </label>
          <textarea
            id={`${id}-message`}
            name="message"
            rows={3}
            required
            defaultValue={state.status === "error" ? state.values?.message : undefined}
            aria-invalid={errorId ? true : undefined}
            aria-describedby={errorId}
            className={`block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-slate-900 sm:text-sm ${errorId ? "border-rose-600" : "border-slate-300"}`}
          />
          {errorId ? (
            <p id={errorId} data-testid={`${id}-message-error`} className="text-sm font-medium text-rose-700">
              {messageErrors!.join(" ")}
            </p>
          ) : null}
        </div>
      ) : null}
      <SubmitButton variant={variant} pendingLabel={pending}>
        {submit}
      </SubmitButton>
    </form>
  );
}
