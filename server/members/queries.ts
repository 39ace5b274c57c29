import "server-only";
import type { StaffRole } from "@/lib/auth/permissions";
import { getDb, withTenant } from "../db/client";
import { staffRoles } from "./context";

// What the members page shows. Always inside the tenant's context: row-level security is the
// backstop behind the explicit tenantId in every where clause.

export interface MemberRow {
  id: string;
  userId: string;
  email: string;
  name: string | null;
  roles: StaffRole[];
  since: Date;
}

export type InvitationStatus = "pending" | "expired";

export interface InvitationRow {
  id: string;
  email: string;
  roles: StaffRole[];
  status: InvitationStatus;
  expiresAt: Date;
  createdAt: Date;
  invitedBy: string | null;
}

export async function listMembers(tenantId: string): Promise<MemberRow[]> {
  const rows = await withTenant(tenantId, (tx) =>
    tx.membership.findMany({
      where: { tenantId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, userId: true, roles: true, createdAt: true, user: { select: { email: true, name: true } } },
    }),
  );
  return rows.map((row) => ({ id: row.id, userId: row.userId, email: row.user.email, name: row.user.name, roles: staffRoles(row.roles), since: row.createdAt }));
}

/** Invitations not yet accepted or revoked, newest first; expired ones stay listed until revoked or renewed. */
export async function listInvitations(tenantId: string, now = new Date()): Promise<InvitationRow[]> {
  return withTenant(tenantId, async (tx) => {
    const rows = await tx.invitation.findMany({
      where: { tenantId, acceptedAt: null, revokedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    });
    const inviterIds = [...new Set(rows.flatMap((row) => (row.invitedById ? [row.invitedById] : [])))];
    const inviters = await tx.user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, email: true } });
    const emailOf = new Map(inviters.map((user) => [user.id, user.email]));
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      roles: staffRoles(row.roles),
      status: row.expiresAt.getTime() > now.getTime() ? "pending" : "expired",
      expiresAt: row.expiresAt,
      createdAt: row.createdAt,
      invitedBy: row.invitedById ? (emailOf.get(row.invitedById) ?? null) : null,
    }));
  });
}

/** One member of the tenant (the removal confirmation page), or null for an id of another tenant. */
export async function findMember(tenantId: string, memberId: string): Promise<MemberRow | null> {
  const members = await listMembers(tenantId);
  return members.find((member) => member.id === memberId) ?? null;
}

/** Dates in the console are shown in the tenant's time zone. */
export async function tenantTimeZone(tenantId: string): Promise<string> {
  const db = await getDb();
  return (await db.tenant.findUnique({ where: { id: tenantId }, select: { timeZone: true } }))?.timeZone ?? "Europe/Berlin";
}
