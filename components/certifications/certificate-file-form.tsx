"use client";
import { useActionState, useState, type FormEvent } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { CERTIFICATE_MAX_BYTES } from "@/lib/validation/certifications";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

interface Props {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  certificationId: string;
  hasFile: boolean;
  labels: { choose: string; upload: string; replace: string; uploading: string; tooLarge: string; missing: string };
}

/**
 * Uploads the certificate PDF. The server checks size and magic bytes; a file over the limit is
 * also stopped here, before the browser sends megabytes the server would refuse anyway.
 */
export function CertificateFileForm({ action, certificationId, hasFile, labels }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const [localError, setLocalError] = useState<string | null>(null);
  const errors = localError ? [localError] : state.fieldErrors?.certificate;
  const errorId = errors?.length ? "certificate-file-error" : undefined;

  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem("certificate") as HTMLInputElement | null;
    const file = input?.files?.[0];
    const problem = !file ? labels.missing : file.size > CERTIFICATE_MAX_BYTES ? labels.tooLarge : null;
    setLocalError(problem);
    if (problem) event.preventDefault();
  }

  return (
    <form action={formAction} onSubmit={checkBeforeSending} noValidate className="space-y-3" data-testid="certificate-upload-form">
      {state.message ? (
        <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? "certificate-uploaded" : "form-alert"}>
          {state.message}
        </FormAlert>
      ) : null}
      <input type="hidden" name="certificationId" value={certificationId} />
      <div className="space-y-1.5">
        <label htmlFor="certificate-file" className="block text-sm font-medium text-slate-900">
          {labels.choose}
        </label>
        <input
          id="certificate-file"
          name="certificate"
          type="file"
          accept="application/pdf,.pdf"
          aria-invalid={errorId ? true : undefined}
          aria-describedby={errorId}
          onChange={() => setLocalError(null)}
          className="block w-full text-sm text-slate-900 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-900"
        />
        {errorId ? (
          <p id={errorId} data-testid="error-certificate" className="text-sm font-medium text-rose-700">
            {errors!.join(" ")}
          </p>
        ) : null}
      </div>
      <SubmitButton variant="secondary" pendingLabel={labels.uploading}>
        {hasFile ? labels.replace : labels.upload}
      </SubmitButton>
    </form>
  );
}
