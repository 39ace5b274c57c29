import { z } from "zod";
import { textField } from "./fields";

// The certification form (create and edit) and the certificate upload. Messages are keys: plain
// ones are errors.validation.*, "!"-prefixed ones are certifications.validation.* (translated by
// the certifications actions).

export const CERTIFICATION_FRAMEWORKS = ["ISO_27001", "ISO_27017", "ISO_27018", "ISO_27701", "SOC2_TYPE2", "BSI_C5", "TISAX", "CUSTOM"] as const;
export type CertificationFrameworkValue = (typeof CERTIFICATION_FRAMEWORKS)[number];

/** A certificate PDF may be at most this large (the server action body limit leaves room for the form). */
export const CERTIFICATE_MAX_BYTES = 10 * 1024 * 1024;

const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day "YYYY-MM-DD" between 1990 and 2200 (2026-02-30 is none). */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1990 || year > 2200) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const dayField = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .refine(isCalendarDay, "!date");

/** Optional free text over several lines (scope, summary): empty means "not given". */
function optionalText(max: number) {
  return z
    .string({ error: "!invalid" })
    .optional()
    .transform((value) => (value ?? "").replace(/\r\n?/g, "\n").trim())
    .refine((value) => value.length <= max, `tooLong:${max}`)
    .refine((value) => !CONTROL_EXCEPT_NEWLINES.test(value), "invalidCharacters");
}

const optionalLine = (max: number) =>
  z
    .string({ error: "!invalid" })
    .optional()
    .transform((value) => (value ?? "").trim())
    .refine((value) => value.length <= max, `tooLong:${max}`)
    .refine((value) => !/[\u0000-\u001f\u007f]/u.test(value), "invalidCharacters");

/** A checkbox sends "on" when ticked and nothing otherwise. */
const checkbox = z.unknown().optional().transform((value) => value === "on" || value === "true");

export const certificationSchema = z
  .object({
    framework: z.enum(CERTIFICATION_FRAMEWORKS, { error: "!framework" }),
    label: optionalLine(120),
    certifier: textField(200),
    certificateNumber: optionalLine(100),
    issuedAt: dayField,
    validUntil: dayField,
    suspended: checkbox,
    withdrawn: checkbox,
    scopeDe: optionalText(2000),
    scopeEn: optionalText(2000),
    summaryDe: optionalText(2000),
    summaryEn: optionalText(2000),
  })
  .superRefine((value, ctx) => {
    if (value.framework === "CUSTOM" && value.label.length === 0) ctx.addIssue({ code: "custom", path: ["label"], message: "!customLabel" });
    // Calendar days compare as strings.
    if (isCalendarDay(value.issuedAt) && isCalendarDay(value.validUntil) && value.validUntil <= value.issuedAt) {
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "!validUntilBeforeIssue" });
    }
  });

export type CertificationInput = z.infer<typeof certificationSchema>;

export const certificationIdSchema = z.object({ certificationId: z.uuid({ error: "required" }) });

/** What the console stores: one value per column. */
export function certificationData(input: CertificationInput) {
  const localized = (de: string, en: string) => ({ ...(de ? { de } : {}), ...(en ? { en } : {}) });
  return {
    framework: input.framework,
    label: input.framework === "CUSTOM" ? input.label : null,
    certifier: input.certifier,
    certificateNumber: input.certificateNumber || null,
    issuedAt: input.issuedAt,
    validUntil: input.validUntil,
    suspended: input.suspended,
    withdrawn: input.withdrawn,
    scope: localized(input.scopeDe, input.scopeEn),
    summary: localized(input.summaryDe, input.summaryEn),
  };
}

export type CertificationData = ReturnType<typeof certificationData>;
