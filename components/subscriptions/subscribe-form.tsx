"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TopicCheckboxes, type TopicOption } from "./topic-checkboxes";

export interface SubscribeFormLabels {
  email: string;
  locale: string;
  topics: string;
  submit: string;
  pending: string;
}

interface Props {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  topics: readonly TopicOption[];
  locales: ReadonlyArray<{ value: string; label: string }>;
  defaultLocale: string;
  labels: SubscribeFormLabels;
}

/** Works without JavaScript too: the server action answers the posted form with this page. */
export function SubscribeForm({ action, topics, locales, defaultLocale, labels }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} noValidate className="space-y-5" data-testid="subscribe-form">
      {state.message ? (
        <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? "subscribe-sent" : "form-alert"}>
          {state.message}
        </FormAlert>
      ) : null}
      <Field name="email" type="email" label={labels.email} autoComplete="email" required defaultValue={values?.email} errors={state.fieldErrors?.email} formId="subscribe" />
      <div className="space-y-1.5">
        <label htmlFor="subscribe-locale" className="block text-sm font-medium text-slate-900">
          {labels.locale}
        </label>
        <select
          id="subscribe-locale"
          name="locale"
          defaultValue={values?.locale ?? defaultLocale}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm"
        >
          {locales.map((locale) => (
            <option key={locale.value} value={locale.value} lang={locale.value}>
              {locale.label}
            </option>
          ))}
        </select>
      </div>
      <TopicCheckboxes idPrefix="subscribe" legend={labels.topics} options={topics} checked={values ? (values.topics ?? "").split(",") : ["measures"]} errors={state.fieldErrors?.topics} />
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
