"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TopicCheckboxes, type TopicOption } from "./topic-checkboxes";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export interface OwnSubscriptionLabels {
  topics: string;
  save: string;
  saving: string;
  unsubscribe: string;
  unsubscribing: string;
}

/** One subscription on /account: its topics (saved together) and an unsubscribe button. */
export function OwnSubscription({ id, topics, checked, save, unsubscribe, labels }: { id: string; topics: readonly TopicOption[]; checked: readonly string[]; save: Action; unsubscribe: Action; labels: OwnSubscriptionLabels }) {
  const [saved, saveAction] = useActionState(save, IDLE);
  const [ended, unsubscribeAction] = useActionState(unsubscribe, IDLE);
  const values = saved.status === "error" ? saved.values : undefined;
  return (
    <div className="space-y-4">
      {saved.message ? <FormAlert tone={saved.status === "success" ? "success" : "error"} testId={saved.status === "success" ? "topics-saved" : "form-alert"}>{saved.message}</FormAlert> : null}
      {ended.message ? <FormAlert tone="error">{ended.message}</FormAlert> : null}
      <form action={saveAction} noValidate className="space-y-4" data-testid="subscription-topics">
        <input type="hidden" name="subscriptionId" value={id} />
        <TopicCheckboxes idPrefix={`subscription-${id}`} legend={labels.topics} options={topics} checked={values ? (values.topics ?? "").split(",") : checked} errors={saved.fieldErrors?.topics} />
        <SubmitButton pendingLabel={labels.saving} variant="secondary">{labels.save}</SubmitButton>
      </form>
      <form action={unsubscribeAction}>
        <input type="hidden" name="subscriptionId" value={id} />
        <SubmitButton pendingLabel={labels.unsubscribing} variant="danger">{labels.unsubscribe}</SubmitButton>
      </form>
    </div>
  );
}
