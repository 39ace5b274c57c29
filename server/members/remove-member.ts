import "server-only";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit/record";
import { deleteUserSessions } from "../auth/session";
import { withTenant } from "../db/client";
import type { RequestMeta } from "../request-context";
import { assertId, lockedMember, ownerCount, type MembersInput } from "./context";
import { isLastOwner } from "./rules";

export interface RemoveMemberInput extends MembersInput {
  memberId: string;
  meta: RequestMeta;
}

/**
 * Removes a member and, in the same transaction, ends every session of that user: their next
 * request is signed out (sessions are re-read on every request), not merely denied this console.
 */
export async function removeMember(input: RemoveMemberInput): Promise<{ userId: string; sessionsEnded: number }> {
  const tenantId = input.tenant.id;
  assertId(input.memberId, "member");
  return withTenant(tenantId, async (tx) => {
    const { actorRoles, member, roles } = await lockedMember(tx, input, "members.remove");
    if (isLastOwner(roles, await ownerCount(tx, tenantId))) {
      throw new AppError("conflict", "the last owner cannot be removed", { reason: "lastOwner" });
    }

    await tx.membership.delete({ where: { id: member.id } });
    const sessionsEnded = await deleteUserSessions(tx, member.userId);
    await recordAudit(tx, {
      tenantId,
      actor: { id: input.actor.id, email: input.actor.email, roles: actorRoles },
      action: "member.removed",
      target: { type: "membership", id: member.id },
      data: { userId: member.userId, email: member.user.email, roles, sessionsEnded },
      meta: input.meta,
    });
    return { userId: member.userId, sessionsEnded };
  });
}
