import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";
import { closeDb, getDb } from "@/server/db/client";
import { loadDemoManifest, seedDemoData } from "./seed-demo";

connectTestDatabase();
afterAll(closeDb);

describe("demo data", () => {
  it("was written into the empty test database once (global setup) and leaves a non-empty one alone", async () => {
    const db = await getDb();
    expect(await seedDemoData()).toBe(false);
    // Other test files create tenants of their own in this database.
    expect(await db.tenant.count({ where: { slug: { in: ["mpmx", "nordlicht"] } } })).toBe(2);
  });

  it("publishes every version listed in the manifest, with 12 numbered MPMX sections in version 2", async () => {
    const db = await getDb();
    const manifest = loadDemoManifest();
    expect(Object.keys(manifest)).toEqual(["mpmx", "nordlicht"]);
    // Superuser connection (migration owner): sees every tenant's rows, as the seed itself does.
    // Only the demo tenants: other test files keep drafts in tenants of their own.
    const versions = await db.measuresVersion.findMany({
      where: { tenant: { slug: { in: Object.keys(manifest) } } },
      include: { tenant: true },
      orderBy: [{ tenantId: "asc" }, { number: "asc" }],
    });
    expect(versions).toHaveLength(Object.values(manifest).reduce((sum, tenant) => sum + tenant.versions.length, 0));
    expect(versions.every((v) => v.status === "PUBLISHED" && v.publishedAt && v.effectiveAt)).toBe(true);
    expect(versions.filter((v) => v.tenant.slug === "mpmx").map((v) => v.number)).toEqual([1, 2]);
    const v2 = versions.find((v) => v.tenant.slug === "mpmx" && v.number === 2)!;
    const numbered = await db.measuresSection.count({ where: { versionId: v2.id, locale: "de", number: { not: null } } });
    expect(numbered).toBe(12);
  });
});
