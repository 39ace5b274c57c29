import "server-only";
import { cache } from "react";
import { hasPermission, type Permission, type StaffRole } from "@/lib/auth/permissions";
import { AppError, AuthorizationError } from "@/lib/errors";
import { isTenantSlug } from "@/lib/tenants/slug";
import { getDb } from "../db/client";
import { currentSession, type CurrentSession } from "./session";

// The one guard. Pages, layouts, server actions and route handlers call it with the tenant taken
// from the route (or the host), never from a request body; proxy.ts only routes. It throws the typed
// AuthorizationError for a denial and AppError("notFound") for a tenant that does not exist.

export interface TenantRef {
  id: string;
  slug: string;
  name: string;
}

export interface SignedIn {
  session: CurrentSession;
}

export interface TenantAccess extends SignedIn {
  tenant: TenantRef;
  roles: StaffRole[];
}

export const findTenantRef = cache(async (slug: string): Promise<TenantRef | null> => {
  if (!isTenantSlug(slug)) return null;
  const db = await getDb();
  return db.tenant.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
});

export async function requireUser(): Promise<SignedIn> {
  return authorizeUser(await currentSession());
}

/**
 * Any signed-in user, except one halfway through a staff sign-in: a password alone (TOTP enrolled,
 * code not yet given) opens nothing but the second-factor step, not even the account area.
 */
export function authorizeUser(session: CurrentSession | null): SignedIn {
  if (!session) throw new AuthorizationError("unauthenticated");
  if (session.method === "PASSWORD" && !session.mfa && session.user.totpEnabled) throw new AuthorizationError("mfaRequired");
  return { session };
}

/** Decides for an explicit session: what requireTenantRole does, testable without a request. */
export function authorizeTenantAccess(session: CurrentSession | null, tenant: TenantRef, permission: Permission): TenantAccess {
  if (!session) throw new AuthorizationError("unauthenticated");
  const roles = session.memberships.find((m) => m.tenantId === tenant.id)?.roles ?? [];
  if (roles.length === 0) throw new AuthorizationError("forbidden", "not a member of this tenant");
  // Staff reach nothing but the MFA enrolment until the second factor is verified in this session.
  if (!session.mfa) throw new AuthorizationError("mfaRequired");
  if (!hasPermission(roles, permission)) throw new AuthorizationError("forbidden", `missing permission ${permission}`);
  return { session, tenant, roles };
}

export async function requireTenantRole(slug: string, permission: Permission): Promise<TenantAccess> {
  const tenant = await findTenantRef(slug);
  if (!tenant) throw new AppError("notFound", "no such tenant");
  return authorizeTenantAccess(await currentSession(), tenant, permission);
}
