import "server-only";
import { hasPermission, isStaffRole, STAFF_ROLES, type Permission, type StaffRole } from "@/lib/auth/permissions";
import { AppError, AuthorizationError } from "@/lib/errors";
import type { TenantAccess, TenantRef } from "../auth/guard";
import type { Tx } from "../db/client";
import { mayTouchMember } from "./rules";

// What every members mutation starts with: the tenant, taken from the route by the guard, and the
// acting staff member.

export interface StaffActor {
  id: string;
  email: string;
  roles: readonly StaffRole[];
}

export interface MembersInput {
  tenant: TenantRef;
  actor: StaffActor;
}

export function staffActor(access: TenantAccess): StaffActor {
  return { id: access.session.user.id, email: access.session.user.email, roles: access.roles };
}

export function staffRoles(roles: readonly string[]): StaffRole[] {
  return roles.filter(isStaffRole);
}

/**
 * Serializes the membership changes of one tenant (held until the transaction ends), so that two
 * owners demoting each other at the same moment cannot leave the tenant without an owner.
 */
export async function lockTenantMembers(tx: Tx, tenantId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`members:${tenantId}`}, 0))`;
}

/**
 * The actor's roles as the database has them now (after the lock), not as the request began:
 * an owner demoted a moment ago can no longer grant OWNER.
 */
export async function currentActorRoles(tx: Tx, tenantId: string, actor: StaffActor, permission: Permission): Promise<StaffRole[]> {
  const membership = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId, userId: actor.id } }, select: { roles: true } });
  const roles = staffRoles(membership?.roles ?? []);
  if (!hasPermission(roles, permission)) throw new AuthorizationError("forbidden", `missing permission ${permission}`);
  return roles;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a form or URL: anything but a UUID is simply not found (the column would reject it). */
export function assertId(id: string, what: string): void {
  if (!UUID.test(id)) throw new AppError("notFound", `no such ${what}`);
}

export async function ownerCount(tx: Tx, tenantId: string): Promise<number> {
  return tx.membership.count({ where: { tenantId, roles: { has: "OWNER" } } });
}

/**
 * The start of every change to one member, under the tenant's members lock: the actor's current
 * roles (must include `permission`) and the member, looked up in this tenant only (another
 * tenant's id is "not found"), with its roles in canonical order. Only an owner touches an owner.
 */
export async function lockedMember(tx: Tx, input: MembersInput & { memberId: string }, permission: Permission) {
  const tenantId = input.tenant.id;
  await lockTenantMembers(tx, tenantId);
  const actorRoles = await currentActorRoles(tx, tenantId, input.actor, permission);
  const member = await tx.membership.findFirst({ where: { id: input.memberId, tenantId }, include: { user: { select: { email: true } } } });
  if (!member) throw new AppError("notFound", "no such member in this tenant");
  const roles = STAFF_ROLES.filter((role) => member.roles.includes(role));
  if (!mayTouchMember(actorRoles, roles)) throw new AuthorizationError("forbidden", "only an owner may change an owner");
  return { actorRoles, member, roles };
}
