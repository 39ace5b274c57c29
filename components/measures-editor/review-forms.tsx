"use client";
import { useActionState, useState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

// The review forms of a draft's page, rendered by the workflow panel only for a viewer the server
// would let use them (the panel decides; the server decides again).

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

function Alert({ state, testId }: { state: FormState; testId: string }) {
  if (!state.message) return null;
  return (
    <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? `${testId}-done` : `${testId}-error`}>
      {state.message}
    </FormAlert>
  );
}

function Hidden({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

function Comment({ id, label, hint, required, errors, defaultValue }: { id: string; label: string; hint?: string; required?: boolean; errors?: string[]; defaultValue?: string }) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">{label}</label>
      <textarea
        id={id}
        name="comment"
        rows={4}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-slate-900 sm:text-sm ${errorId ? "border-rose-600" : "border-slate-300"}`}
      />
      {hint ? <p id={hintId} className="text-sm text-slate-600">{hint}</p> : null}
      {errorId ? <p id={errorId} data-testid="error-comment" className="text-sm font-medium text-rose-700">{errors!.join(" ")}</p> : null}
    </div>
  );
}

export function SubmitForReviewForm({ action, versionId, labels }: { action: Action; versionId: string; labels: { button: string; pending: string } }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" data-testid="submit-for-review-form">
      <Alert state={state} testId="submit-for-review" />
      <Hidden fields={{ versionId }} />
      <SubmitButton pendingLabel={labels.pending}>{labels.button}</SubmitButton>
    </form>
  );
}

export function ReturnDraftForm({ action, versionId, submission, labels }: { action: Action; versionId: string; submission: string; labels: { heading: string; comment: string; commentHint: string; button: string; pending: string } }) {
  const [state, formAction] = useActionState(action, IDLE);
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} noValidate className="space-y-4" data-testid="return-draft-form" aria-labelledby="return-draft-heading">
      <h3 id="return-draft-heading" className="text-base font-semibold">{labels.heading}</h3>
      <Alert state={state} testId="return-draft" />
      <Hidden fields={{ versionId, submission }} />
      <Comment id="return-comment" label={labels.comment} hint={labels.commentHint} required errors={state.fieldErrors?.comment} defaultValue={values?.comment} />
      <SubmitButton variant="secondary" pendingLabel={labels.pending}>{labels.button}</SubmitButton>
    </form>
  );
}

export interface ApproveFormLabels {
  heading: string;
  intro: string;
  effective: string;
  effectiveNow: string;
  effectiveLater: string;
  effectiveAt: string;
  effectiveAtHint: string;
  noticeHint: string;
  material: string;
  materialIntro: string;
  confirmNoReduction: string;
  classifyMaterial: string;
  comment: string;
  button: string;
  pending: string;
}

interface ApproveProps {
  action: Action;
  versionId: string;
  submission: string;
  materialDecisionNeeded: boolean;
  /** datetime-local values in the tenant's time zone. */
  minEffectiveAt: string;
  suggestedEffectiveAt: string;
  labels: ApproveFormLabels;
}

export function ApproveVersionForm({ action, versionId, submission, materialDecisionNeeded, minEffectiveAt, suggestedEffectiveAt, labels }: ApproveProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const values = state.status === "error" ? state.values : undefined;
  const [effective, setEffective] = useState(values?.effective ?? "now");
  const materialError = state.fieldErrors?.material;
  const radio = "h-4 w-4 border-slate-400 text-brand focus:ring-brand";
  return (
    <form action={formAction} noValidate className="space-y-5" data-testid="approve-version-form" aria-labelledby="approve-version-heading">
      <h3 id="approve-version-heading" className="text-base font-semibold">{labels.heading}</h3>
      <p className="text-sm text-slate-700">{labels.intro}</p>
      <Alert state={state} testId="approve-version" />
      <Hidden fields={{ versionId, submission }} />

      {materialDecisionNeeded ? (
        <fieldset className="space-y-2" aria-describedby={materialError ? "approve-material-error" : undefined}>
          <legend className="text-sm font-medium text-slate-900">{labels.material}</legend>
          <p className="text-sm text-slate-700">{labels.materialIntro}</p>
          {(["confirmNoReduction", "classifyMaterial"] as const).map((value) => (
            <label key={value} className="flex items-start gap-2 text-sm text-slate-900">
              <input type="radio" name="material" value={value} defaultChecked={values?.material === value} className={`mt-0.5 ${radio}`} />
              <span>{labels[value]}</span>
            </label>
          ))}
          {materialError ? <p id="approve-material-error" data-testid="error-material" className="text-sm font-medium text-rose-700">{materialError.join(" ")}</p> : null}
        </fieldset>
      ) : null}

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">{labels.effective}</legend>
        {(["now", "scheduled"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm text-slate-900">
            <input type="radio" name="effective" value={value} checked={effective === value} onChange={() => setEffective(value)} className={radio} />
            <span>{value === "now" ? labels.effectiveNow : labels.effectiveLater}</span>
          </label>
        ))}
      </fieldset>
      {/* Always rendered (the form works without script); the server reads it only for "later". */}
      <Field
        name="effectiveAt"
        type="datetime-local"
        formId="approve"
        label={labels.effectiveAt}
        hint={materialDecisionNeeded ? `${labels.effectiveAtHint} ${labels.noticeHint}` : labels.effectiveAtHint}
        min={minEffectiveAt}
        step={1}
        defaultValue={values?.effectiveAt ?? suggestedEffectiveAt}
        errors={state.fieldErrors?.effectiveAt}
        onFocus={() => setEffective("scheduled")}
      />
      <Comment id="approve-comment" label={labels.comment} errors={state.fieldErrors?.comment} defaultValue={values?.comment} />
      <SubmitButton pendingLabel={labels.pending}>{labels.button}</SubmitButton>
    </form>
  );
}
