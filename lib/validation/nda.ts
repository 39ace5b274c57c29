import { z } from "zod";
import { textField } from "./fields";

// The NDA forms: the tenant's text per locale (console) and a customer's click-through acceptance.
// Messages are keys: plain ones are errors.validation.*, "!"-prefixed ones nda.validation.*.

export const NDA_MAX_LENGTH = 50_000;
const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

const ndaText = z
  .string({ error: "required" })
  .transform((value) => value.replace(/\r\n?/g, "\n").trim())
  .refine((value) => value.length > 0, "required")
  .refine((value) => value.length <= NDA_MAX_LENGTH, `tooLong:${NDA_MAX_LENGTH}`)
  .refine((value) => !CONTROL_EXCEPT_NEWLINES.test(value), "invalidCharacters");

/** Both locales are required: a customer reads the NDA in their language, and accepts one text. */
export const ndaTextSchema = z.object({
  textDe: ndaText,
  textEn: ndaText,
  intent: z.enum(["publish", "correct"], { error: "required" }),
  /** For "correct": the version the editor saw. */
  number: z.coerce.number({ error: "!outdated" }).int("!outdated").positive("!outdated").optional(),
});

export const ndaAcceptanceSchema = z.object({
  versionNumber: z.coerce.number({ error: "!outdated" }).int("!outdated").positive("!outdated"),
  companyName: textField(200),
  accept: z.literal("on", { error: "!mustAccept" }),
});

export type NdaAcceptanceInput = z.infer<typeof ndaAcceptanceSchema>;
