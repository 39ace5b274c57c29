import "server-only";
import { STAFF_ROLES, type StaffRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit/record";
import type { CurrentSession } from "../auth/session";
import { getDb, withTenant, type Tx } from "../db/client";
import type { RequestMeta } from "../request-context";
import { hashToken } from "../security/tokens";
import { lockTenantMembers, staffRoles } from "./context";

// The invitee's side. The link carries a token; its hash finds the invitation. Before any tenant
// context exists, the SQL function invitation_tenant() reveals only which tenant a hash belongs to;
// everything else is read inside that tenant's context, under row-level security.

export type InvitationProblem = "unknown" | "expired" | "used" | "revoked";

export interface OpenInvitation {
  id: string;
  tenant: { id: string; slug: string; name: string };
  email: string;
  roles: StaffRole[];
  expiresAt: Date;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

async function invitationTenantId(tokenHash: string): Promise<string | null> {
  const db = await getDb();
  const rows = await db.$queryRaw<Array<{ tenant_id: string | null }>>`SELECT invitation_tenant(${tokenHash})::text AS tenant_id`;
  return rows[0]?.tenant_id ?? null;
}

async function loadInvitation(tx: Tx, tenantId: string, tokenHash: string, now: Date): Promise<OpenInvitation | InvitationProblem> {
  const row = await tx.invitation.findUnique({ where: { tokenHash }, include: { tenant: { select: { id: true, slug: true, name: true } } } });
  if (!row || row.tenantId !== tenantId) return "unknown";
  if (row.revokedAt) return "revoked";
  if (row.acceptedAt) return "used";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return { id: row.id, tenant: row.tenant, email: row.email, roles: staffRoles(row.roles), expiresAt: row.expiresAt };
}

/** The invitation a link points to, if it can still be accepted; null otherwise (whatever the reason). */
export async function findOpenInvitation(token: string, now = new Date()): Promise<OpenInvitation | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const tokenHash = hashToken(token);
  const tenantId = await invitationTenantId(tokenHash);
  if (!tenantId) return null;
  const found = await withTenant(tenantId, (tx) => loadInvitation(tx, tenantId, tokenHash, now));
  return typeof found === "string" ? null : found;
}

/**
 * Accepts an invitation for the signed-in user, whose address must be the invited one. Creates the
 * membership, or adds the invited roles to an existing one; the link works once.
 */
export async function acceptInvitation(input: { token: string; session: CurrentSession; meta: RequestMeta; now?: Date }): Promise<{ tenant: { id: string; slug: string }; roles: StaffRole[] }> {
  const now = input.now ?? new Date();
  const invalid = (reason: InvitationProblem) => new AppError("invalid", `invitation ${reason}`, { reason });
  if (!TOKEN_PATTERN.test(input.token)) throw invalid("unknown");
  const tokenHash = hashToken(input.token);
  const tenantId = await invitationTenantId(tokenHash);
  if (!tenantId) throw invalid("unknown");
  const user = input.session.user;

  return withTenant(tenantId, async (tx) => {
    await lockTenantMembers(tx, tenantId);
    const invitation = await loadInvitation(tx, tenantId, tokenHash, now);
    if (typeof invitation === "string") throw invalid(invitation);
    if (invitation.email !== user.email.toLowerCase()) {
      throw new AppError("forbidden", "the invitation is for another email address", { reason: "emailMismatch" });
    }
    const existing = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId, userId: user.id } } });
    const before = staffRoles(existing?.roles ?? []);
    const roles = STAFF_ROLES.filter((role) => before.includes(role) || invitation.roles.includes(role));
    const membership = existing
      ? await tx.membership.update({ where: { id: existing.id }, data: { roles }, select: { id: true } })
      : await tx.membership.create({ data: { tenantId, userId: user.id, roles }, select: { id: true } });
    // The lock serializes acceptances; the conditions make a second use a no-op all the same.
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now } });
    if (count !== 1) throw invalid("used");
    await recordAudit(tx, {
      tenantId,
      actor: { id: user.id, email: user.email, roles },
      action: "invitation.accepted",
      target: { type: "invitation", id: invitation.id },
      data: { membershipId: membership.id, email: invitation.email, invitedRoles: invitation.roles, before, after: roles },
      meta: input.meta,
    });
    return { tenant: { id: tenantId, slug: invitation.tenant.slug }, roles };
  });
}
