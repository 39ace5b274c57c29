import { z } from "zod";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import { LOCALES } from "@/lib/i18n/locales";
import { emailField } from "./fields";

// The members page's forms. A checkbox group arrives as nothing, one string or several strings
// (lib/forms.ts parseForm); it is read as a list of distinct roles, at least one.
const rolesField = z.preprocess(
  (value) => (value === undefined ? [] : [value].flat()),
  z
    .array(z.enum(STAFF_ROLES, { error: "roles" }))
    .min(1, "roles")
    .transform((roles) => STAFF_ROLES.filter((role) => roles.includes(role))),
);

const idField = z.uuid({ error: "required" });

export const inviteMemberSchema = z.object({
  email: emailField,
  roles: rolesField,
  /** Language of the invitation email (the inviter chooses; the form preselects their own). */
  locale: z.enum(LOCALES, { error: "required" }),
});

export const changeRolesSchema = z.object({ memberId: idField, roles: rolesField });
export const removeMemberSchema = z.object({ memberId: idField });
export const revokeInvitationSchema = z.object({ invitationId: idField });

export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;
