import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, getDb, withTenant, withUser } from "./client";

// Row-level security on the account tables, seen by the role the app runs as (app_user, connected
// as such from the first statement): another tenant's members, customers, invitations and audit
// events are invisible and cannot be written.
connectTestDatabase({ role: "app" });

let mpmx: string;
let nordlicht: string;
let nordlichtOwner: string;

beforeAll(async () => {
  await seedDemoData();
  const db = await getDb();
  mpmx = (await db.tenant.findUniqueOrThrow({ where: { slug: "mpmx" } })).id;
  nordlicht = (await db.tenant.findUniqueOrThrow({ where: { slug: "nordlicht" } })).id;
  nordlichtOwner = (await db.user.findUniqueOrThrow({ where: { email: "owner@nordlicht.example" } })).id;
});
afterAll(closeDb);

describe("account tables under row-level security", () => {
  it("runs the app as app_user, which has no way around RLS", async () => {
    const db = await getDb();
    const [role] = await db.$queryRaw<{ name: string; super: boolean; bypass: boolean }[]>`
      SELECT current_user::text AS name, rolsuper AS super, rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`;
    expect(role).toEqual({ name: "app_user", super: false, bypass: false });
  });

  it("shows a tenant only its own memberships and customers", async () => {
    const seen = await withTenant(mpmx, async (tx) => ({
      memberTenants: [...new Set((await tx.membership.findMany({ select: { tenantId: true } })).map((m) => m.tenantId))],
      foreignMembers: await tx.membership.count({ where: { tenantId: nordlicht } }),
      customers: (await tx.customer.findMany({ select: { tenantId: true } })).map((c) => c.tenantId),
    }));
    expect(seen.memberTenants).toEqual([mpmx]);
    expect(seen.foreignMembers).toBe(0);
    expect(seen.customers.every((id) => id === mpmx)).toBe(true);
  });

  it("shows nothing outside a tenant or user context", async () => {
    const db = await getDb();
    const counts = await db.$transaction(async (tx) => Promise.all([tx.membership.count(), tx.customer.count(), tx.invitation.count(), tx.auditEvent.count()]));
    expect(counts).toEqual([0, 0, 0, 0]);
  });

  it("shows a user their own memberships across tenants, and no one else's", async () => {
    const rows = await withUser(nordlichtOwner, (tx) => tx.membership.findMany({ select: { tenantId: true, userId: true } }));
    expect(rows).toEqual([{ tenantId: nordlicht, userId: nordlichtOwner }]);
  });

  it("rejects a membership, a customer or an invitation written for another tenant", async () => {
    const db = await getDb();
    const intruder = await db.user.create({ data: { email: `intruder.${Date.now()}@example.com` } });
    await expect(withTenant(mpmx, (tx) => tx.membership.create({ data: { tenantId: nordlicht, userId: intruder.id, roles: ["OWNER"] } }))).rejects.toThrow(/row-level security/);
    await expect(withTenant(mpmx, (tx) => tx.customer.create({ data: { tenantId: nordlicht, userId: intruder.id, companyName: "x" } }))).rejects.toThrow(/row-level security/);
    await expect(
      withTenant(mpmx, (tx) => tx.invitation.create({ data: { tenantId: nordlicht, email: "x@example.com", roles: ["OWNER"], tokenHash: `h${Date.now()}`, expiresAt: new Date(Date.now() + 60_000) } })),
    ).rejects.toThrow(/row-level security/);
    // A user context may read its own memberships but not grant itself one (nor change or delete one).
    await expect(withUser(intruder.id, (tx) => tx.membership.create({ data: { tenantId: nordlicht, userId: intruder.id, roles: ["OWNER"] } }))).rejects.toThrow(/row-level security/);
    const own = await withUser(nordlichtOwner, async (tx) => ({
      updated: await tx.membership.updateMany({ where: { userId: nordlichtOwner }, data: { roles: ["ADMIN"] } }),
      deleted: await tx.membership.deleteMany({ where: { userId: nordlichtOwner } }),
    }));
    expect(own).toEqual({ updated: { count: 0 }, deleted: { count: 0 } });
    const owners = await withTenant(nordlicht, (tx) => tx.membership.findMany({ where: { roles: { has: "OWNER" } }, select: { userId: true } }));
    expect(owners.map((o) => o.userId)).not.toContain(intruder.id);
  });

  it("changes and deletes none of another tenant's memberships", async () => {
    const result = await withTenant(mpmx, async (tx) => ({
      updated: await tx.membership.updateMany({ where: { tenantId: nordlicht }, data: { roles: ["ADMIN"] } }),
      deleted: await tx.membership.deleteMany({ where: { tenantId: nordlicht } }),
    }));
    expect(result).toEqual({ updated: { count: 0 }, deleted: { count: 0 } });
    const rows = await withTenant(nordlicht, (tx) => tx.membership.findMany({ select: { roles: true } }));
    expect(rows.map((r) => r.roles)).toEqual([["OWNER"]]);
  });
});
