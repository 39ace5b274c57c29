import { z } from "zod";
import { MATERIAL_DECISIONS } from "@/lib/measures/workflow";

// The review forms of a draft's page (components/measures-editor/workflow-panel.tsx). Messages are
// keys of errors.validation; the effective date's rules (past, notice period) are the server's,
// answered at the field by the action.

const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

/** Comments span several lines; other control characters are refused. */
function commentField(max: number) {
  return z
    .string({ error: "required" })
    .trim()
    .max(max, `tooLong:${max}`)
    .refine((value) => !CONTROL_EXCEPT_LINE_BREAKS.test(value), "invalidCharacters");
}

const versionId = z.uuid({ error: "required" });
/** The submission the reviewer saw (the draft's submittedAt, ISO). */
const submission = z.iso.datetime({ error: "required" });

export const submitForReviewSchema = z.object({ versionId });

export const returnDraftSchema = z.object({
  versionId,
  submission,
  comment: commentField(4000).pipe(z.string().min(1, "required")),
});

export const approveVersionSchema = z
  .object({
    versionId,
    submission,
    effective: z.enum(["now", "scheduled"], { error: "required" }),
    /** datetime-local in the tenant's time zone; read by the server (lib/measures/workflow-dates.ts). */
    effectiveAt: z.string().trim().max(32, "tooLong:32").optional(),
    material: z.enum(MATERIAL_DECISIONS, { error: "required" }).optional(),
    comment: commentField(4000).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.effective === "scheduled" && !value.effectiveAt) ctx.addIssue({ code: "custom", path: ["effectiveAt"], message: "required" });
  });

export type ApproveVersionForm = z.infer<typeof approveVersionSchema>;
