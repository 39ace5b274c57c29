"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { Permission } from "@/lib/auth/permissions";
import { AuthorizationError, isAppError } from "@/lib/errors";
import { parseForm, submittedValues, type FormState } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/locales";
import { changeRolesSchema, inviteMemberSchema, removeMemberSchema, revokeInvitationSchema } from "@/lib/validation/members";
import { guardConsolePage } from "@/server/auth/page-guard";
import { errorState, fieldErrorState, unexpectedErrorState } from "@/server/forms/answer";
import { appLocale } from "@/server/i18n/app-locale";
import { changeRoles } from "@/server/members/change-roles";
import { staffActor } from "@/server/members/context";
import { inviteMember } from "@/server/members/invite-member";
import { removeMember } from "@/server/members/remove-member";
import { resetMemberMfa } from "@/server/members/reset-member-mfa";
import { revokeInvitation } from "@/server/members/revoke-invitation";
import { requestMeta } from "@/server/request-context";

// The members page's actions. The tenant slug is bound by the page from its route parameter and
// goes through the guard like the route itself; member and invitation ids are looked up inside
// that tenant only (another tenant's id is "not found").

const membersPath = (slug: string) => `/${slug}/admin/members`;

/** The guard as pages answer it: sign-in, MFA, 403 or 404 instead of an exception. */
const guard = (slug: string, permission: Permission) => guardConsolePage(slug, permission, membersPath(slug));

/** Roles arrive as several values of one field; kept as a list so the form can tick them again. */
function valuesWithRoles(formData: FormData): Record<string, string> {
  return { ...submittedValues(formData, ["roles"]), roles: formData.getAll("roles").filter((v) => typeof v === "string").join(",") };
}

/** The expected refusals of the members rules, as a message for the form. */
async function ruleViolation(error: unknown, locale: Locale): Promise<string | null> {
  const t = await getTranslations({ locale, namespace: "members" });
  if (error instanceof AuthorizationError && error.code === "forbidden") return t("errors.ownerOnly");
  if (!isAppError(error)) return null;
  if (error.code === "notFound") return t("errors.notFound");
  if (error.details?.reason === "lastOwner") return t("errors.lastOwner");
  if (error.details?.reason === "alreadyMember") return t("errors.alreadyMember");
  return null;
}

export async function inviteMemberAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await guard(slug, "members.invite");
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = valuesWithRoles(formData);
  const parsed = parseForm(inviteMemberSchema, formData);
  if (!parsed.ok) return fieldErrorState(locale, parsed.fieldErrors, values);
  let reinvited: boolean;
  try {
    ({ reinvited } = await inviteMember({ tenant: access.tenant, actor: staffActor(access), ...parsed.data, meta }));
  } catch (error) {
    const message = await ruleViolation(error, locale);
    if (message) return errorState(message, values, isAppError(error) && error.details?.field === "email" ? { email: [message] } : undefined);
    return unexpectedErrorState(error, locale, meta, values);
  }
  revalidatePath(membersPath(slug));
  const t = await getTranslations({ locale, namespace: "members" });
  // Success: the form starts empty again (values are not returned).
  return { status: "success", message: t(reinvited ? "invite.resent" : "invite.sent", { email: parsed.data.email }) };
}

export async function changeRolesAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await guard(slug, "members.changeRoles");
  const locale = await appLocale();
  const meta = await requestMeta();
  const values = valuesWithRoles(formData);
  const parsed = parseForm(changeRolesSchema, formData);
  if (!parsed.ok) return fieldErrorState(locale, parsed.fieldErrors, values);
  try {
    await changeRoles({ tenant: access.tenant, actor: staffActor(access), ...parsed.data, meta });
  } catch (error) {
    const message = await ruleViolation(error, locale);
    if (message) return errorState(message, values);
    return unexpectedErrorState(error, locale, meta, values);
  }
  revalidatePath(membersPath(slug));
  const t = await getTranslations({ locale, namespace: "members" });
  return { status: "success", message: t("notice.rolesSaved") };
}

/** Refusals of the buttons without a form state come back as ?error= on the members page. */
function failureCode(error: unknown): string | null {
  if (error instanceof AuthorizationError && error.code === "forbidden") return "ownerOnly";
  if (!isAppError(error)) return null;
  if (error.code === "notFound") return "notFound";
  if (error.details?.reason === "lastOwner") return "lastOwner";
  if (error.details?.reason === "self") return "self";
  return null;
}

export async function removeMemberAction(slug: string, formData: FormData): Promise<void> {
  const access = await guard(slug, "members.remove");
  const parsed = parseForm(removeMemberSchema, formData);
  if (!parsed.ok) redirect(`${membersPath(slug)}?error=notFound`);
  try {
    await removeMember({ tenant: access.tenant, actor: staffActor(access), memberId: parsed.data.memberId, meta: await requestMeta() });
  } catch (error) {
    const code = failureCode(error);
    if (code) redirect(`${membersPath(slug)}?error=${code}`);
    throw error;
  }
  revalidatePath(membersPath(slug));
  redirect(`${membersPath(slug)}?notice=removed`);
}

export async function revokeInvitationAction(slug: string, formData: FormData): Promise<void> {
  const access = await guard(slug, "members.invite");
  const parsed = parseForm(revokeInvitationSchema, formData);
  if (!parsed.ok) redirect(`${membersPath(slug)}?error=notFound`);
  try {
    await revokeInvitation({ tenant: access.tenant, actor: staffActor(access), invitationId: parsed.data.invitationId, meta: await requestMeta() });
  } catch (error) {
    const code = failureCode(error);
    if (code) redirect(`${membersPath(slug)}?error=${code}`);
    throw error;
  }
  revalidatePath(membersPath(slug));
  redirect(`${membersPath(slug)}?notice=revoked`);
}

export async function resetMemberMfaAction(slug: string, formData: FormData): Promise<void> {
  const access = await guard(slug, "members.resetMfa");
  const parsed = parseForm(removeMemberSchema, formData);
  if (!parsed.ok) redirect(`${membersPath(slug)}?error=notFound`);
  try {
    await resetMemberMfa({ tenant: access.tenant, actor: staffActor(access), memberId: parsed.data.memberId, meta: await requestMeta() });
  } catch (error) {
    const code = failureCode(error);
    if (code) redirect(`${membersPath(slug)}?error=${code}`);
    throw error;
  }
  revalidatePath(membersPath(slug));
  redirect(`${membersPath(slug)}?notice=mfaReset`);
}
