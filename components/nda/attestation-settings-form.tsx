"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { Field, TextareaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

export type AttestationSettingsLabels = Record<
  "ndaEnabled" | "ndaEnabledHint" | "openRequestLimit" | "openRequestLimitHint" | "autoApproveDomains" | "autoApproveDomainsHint" | "reviewReminderHours" | "reviewReminderHoursHint" | "save" | "saving",
  string
>;

interface Props {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: { ndaEnabled: boolean; openRequestLimit: number; autoApproveDomains: readonly string[]; reviewReminderHours: number };
  labels: AttestationSettingsLabels;
}

export function AttestationSettingsForm({ action, initial, labels }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const values = state.values ?? {
    ...(initial.ndaEnabled ? { ndaEnabled: "on" } : {}),
    openRequestLimit: String(initial.openRequestLimit),
    autoApproveDomains: initial.autoApproveDomains.join("\n"),
    reviewReminderHours: String(initial.reviewReminderHours),
  };
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-5" data-testid="attestation-settings-form" key={JSON.stringify(values)}>
      {state.message ? (
        <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? "settings-saved" : "form-alert"}>
          {state.message}
        </FormAlert>
      ) : null}
      <div className="space-y-1">
        <div className="flex items-center gap-2">
          <input id="settings-ndaEnabled" type="checkbox" name="ndaEnabled" defaultChecked={values.ndaEnabled === "on"} aria-describedby="settings-ndaEnabled-hint" className="h-4 w-4 rounded border-slate-400" />
          <label htmlFor="settings-ndaEnabled" className="text-sm font-medium text-slate-900">
            {labels.ndaEnabled}
          </label>
        </div>
        <p id="settings-ndaEnabled-hint" className="text-sm text-slate-600">
          {labels.ndaEnabledHint}
        </p>
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="openRequestLimit" formId="settings" type="number" min={1} max={100} label={labels.openRequestLimit} hint={labels.openRequestLimitHint} defaultValue={values.openRequestLimit} errors={errors.openRequestLimit} />
        <Field name="reviewReminderHours" formId="settings" type="number" min={1} max={720} label={labels.reviewReminderHours} hint={labels.reviewReminderHoursHint} defaultValue={values.reviewReminderHours} errors={errors.reviewReminderHours} />
      </div>
      <TextareaField name="autoApproveDomains" formId="settings" label={labels.autoApproveDomains} hint={labels.autoApproveDomainsHint} rows={4} defaultValue={values.autoApproveDomains} errors={errors.autoApproveDomains} spellCheck={false} />
      <SubmitButton pendingLabel={labels.saving}>{labels.save}</SubmitButton>
    </form>
  );
}
