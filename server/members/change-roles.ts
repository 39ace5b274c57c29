import "server-only";
import type { StaffRole } from "@/lib/auth/permissions";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import { AppError, AuthorizationError } from "@/lib/errors";
import { recordAudit } from "../audit/record";
import { withTenant } from "../db/client";
import type { RequestMeta } from "../request-context";
import { assertId, lockedMember, ownerCount, type MembersInput } from "./context";
import { changesOwnership, isLastOwner, mayManageOwners } from "./rules";

export interface ChangeRolesInput extends MembersInput {
  memberId: string;
  roles: readonly StaffRole[];
  meta: RequestMeta;
}

/** Replaces a member's roles. The new roles take effect on the member's next request. */
export async function changeRoles(input: ChangeRolesInput): Promise<{ before: StaffRole[]; after: StaffRole[] }> {
  // Canonical order, no duplicates: "before" and "after" in the audit log compare as lists.
  const after = STAFF_ROLES.filter((role) => input.roles.includes(role));
  if (after.length === 0) throw new AppError("invalid", "a member needs at least one role", { field: "roles" });
  const tenantId = input.tenant.id;

  assertId(input.memberId, "member");
  return withTenant(tenantId, async (tx) => {
    const { actorRoles, member, roles: before } = await lockedMember(tx, input, "members.changeRoles");
    if (changesOwnership(before, after) && !mayManageOwners(actorRoles)) {
      throw new AuthorizationError("forbidden", "only an owner may grant or take OWNER");
    }
    if (!after.includes("OWNER") && isLastOwner(before, await ownerCount(tx, tenantId))) {
      throw new AppError("conflict", "the last owner cannot be demoted", { reason: "lastOwner" });
    }
    if (before.join() === after.join()) return { before, after };

    await tx.membership.update({ where: { id: member.id }, data: { roles: after } });
    await recordAudit(tx, {
      tenantId,
      actor: { id: input.actor.id, email: input.actor.email, roles: actorRoles },
      action: "member.roles_changed",
      target: { type: "membership", id: member.id },
      data: { userId: member.userId, email: member.user.email, before, after },
      meta: input.meta,
    });
    return { before, after };
  });
}
