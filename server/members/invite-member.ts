import "server-only";
import type { StaffRole } from "@/lib/auth/permissions";
import { AppError, AuthorizationError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { recordAudit } from "../audit/record";
import { withTenant } from "../db/client";
import { env } from "../env";
import { translator } from "../i18n/translator";
import { sendMail } from "../mail/send";
import type { RequestMeta } from "../request-context";
import { consume } from "../security/rate-limit";
import { hashToken, newToken } from "../security/tokens";
import { currentActorRoles, lockTenantMembers, type MembersInput } from "./context";
import { mayManageOwners } from "./rules";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

export interface InviteMemberInput extends MembersInput {
  email: string;
  roles: readonly StaffRole[];
  /** Language of the invitation email. */
  locale: Locale;
  meta: RequestMeta;
}

/**
 * Invites an address into the tenant's staff. One open invitation per address and tenant: inviting
 * again replaces the earlier link (new token, roles and expiry), so only the newest mail works.
 */
export async function inviteMember(input: InviteMemberInput): Promise<{ invitationId: string; reinvited: boolean }> {
  const email = input.email.trim().toLowerCase();
  const roles = [...new Set(input.roles)];
  if (roles.length === 0) throw new AppError("invalid", "an invitation needs at least one role", { field: "roles" });
  await consume("invitationsPerTenant", input.tenant.id);
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);

  const result = await withTenant(input.tenant.id, async (tx) => {
    await lockTenantMembers(tx, input.tenant.id);
    const actorRoles = await currentActorRoles(tx, input.tenant.id, input.actor, "members.invite");
    const existing = await tx.invitation.findFirst({ where: { tenantId: input.tenant.id, email, acceptedAt: null, revokedAt: null } });
    if ((roles.includes("OWNER") || existing?.roles.includes("OWNER")) && !mayManageOwners(actorRoles)) {
      throw new AuthorizationError("forbidden", "only an owner may invite an owner");
    }
    const member = await tx.membership.findFirst({ where: { tenantId: input.tenant.id, user: { email } }, select: { id: true } });
    if (member) throw new AppError("conflict", "already a member", { reason: "alreadyMember", field: "email" });

    const data = { roles, tokenHash: hashToken(token), invitedById: input.actor.id, expiresAt };
    const invitation = existing
      ? await tx.invitation.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.invitation.create({ data: { ...data, tenantId: input.tenant.id, email }, select: { id: true } });
    await recordAudit(tx, {
      tenantId: input.tenant.id,
      actor: { id: input.actor.id, email: input.actor.email, roles: actorRoles },
      action: "member.invited",
      target: { type: "invitation", id: invitation.id },
      data: { email, roles, expiresAt: expiresAt.toISOString(), reinvited: existing !== null, ...(existing ? { previousRoles: existing.roles } : {}), locale: input.locale },
      meta: input.meta,
    });
    return { invitationId: invitation.id, reinvited: existing !== null };
  });

  await sendMail(invitationMail({ email, token, roles, locale: input.locale, tenantName: input.tenant.name, inviter: input.actor.email }));
  return result;
}

function invitationMail(input: { email: string; token: string; roles: StaffRole[]; locale: Locale; tenantName: string; inviter: string }) {
  const t = translator(input.locale, "members");
  const roleNames = translator(input.locale, "console");
  const url = new URL(`/invitations/${input.token}`, env().APP_ORIGIN).toString();
  return {
    to: input.email,
    subject: t("mail.subject", { tenant: input.tenantName }),
    text: t("mail.body", {
      tenant: input.tenantName,
      inviter: input.inviter,
      roles: input.roles.map((role) => roleNames(`roles.${role}`)).join(", "),
      url,
      days: INVITATION_TTL_MS / (24 * 60 * 60_000),
    }),
  };
}
