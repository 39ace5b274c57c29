"use client";
import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { confirmMfaAction, type SecurityFormState } from "@/app/(app)/account/security/actions";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { RecoveryCodes } from "./recovery-codes";

interface Labels {
  scan: string;
  qrAlt: string;
  manual: string;
  code: string;
  submit: string;
  codesTitle: string;
  codesHint: string;
  continue: string;
}

interface Props {
  /** The pending enrolment, or null once MFA is on. */
  enrolment: { qrDataUrl: string; secret: string } | null;
  /** What to show when MFA is on (and no codes from this enrolment are waiting to be read). */
  enabled: ReactNode;
  next: string;
  labels: Labels;
}

/**
 * Rendered in both states, so that the recovery codes from the enrolment survive the refresh that
 * follows it (the server then renders "MFA is on"; this component keeps its action state).
 */
export function MfaEnrolmentForm({ enrolment, enabled, next, labels }: Props) {
  const [state, action] = useActionState<SecurityFormState, FormData>(confirmMfaAction, { status: "idle" });
  if (state.status === "success" && state.recoveryCodes) {
    return (
      <div className="space-y-4">
        <FormAlert tone="success">{state.message}</FormAlert>
        <RecoveryCodes codes={state.recoveryCodes} title={labels.codesTitle} hint={labels.codesHint} />
        <Link href={next} className="inline-block font-medium" data-testid="mfa-continue">
          {labels.continue}
        </Link>
      </div>
    );
  }
  if (!enrolment) return <>{enabled}</>;
  const { qrDataUrl, secret } = enrolment;
  return (
    <form action={action} noValidate className="space-y-4" data-testid="mfa-enrolment-form">
      {state.message && !state.fieldErrors?.code ? <FormAlert tone="error">{state.message}</FormAlert> : null}
      <p className="text-slate-700">{labels.scan}</p>
      <img src={qrDataUrl} alt={labels.qrAlt} width={192} height={192} className="h-48 w-48 rounded border border-slate-200 bg-white p-2" />
      <p className="text-sm text-slate-700">
        {labels.manual}{" "}
        <code className="break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-900" data-testid="totp-secret">
          {secret}
        </code>
      </p>
      <Field name="code" label={labels.code} autoComplete="one-time-code" inputMode="numeric" required errors={state.fieldErrors?.code} formId="enrol" />
      <SubmitButton>{labels.submit}</SubmitButton>
    </form>
  );
}
