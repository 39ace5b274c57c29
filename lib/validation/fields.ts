import { z } from "zod";

// Field rules shared by the forms. Messages are keys of errors.validation (with ":n" for a limit),
// translated by the server action that answers the form.
const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/u;
const CONTROL = /[\u0000-\u001f\u007f]/u;

export const emailField = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(254, "tooLong:254")
  .refine((value) => EMAIL_PATTERN.test(value) && !CONTROL.test(value), "email")
  .transform((value) => value.toLowerCase());

/** Free text on one line (names, companies): no control characters. */
export function textField(max: number) {
  return z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(max, `tooLong:${max}`)
    .refine((value) => !CONTROL.test(value), "invalidCharacters");
}

/** A password is checked by server/auth/password.ts; here only presence and a sane upper bound. */
export const passwordField = z.string({ error: "required" }).min(1, "required").max(1024, "tooLong:128");

/** A 6-digit TOTP code or a recovery code (xxxx-xxxx-xxxx). */
export const secondFactorField = z
  .string({ error: "required" })
  .transform((value) => value.replace(/\s+/g, ""))
  .refine((value) => value.length > 0, "required")
  .refine((value) => /^\d{6}$/.test(value) || /^[a-z0-9]{4}-?[a-z0-9]{4}-?[a-z0-9]{4}$/i.test(value), "code");
