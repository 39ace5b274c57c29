"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { Field, TextareaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

export type CertificationFormLabels = Record<
  | "framework" | "label" | "labelHint" | "certifier" | "certificateNumber" | "issuedAt" | "validUntil" | "status" | "statusHint"
  | "suspended" | "withdrawn" | "scope" | "summary" | "german" | "english" | "submit" | "pending",
  string
>;

interface Props {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  frameworks: ReadonlyArray<{ value: string; label: string }>;
  /** The stored values when editing (form field names → values); none when creating. */
  initial?: Record<string, string>;
  certificationId?: string;
  labels: CertificationFormLabels;
}

/** Create and edit a certification; after an error every typed value is shown again. */
export function CertificationForm({ action, frameworks, initial, certificationId, labels }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const values = state.values ?? initial ?? {};
  const errors = state.fieldErrors ?? {};
  const checked = (name: string) => (state.values ? state.values[name] === "on" : initial?.[name] === "on");
  const formId = "certification";
  // The key makes the uncontrolled fields take the values of the latest answer.
  const key = JSON.stringify(values);
  return (
    <form action={formAction} noValidate className="space-y-6" data-testid="certification-form" key={key}>
      {state.message ? (
        <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? "certification-saved" : "form-alert"}>
          {state.message}
        </FormAlert>
      ) : null}
      {certificationId ? <input type="hidden" name="certificationId" value={certificationId} /> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor={`${formId}-framework`} className="block text-sm font-medium text-slate-900">
            {labels.framework}
          </label>
          <select
            id={`${formId}-framework`}
            name="framework"
            defaultValue={values.framework ?? "ISO_27001"}
            aria-invalid={errors.framework ? true : undefined}
            aria-describedby={errors.framework ? `${formId}-framework-error` : undefined}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm"
          >
            {frameworks.map((framework) => (
              <option key={framework.value} value={framework.value}>
                {framework.label}
              </option>
            ))}
          </select>
          {errors.framework ? (
            <p id={`${formId}-framework-error`} data-testid="error-framework" className="text-sm font-medium text-rose-700">
              {errors.framework.join(" ")}
            </p>
          ) : null}
        </div>
        <Field name="label" formId={formId} label={labels.label} hint={labels.labelHint} defaultValue={values.label} errors={errors.label} maxLength={120} />
        <Field name="certifier" formId={formId} label={labels.certifier} required defaultValue={values.certifier} errors={errors.certifier} maxLength={200} />
        <Field name="certificateNumber" formId={formId} label={labels.certificateNumber} defaultValue={values.certificateNumber} errors={errors.certificateNumber} maxLength={100} />
        <Field name="issuedAt" formId={formId} type="date" label={labels.issuedAt} required defaultValue={values.issuedAt} errors={errors.issuedAt} />
        <Field name="validUntil" formId={formId} type="date" label={labels.validUntil} required defaultValue={values.validUntil} errors={errors.validUntil} />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">{labels.status}</legend>
        <p className="text-sm text-slate-600">{labels.statusHint}</p>
        {(["suspended", "withdrawn"] as const).map((name) => (
          <div key={name} className="flex items-center gap-2">
            <input id={`${formId}-${name}`} type="checkbox" name={name} defaultChecked={checked(name)} className="h-4 w-4 rounded border-slate-400" />
            <label htmlFor={`${formId}-${name}`} className="text-sm text-slate-900">
              {labels[name]}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-900">{labels.scope}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextareaField name="scopeDe" formId={formId} label={labels.german} lang="de" defaultValue={values.scopeDe} errors={errors.scopeDe} maxLength={2000} />
          <TextareaField name="scopeEn" formId={formId} label={labels.english} lang="en" defaultValue={values.scopeEn} errors={errors.scopeEn} maxLength={2000} />
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-900">{labels.summary}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextareaField name="summaryDe" formId={formId} label={labels.german} lang="de" defaultValue={values.summaryDe} errors={errors.summaryDe} maxLength={2000} />
          <TextareaField name="summaryEn" formId={formId} label={labels.english} lang="en" defaultValue={values.summaryEn} errors={errors.summaryEn} maxLength={2000} />
        </div>
      </fieldset>
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
