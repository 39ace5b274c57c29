import { z } from "zod";

// The audit log's filter form (a GET form: the values live in the URL, so a filtered view can be
// bookmarked and the CSV export receives exactly what the page shows). Every field is optional;
// error messages are keys of audit.json "filter.errors".
const CONTROL = /[\u0000-\u001f\u007f]/u;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** "member.removed" (exact) or "member." (every action starting with it). */
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.?$/;

const optional = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const dayField = z.preprocess(
  optional,
  z
    .string()
    .trim()
    .refine((value) => isCalendarDay(value), "date")
    .optional(),
);

export const auditFilterSchema = z
  .object({
    actor: z.preprocess(optional, z.string().trim().max(254, "tooLong:254").refine((value) => !CONTROL.test(value), "invalidCharacters").transform((value) => value.toLowerCase()).optional()),
    action: z.preprocess(optional, z.string().trim().max(100, "tooLong:100").refine((value) => ACTION.test(value), "action").optional()),
    from: dayField,
    to: dayField,
  })
  // zod runs this even when a day is invalid; only two real days can be out of order.
  .refine((f) => !f.from || !f.to || !isCalendarDay(f.from) || !isCalendarDay(f.to) || f.from <= f.to, { path: ["to"], message: "dateOrder" });

export type AuditFilter = z.infer<typeof auditFilterSchema>;
export const AUDIT_FILTER_FIELDS = ["actor", "action", "from", "to"] as const;

/** A real day between 2000 and 2999 ("2026-02-30" is not). */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The calendar day after `day` ("2026-12-31" → "2027-01-01"): a date filter's "to" is inclusive. */
export function nextDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** The page number from the URL; anything but a sane positive integer is page 1. */
export function pageNumber(value: unknown): number {
  const page = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return page >= 1 ? page : 1;
}

export type AuditFilterInput = Record<string, string | string[] | undefined>;

/** Validates the filter from URL search params or form fields (first value of a repeated name). */
export function parseAuditFilter(input: AuditFilterInput) {
  const values: Record<string, string> = {};
  for (const field of AUDIT_FILTER_FIELDS) {
    const raw = input[field];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === "string") values[field] = value;
  }
  const result = auditFilterSchema.safeParse(values);
  if (result.success) return { ok: true as const, filter: result.data, values };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
  return { ok: false as const, fieldErrors, values };
}
