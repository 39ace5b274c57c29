import "server-only";
import { AppError, AuthorizationError } from "@/lib/errors";
import { recordAudit } from "../audit/record";
import { resetUserMfa } from "../auth/mfa-enrolment";
import { withTenant } from "../db/client";
import type { RequestMeta } from "../request-context";
import { assertId, currentActorRoles, lockTenantMembers, staffRoles, type MembersInput } from "./context";
import { mayTouchMember } from "./rules";

export interface ResetMemberMfaInput extends MembersInput {
  memberId: string;
  meta: RequestMeta;
}

/**
 * A member lost their authenticator: an owner or admin turns their TOTP off. Their sessions end at
 * once and the console stays closed to them until they enrol again. Not for oneself (the security
 * page is), and only an owner may do it to an owner.
 */
export async function resetMemberMfa(input: ResetMemberMfaInput): Promise<{ userId: string; sessionsEnded: number }> {
  const tenantId = input.tenant.id;
  assertId(input.memberId, "member");
  return withTenant(tenantId, async (tx) => {
    await lockTenantMembers(tx, tenantId);
    const actorRoles = await currentActorRoles(tx, tenantId, input.actor, "members.resetMfa");
    const member = await tx.membership.findFirst({ where: { id: input.memberId, tenantId }, include: { user: { select: { email: true } } } });
    if (!member) throw new AppError("notFound", "no such member in this tenant");
    const roles = staffRoles(member.roles);
    if (!mayTouchMember(actorRoles, roles)) throw new AuthorizationError("forbidden", "only an owner may reset an owner's MFA");
    if (member.userId === input.actor.id) throw new AppError("conflict", "reset your own MFA on the security page", { reason: "self" });
    const { sessionsEnded } = await resetUserMfa(tx, member.userId);
    await recordAudit(tx, {
      tenantId,
      actor: { id: input.actor.id, email: input.actor.email, roles: actorRoles },
      action: "member.mfa_reset",
      target: { type: "membership", id: member.id },
      data: { userId: member.userId, email: member.user.email, sessionsEnded },
      meta: input.meta,
    });
    return { userId: member.userId, sessionsEnded };
  });
}
