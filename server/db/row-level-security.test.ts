import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { closeDb, getDb, withTenant } from "./client";

connectTestDatabase();

let mpmx: string;
let nordlicht: string;

beforeAll(async () => {
  await seedDemoData();
  const db = await getDb();
  mpmx = (await db.tenant.findUniqueOrThrow({ where: { slug: "mpmx" } })).id;
  nordlicht = (await db.tenant.findUniqueOrThrow({ where: { slug: "nordlicht" } })).id;
});
afterAll(closeDb);

describe("row-level security as app_user", () => {
  it("shows a tenant only its own rows", async () => {
    const seen = await withTenant(mpmx, async (tx) => ({
      tenants: new Set((await tx.measuresVersion.findMany({ select: { tenantId: true } })).map((v) => v.tenantId)),
      certifications: await tx.certification.count(),
      foreignSections: await tx.measuresSection.count({ where: { tenantId: nordlicht } }),
    }));
    expect([...seen.tenants]).toEqual([mpmx]);
    expect(seen.certifications).toBe(2);
    expect(seen.foreignSections).toBe(0);
  });

  it("shows nothing outside a tenant context", async () => {
    const db = await getDb();
    const counts = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('role', 'app_user', true)`;
      return Promise.all([tx.measuresVersion.count(), tx.measuresSection.count(), tx.certification.count(), tx.measuresDocument.count()]);
    });
    expect(counts).toEqual([0, 0, 0, 0]);
  });

  it("rejects writing a row for another tenant", async () => {
    await expect(
      withTenant(mpmx, (tx) =>
        tx.certification.create({
          data: { tenantId: nordlicht, framework: "TISAX", certifier: "x", issuedAt: new Date("2026-01-01"), validUntil: new Date("2027-01-01") },
        }),
      ),
    ).rejects.toThrow(/row-level security/);
    const db = await getDb();
    expect(await db.certification.count({ where: { tenantId: nordlicht, framework: "TISAX" } })).toBe(0);
  });

  it("updates and deletes none of another tenant's rows", async () => {
    const result = await withTenant(mpmx, async (tx) => ({
      updated: await tx.certification.updateMany({ where: { tenantId: nordlicht }, data: { certifier: "hijacked" } }),
      deleted: await tx.certification.deleteMany({ where: { tenantId: nordlicht } }),
    }));
    expect(result).toEqual({ updated: { count: 0 }, deleted: { count: 0 } });
    const db = await getDb();
    expect((await db.certification.findMany({ where: { tenantId: nordlicht } })).map((c) => c.certifier)).toEqual(["Hanse Audit Cert GmbH"]);
  });
});
