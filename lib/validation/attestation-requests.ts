import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { textField } from "./fields";

// The attestation forms: the customer's request, answer and withdrawal, the reviewer's decisions.
// Messages are keys: errors.validation ("required", "tooLong:n", "invalidCharacters") or, for the
// ones only this workflow has, attestations.validation ("certifications", "idempotencyKey", "revision").

const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

export const MESSAGE_MAX = 2000;
export const PURPOSE_MAX = 1000;

/** Free text over several lines (a purpose, a question, a reason): tabs and line breaks allowed. */
export function multilineField(max: number) {
  return z
    .string({ error: "required" })
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .refine((value) => value.length > 0, "required")
    .refine((value) => value.length <= max, `tooLong:${max}`)
    .refine((value) => !CONTROL_EXCEPT_LINES.test(value), "invalidCharacters");
}

const idField = z.uuid({ error: "notFound" });

/** A checkbox group: nothing, one value or several; distinct ids, at least one. */
const certificationsField = z.preprocess(
  (value) => (value === undefined ? [] : [value].flat()),
  z
    .array(z.uuid({ error: "certifications" }), { error: "certifications" })
    .min(1, "certifications")
    .max(50, "certifications")
    .transform((ids) => [...new Set(ids)]),
);

const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), textField(max).optional());

export const createAttestationRequestSchema = z.object({
  certificationIds: certificationsField,
  companyName: textField(200),
  purpose: multilineField(PURPOSE_MAX),
  contractReference: optionalText(100),
  locale: z.enum(LOCALES, { error: "required" }),
  /** Generated when the form rendered: the same key twice is the same request. */
  idempotencyKey: z.uuid({ error: "idempotencyKey" }),
});

/** The state the acting page showed: a change made meanwhile by someone else is refused, not overwritten. */
const revisionField = z
  .string({ error: "revision" })
  .regex(/^\d{1,7}$/, "revision")
  .transform(Number);

export const requestActionSchema = z.object({ requestId: idField, revision: revisionField });
export const requestMessageSchema = requestActionSchema.extend({ message: multilineField(MESSAGE_MAX) });

export type CreateAttestationRequestInput = z.infer<typeof createAttestationRequestSchema>;

const STATE_FILTERS = ["open", "all", "SUBMITTED", "IN_REVIEW", "INFO_REQUESTED", "APPROVED", "ISSUED", "REJECTED", "WITHDRAWN", "EXPIRED", "REVOKED"] as const;
const AGE_FILTERS = ["all", "day", "week", "older"] as const;

/** The reviewer queue's filters from the query string: anything unknown falls back to the default view. */
export const queueFilterSchema = z.object({
  state: z.enum(STATE_FILTERS).catch("open"),
  age: z.enum(AGE_FILTERS).catch("all"),
  certification: z.uuid().nullable().catch(null),
});

export type QueueFilterInput = z.infer<typeof queueFilterSchema>;

export function parseQueueFilter(query: Record<string, string | string[] | undefined>): QueueFilterInput {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return queueFilterSchema.parse({ state: first(query.state) ?? "open", age: first(query.age) ?? "all", certification: first(query.certification) || null });
}
