"use client";
import { useActionState, useState } from "react";
import { Field, TextareaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SectionFormState } from "@/lib/validation/measures-editor-state";
import { ChangeKindField, type ChangeKindValue } from "./change-kind-field";
import { useUnsavedChangesWarning } from "./use-unsaved-changes";

interface Props {
  action: (state: SectionFormState, formData: FormData) => Promise<SectionFormState>;
  versionId: string;
  labels: { title: string; body: string; bodyHint: string; changeKind: string; changeKinds: { none: string; EDITORIAL: string; MATERIAL: string }; submit: string; pending: string };
}

export function AddSectionForm({ action, versionId, labels }: Props) {
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [changeKind, setChangeKind] = useState<ChangeKindValue>("EDITORIAL");
  const [state, formAction] = useActionState(async (previous: SectionFormState, formData: FormData) => {
    const next = await action(previous, formData);
    // Added: the form starts empty again (the section is in the list now).
    if (next.status === "success") {
      setTitle("");
      setBody("");
    }
    return next;
  }, { status: "idle" } as SectionFormState);
  useUnsavedChangesWarning(title !== "" || body !== "");
  return (
    <form action={formAction} noValidate className="space-y-4" data-testid="add-section-form">
      <input type="hidden" name="versionId" value={versionId} />
      {state.message ? <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? "section-added" : "form-alert"}>{state.message}</FormAlert> : null}
      <Field name="title" label={labels.title} value={title} onChange={(e) => setTitle(e.target.value)} errors={state.fieldErrors?.title} formId="add" maxLength={200} required />
      <TextareaField monospace id="add-body" name="body" label={labels.body} hint={labels.bodyHint} value={body} onChange={(e) => setBody(e.target.value)} errors={state.fieldErrors?.body} rows={6} required />
      <ChangeKindField idPrefix="add" value={changeKind} onChange={setChangeKind} legend={labels.changeKind} options={labels.changeKinds} errors={state.fieldErrors?.changeKind} allowNone={false} />
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
