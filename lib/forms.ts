import type { z } from "zod";

// The contract between a form and its server action: the action answers with translated field
// errors and the values the user submitted, so the form re-renders with the input kept.
export interface FormState {
  status: "idle" | "error" | "success";
  /** Translated, per field. */
  fieldErrors?: Record<string, string[]>;
  /** Translated, for the whole form. */
  message?: string;
  values?: Record<string, string>;
}

export const IDLE: FormState = { status: "idle" };

/** The submitted text values (never files or passwords), for re-rendering the form. */
export function submittedValues(formData: FormData, omit: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$") && !omit.includes(key)) values[key] = value;
  }
  return values;
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string[]> };

/** Validates form data; error messages of the schemas are message keys ("email.invalid"). */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): ParseResult<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData) {
    if (key.startsWith("$")) continue;
    if (key in raw) raw[key] = ([] as unknown[]).concat(raw[key], value);
    else raw[key] = value;
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    // One message per field: "required" and "invalid format" for an empty field would say the same twice.
    fieldErrors[field] ??= [issue.message];
  }
  return { ok: false, fieldErrors };
}
