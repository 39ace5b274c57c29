"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

export interface RequestFormLabels {
  certifications: string;
  certificationsHint: string;
  companyName: string;
  companyNameHint: string;
  purpose: string;
  purposeHint: string;
  contractReference: string;
  locale: string;
  submit: string;
  pending: string;
}

interface Props {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  certifications: ReadonlyArray<{ id: string; name: string; detail: string }>;
  locales: ReadonlyArray<{ value: string; label: string }>;
  defaults: { companyName: string; locale: string };
  /** Generated when the page rendered: resubmitting this form is the same request. */
  idempotencyKey: string;
  labels: RequestFormLabels;
}

const inputClass = (invalid: boolean) =>
  `block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-slate-900 sm:text-sm ${invalid ? "border-rose-600" : "border-slate-300"}`;

export function AttestationRequestForm({ action, certifications, locales, defaults, idempotencyKey, labels }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const values = state.values;
  const errors = state.fieldErrors ?? {};
  const checked = values ? (values.certificationIds ?? "").split(",").filter(Boolean) : certifications.length === 1 ? [certifications[0]!.id] : [];
  const purposeError = errors.purpose?.length ? "request-purpose-error" : undefined;
  const certError = errors.certificationIds?.length ? "request-certifications-error" : undefined;
  return (
    <form action={formAction} noValidate className="space-y-6" data-testid="attestation-request-form">
      {state.message ? <FormAlert tone="error">{state.message}</FormAlert> : null}
      <input type="hidden" name="idempotencyKey" value={values?.idempotencyKey ?? idempotencyKey} />
      <fieldset className="space-y-2" aria-describedby={["request-certifications-hint", certError].filter(Boolean).join(" ")}>
        <legend className="text-sm font-medium text-slate-900">{labels.certifications}</legend>
        <p id="request-certifications-hint" className="text-sm text-slate-600">
          {labels.certificationsHint}
        </p>
        <ul className="space-y-2">
          {certifications.map((cert) => (
            <li key={cert.id} className="flex items-start gap-3 rounded-md border border-slate-200 bg-white p-3">
              <input id={`cert-${cert.id}`} type="checkbox" name="certificationIds" value={cert.id} defaultChecked={checked.includes(cert.id)} className="mt-1 h-4 w-4" />
              <label htmlFor={`cert-${cert.id}`} className="text-sm">
                <span className="block font-medium text-slate-900">{cert.name}</span>
                <span className="block text-slate-600">{cert.detail}</span>
              </label>
            </li>
          ))}
        </ul>
        {certError ? (
          <p id={certError} data-testid="error-certificationIds" className="text-sm font-medium text-rose-700">
            {errors.certificationIds!.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field formId="request" name="companyName" label={labels.companyName} hint={labels.companyNameHint} autoComplete="organization" required defaultValue={values?.companyName ?? defaults.companyName} errors={errors.companyName} />
      <div className="space-y-1.5">
        <label htmlFor="request-purpose" className="block text-sm font-medium text-slate-900">
          {labels.purpose}
        </label>
        <textarea
          id="request-purpose"
          name="purpose"
          rows={3}
          required
          defaultValue={values?.purpose}
          aria-invalid={purposeError ? true : undefined}
          aria-describedby={["request-purpose-hint", purposeError].filter(Boolean).join(" ")}
          className={inputClass(Boolean(purposeError))}
        />
        <p id="request-purpose-hint" className="text-sm text-slate-600">
          {labels.purposeHint}
        </p>
        {purposeError ? (
          <p id={purposeError} data-testid="error-purpose" className="text-sm font-medium text-rose-700">
            {errors.purpose!.join(" ")}
          </p>
        ) : null}
      </div>
      <Field formId="request" name="contractReference" label={labels.contractReference} defaultValue={values?.contractReference} errors={errors.contractReference} />
      <div className="space-y-1.5">
        <label htmlFor="request-locale" className="block text-sm font-medium text-slate-900">
          {labels.locale}
        </label>
        <select id="request-locale" name="locale" defaultValue={values?.locale ?? defaults.locale} className={inputClass(Boolean(errors.locale?.length))}>
          {locales.map((locale) => (
            <option key={locale.value} value={locale.value}>
              {locale.label}
            </option>
          ))}
        </select>
        {errors.locale?.length ? <p className="text-sm font-medium text-rose-700">{errors.locale.join(" ")}</p> : null}
      </div>
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
