"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { RoleCheckboxes, type RoleOption } from "./role-checkboxes";

export interface InviteFormLabels {
  email: string;
  roles: string;
  locale: string;
  submit: string;
  pending: string;
}

interface Props {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  roles: readonly RoleOption[];
  /** Only an owner may invite an owner. */
  mayInviteOwner: boolean;
  locales: ReadonlyArray<{ value: string; label: string }>;
  defaultLocale: string;
  labels: InviteFormLabels;
}

export function InviteForm({ action, roles, mayInviteOwner, locales, defaultLocale, labels }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} noValidate className="space-y-5" data-testid="invite-form">
      {state.message ? (
        <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? "invite-sent" : "form-alert"}>
          {state.message}
        </FormAlert>
      ) : null}
      <Field name="email" type="email" label={labels.email} autoComplete="off" required defaultValue={values?.email} errors={state.fieldErrors?.email} formId="invite" />
      <RoleCheckboxes idPrefix="invite" legend={labels.roles} options={roles} checked={values?.roles?.split(",") ?? []} hideOwner={!mayInviteOwner} errors={state.fieldErrors?.roles} />
      <div className="space-y-1.5">
        <label htmlFor="invite-locale" className="block text-sm font-medium text-slate-900">
          {labels.locale}
        </label>
        <select
          id="invite-locale"
          name="locale"
          defaultValue={state.values?.locale ?? defaultLocale}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm"
        >
          {locales.map((locale) => (
            <option key={locale.value} value={locale.value}>
              {locale.label}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
