import "server-only";
import { AppError, AuthorizationError } from "@/lib/errors";
import { recordAudit } from "../audit/record";
import { withTenant } from "../db/client";
import type { RequestMeta } from "../request-context";
import { assertId, currentActorRoles, lockTenantMembers, staffRoles, type MembersInput } from "./context";
import { mayManageOwners } from "./rules";

export interface RevokeInvitationInput extends MembersInput {
  invitationId: string;
  meta: RequestMeta;
}

/** Makes an open invitation's link unusable (expired ones too, which clears them from the list). */
export async function revokeInvitation(input: RevokeInvitationInput): Promise<void> {
  const tenantId = input.tenant.id;
  assertId(input.invitationId, "invitation");
  await withTenant(tenantId, async (tx) => {
    await lockTenantMembers(tx, tenantId);
    const actorRoles = await currentActorRoles(tx, tenantId, input.actor, "members.invite");
    const invitation = await tx.invitation.findFirst({ where: { id: input.invitationId, tenantId, acceptedAt: null, revokedAt: null } });
    if (!invitation) throw new AppError("notFound", "no open invitation with this id in this tenant");
    const roles = staffRoles(invitation.roles);
    if (roles.includes("OWNER") && !mayManageOwners(actorRoles)) throw new AuthorizationError("forbidden", "only an owner may revoke an owner's invitation");

    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      tenantId,
      actor: { id: input.actor.id, email: input.actor.email, roles: actorRoles },
      action: "invitation.revoked",
      target: { type: "invitation", id: invitation.id },
      data: { email: invitation.email, roles },
      meta: input.meta,
    });
  });
}
