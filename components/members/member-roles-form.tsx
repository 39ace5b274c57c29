"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { RoleCheckboxes, type RoleOption } from "./role-checkboxes";

interface Props {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  memberId: string;
  roles: readonly RoleOption[];
  current: readonly string[];
  legend: string;
  /** Only an owner may grant or take OWNER. */
  mayManageOwner: boolean;
  /** The last owner keeps OWNER. */
  lockedOwner: boolean;
  hint?: string;
  labels: { save: string; pending: string };
}

/** One member's roles; works without JavaScript (the action answers with the page). */
export function MemberRolesForm({ action, memberId, roles, current, legend, mayManageOwner, lockedOwner, hint, labels }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const checked = state.status === "error" ? (state.values?.roles?.split(",") ?? []) : current;
  return (
    <form action={formAction} noValidate className="space-y-4" data-testid="roles-form">
      {state.message && !state.fieldErrors ? (
        <FormAlert tone={state.status === "success" ? "success" : "error"} testId={state.status === "success" ? "roles-saved" : "form-alert"}>
          {state.message}
        </FormAlert>
      ) : null}
      <input type="hidden" name="memberId" value={memberId} />
      {/* Keyed by the roles: after a save the boxes start from the new roles, not the old defaults. */}
      <RoleCheckboxes
        key={checked.join()}
        idPrefix={`member-${memberId}`}
        legend={legend}
        options={roles}
        checked={checked}
        hideOwner={!mayManageOwner && !lockedOwner}
        lockedOwner={lockedOwner}
        hint={hint}
        errors={state.fieldErrors?.roles}
      />
      <SubmitButton variant="secondary" pendingLabel={labels.pending}>
        {labels.save}
      </SubmitButton>
    </form>
  );
}
