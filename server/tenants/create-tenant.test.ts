import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, getDb, withTenant } from "../db/client";
import { auditEvents, createUser, expectAppError, meta, unique } from "../members/test-fixtures";
import { createTenant } from "./create-tenant";

// Creating a trust center, as /new does it for a signed-in user (app_user, row-level security on).

connectTestDatabase({ role: "app" });
afterAll(closeDb);

const selfService = (slug: string, owner: { id: string; email: string }, name = "Acme GmbH") =>
  createTenant({ slug, name, owner, actor: owner, via: "self-service", meta });

describe("createTenant", () => {
  it("creates the tenant with defaults, its empty measures document, the OWNER membership and the audit event", async () => {
    const owner = await createUser(`${unique("founder")}@example.com`);
    const slug = unique("acme");
    const { id } = await selfService(slug, owner, "Acme GmbH");

    const db = await getDb();
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug } });
    expect(tenant).toMatchObject({ id, slug, name: "Acme GmbH", defaultLocale: "de", locales: ["de", "en"], customDomain: null, description: {} });
    const inTenant = await withTenant(id, async (tx) => ({
      documents: await tx.measuresDocument.findMany({ select: { key: true, tenantId: true } }),
      versions: await tx.measuresVersion.count(),
      memberships: await tx.membership.findMany({ select: { userId: true, roles: true } }),
    }));
    expect(inTenant).toEqual({ documents: [{ key: "measures", tenantId: id }], versions: 0, memberships: [{ userId: owner.id, roles: ["OWNER"] }] });

    const events = await auditEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ chain: id, seq: 1, tenantId: id, action: "tenant.created", actorId: owner.id, actorEmail: owner.email, targetType: "tenant", targetId: id, ip: meta.ip });
    expect(events[0]!.data).toMatchObject({ slug, name: "Acme GmbH", via: "self-service", owner: { userId: owner.id, email: owner.email } });
  });

  it("refuses a taken slug and writes nothing", async () => {
    const first = await createUser(`${unique("first")}@example.com`);
    const second = await createUser(`${unique("second")}@example.com`);
    const slug = unique("taken");
    await selfService(slug, first);
    const db = await getDb();
    const tenantsBefore = await db.tenant.count();
    const error = await expectAppError(() => selfService(slug, second, "Someone Else"), "conflict", "slugTaken");
    expect(error.details?.field).toBe("slug");
    expect(await db.tenant.count()).toBe(tenantsBefore);
    expect((await db.tenant.findUniqueOrThrow({ where: { slug } })).name).toBe("Acme GmbH");
  });

  it("refuses reserved and malformed slugs (the demo tenants' too)", async () => {
    const owner = await createUser(`${unique("bad")}@example.com`);
    for (const [slug, reason] of [["admin", "slugReserved"], ["new", "slugReserved"], ["signin", "slugReserved"], ["Acme", "slugFormat"], ["-acme", "slugFormat"], ["a--b", "slugFormat"], ["a".repeat(41), "slugFormat"], ["ac me", "slugFormat"]] as const) {
      await expectAppError(() => selfService(slug, owner), "invalid", reason);
    }
    const db = await getDb();
    expect(await db.tenant.count({ where: { slug: { in: ["admin", "new", "signin", "Acme"] } } })).toBe(0);
  });

  it("limits self-service creation per user, but not an operator's", async () => {
    const owner = await createUser(`${unique("busy")}@example.com`);
    for (let i = 0; i < 5; i++) await selfService(unique(`busy${i}`), owner);
    const slug = unique("sixth");
    await expectAppError(() => selfService(slug, owner), "rateLimited");
    const db = await getDb();
    expect(await db.tenant.count({ where: { slug } })).toBe(0);
    await createTenant({ slug, name: "Operator-made", owner, actor: { id: null, email: null }, via: "cli", meta: null });
    expect(await db.tenant.count({ where: { slug } })).toBe(1);
  });
});
