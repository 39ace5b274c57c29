"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/forms";
import { Badge } from "@/components/ui/badge";
import { HOSTNAME_INPUT, Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

/** One listed domain, with every text already translated and dates formatted. */
export interface SsoDomainItem {
  id: string;
  domain: string;
  state: "verified" | "unverified" | "failed";
  stateLabel: string;
  recordName: string;
  recordValue: string;
  /** "Verified on …" or "Last checked on …". */
  checked: string | null;
  /** Why the last check failed, next to the domain until the next check. */
  failure: string | null;
}

interface Props {
  addAction: (previous: FormState, formData: FormData) => Promise<FormState>;
  domainAction: (previous: FormState, formData: FormData) => Promise<FormState>;
  canUpdate: boolean;
  domains: SsoDomainItem[];
  labels: Record<"listLabel" | "empty" | "record" | "recordType" | "recordName" | "recordValue" | "keepRecord" | "verify" | "verifying" | "remove" | "domain" | "domainHint" | "add" | "adding", string>;
}

const TONE = { verified: "green", unverified: "amber", failed: "red" } as const;
const FORM_ID = "sso-domain";

/** The SSO email domains: each with its TXT record, status and buttons; below them the form adding one. */
export function SsoDomainList({ addAction, domainAction, canUpdate, domains, labels }: Props) {
  const [added, addFormAction] = useActionState(addAction, IDLE);
  const [changed, domainFormAction] = useActionState(domainAction, IDLE);
  return (
    <div className="mt-4 space-y-5">
      {changed.message ? (
        <FormAlert tone={changed.status === "success" ? "success" : "error"} testId="sso-domain-alert">
          {changed.message}
        </FormAlert>
      ) : null}
      {domains.length === 0 ? (
        <p className="text-sm text-slate-700" data-testid="sso-domains-empty">
          {labels.empty}
        </p>
      ) : (
        <ul aria-label={labels.listLabel} className="space-y-3" data-testid="sso-domains">
          {domains.map((item) => (
            <li key={item.id} className="rounded-lg border border-slate-200 p-4" data-testid="sso-domain" data-domain={item.domain}>
              <div className="flex flex-wrap items-center gap-3">
                <p className="break-all font-mono font-medium text-slate-900">{item.domain}</p>
                <Badge tone={TONE[item.state]}>
                  <span data-testid="sso-domain-status">{item.stateLabel}</span>
                </Badge>
              </div>
              {item.state === "verified" ? null : (
                <div className="mt-3 space-y-2 text-sm text-slate-700">
                  <p>{labels.record}</p>
                  <dl className="grid max-w-2xl grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 rounded-md bg-slate-50 px-3 py-2">
                    <dt className="font-medium text-slate-900">{labels.recordType}</dt>
                    <dd className="font-mono text-slate-900">TXT</dd>
                    <dt className="font-medium text-slate-900">{labels.recordName}</dt>
                    <dd className="break-all font-mono text-slate-900" data-testid="sso-domain-record-name">
                      {item.recordName}
                    </dd>
                    <dt className="font-medium text-slate-900">{labels.recordValue}</dt>
                    <dd className="break-all font-mono text-slate-900" data-testid="sso-domain-record-value">
                      {item.recordValue}
                    </dd>
                  </dl>
                </div>
              )}
              {item.failure ? (
                <p className="mt-2 max-w-prose text-sm font-medium text-rose-700" data-testid="sso-domain-failure">
                  {item.failure}
                </p>
              ) : null}
              {item.checked ? (
                <p className="mt-2 text-sm text-slate-600" data-testid="sso-domain-checked">
                  {item.checked}
                  {item.state === "verified" ? ` ${labels.keepRecord}` : null}
                </p>
              ) : null}
              {canUpdate ? (
                <form action={domainFormAction} className="mt-3 flex flex-wrap items-center gap-3">
                  <input type="hidden" name="domainId" value={item.id} />
                  {item.state === "verified" ? null : (
                    <SubmitButton name="intent" value="verify" pendingLabel={labels.verifying}>
                      {labels.verify}
                      <span className="sr-only"> {item.domain}</span>
                    </SubmitButton>
                  )}
                  <SubmitButton name="intent" value="remove" variant="secondary">
                    {labels.remove}
                    <span className="sr-only"> {item.domain}</span>
                  </SubmitButton>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canUpdate ? (
        <form action={addFormAction} noValidate className="max-w-2xl space-y-4" data-testid="sso-domain-add-form">
          {added.message ? <FormAlert tone={added.status === "success" ? "success" : "error"}>{added.message}</FormAlert> : null}
          <Field
            formId={FORM_ID}
            name="domain"
            {...HOSTNAME_INPUT}
            maxLength={254}
            label={labels.domain}
            hint={labels.domainHint}
            defaultValue={added.values?.domain ?? ""}
            errors={added.fieldErrors?.domain}
          />
          <SubmitButton pendingLabel={labels.adding}>{labels.add}</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
