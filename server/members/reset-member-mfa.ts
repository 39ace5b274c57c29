import "server-only";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit/record";
import { resetUserMfa } from "../auth/mfa-enrolment";
import { withTenant } from "../db/client";
import type { RequestMeta } from "../request-context";
import { assertId, lockedMember, type MembersInput } from "./context";

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
    const { actorRoles, member } = await lockedMember(tx, input, "members.resetMfa");
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
