"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

type State = FormState & { secret?: string };

export interface CreateWebhookLabels {
  url: string;
  urlHint: string;
  events: string;
  submit: string;
  pending: string;
  secret: string;
}

/** Adds an endpoint; on success shows its signing secret once (it is never shown again). */
export function CreateWebhookForm({ action, events, labels }: { action: (state: State, formData: FormData) => Promise<State>; events: ReadonlyArray<{ value: string; label: string }>; labels: CreateWebhookLabels }) {
  const [state, formAction] = useActionState(action, IDLE as State);
  const values = state.status === "error" ? state.values : undefined;
  const checked = values ? (values.events ?? "").split(",") : events.map((event) => event.value);
  const errorId = state.fieldErrors?.events?.length ? "webhook-events-error" : undefined;
  return (
    <form action={formAction} noValidate className="space-y-5" data-testid="create-webhook">
      {state.message ? (
        <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? "webhook-created" : "form-alert"}>
          {state.message}
          {state.secret ? (
            <span className="mt-2 block">
              <span className="font-medium">{labels.secret}: </span>
              <code className="break-all rounded bg-white px-1.5 py-0.5 text-slate-900" data-testid="webhook-secret">
                {state.secret}
              </code>
            </span>
          ) : null}
        </FormAlert>
      ) : null}
      <Field name="url" type="url" label={labels.url} hint={labels.urlHint} required defaultValue={values?.url} errors={state.fieldErrors?.url} formId="webhook" autoComplete="off" />
      <fieldset aria-describedby={errorId} aria-invalid={errorId ? true : undefined}>
        <legend className="text-sm font-medium text-slate-900">{labels.events}</legend>
        <ul className="mt-2 space-y-2">
          {events.map((event) => (
            <li key={event.value} className="flex items-center gap-3">
              <input id={`webhook-event-${event.value}`} type="checkbox" name="events" value={event.value} defaultChecked={checked.includes(event.value)} className="size-5 rounded border-slate-400 accent-slate-900" />
              <label htmlFor={`webhook-event-${event.value}`} className="text-sm text-slate-900">
                {event.label}
              </label>
            </li>
          ))}
        </ul>
        {errorId ? (
          <p id={errorId} data-testid="error-events" className="mt-2 text-sm font-medium text-rose-700">
            {state.fieldErrors!.events!.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
