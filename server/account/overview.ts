import "server-only";
import { isStaffRole, type StaffRole } from "@/lib/auth/permissions";
import { withUser } from "../db/client";

export interface AccountOverview {
  consoles: { slug: string; name: string; roles: StaffRole[] }[];
  customerOf: { slug: string; name: string; companyName: string }[];
}

/** The trust centers a user works for or is a customer of (RLS: the user's own rows only). */
export function loadAccountOverview(userId: string): Promise<AccountOverview> {
  return withUser(userId, async (tx) => {
    const [memberships, customers] = await Promise.all([
      tx.membership.findMany({ where: { userId }, include: { tenant: { select: { slug: true, name: true } } }, orderBy: { createdAt: "asc" } }),
      tx.customer.findMany({ where: { userId }, include: { tenant: { select: { slug: true, name: true } } }, orderBy: { createdAt: "asc" } }),
    ]);
    return {
      consoles: memberships.map((m) => ({ slug: m.tenant.slug, name: m.tenant.name, roles: m.roles.filter(isStaffRole) })),
      customerOf: customers.map((c) => ({ slug: c.tenant.slug, name: c.tenant.name, companyName: c.companyName })),
    };
  });
}
