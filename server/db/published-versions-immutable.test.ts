import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/server/testing/database";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { closeDb, getDb, withTenant } from "./client";

connectTestDatabase();

let tenantId: string;
let publishedId: string;

beforeAll(async () => {
  await seedDemoData();
  const db = await getDb();
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "mpmx" } })).id;
  publishedId = (await db.measuresVersion.findFirstOrThrow({ where: { tenantId, number: 2 } })).id;
});
afterAll(closeDb);

// The database itself refuses, whichever role asks: these run as the migration owner (superuser).
describe("published versions are immutable in the database", () => {
  it("refuses to update or delete a published version", async () => {
    const db = await getDb();
    await expect(db.measuresVersion.update({ where: { id: publishedId }, data: { changeKind: "EDITORIAL" } })).rejects.toThrow(/immutable/);
    await expect(db.measuresVersion.delete({ where: { id: publishedId } })).rejects.toThrow(/immutable/);
    expect((await db.measuresVersion.findUniqueOrThrow({ where: { id: publishedId } })).changeKind).toBe("MATERIAL");
  });

  it("refuses to change, add or remove sections of a published version", async () => {
    const db = await getDb();
    const section = await db.measuresSection.findFirstOrThrow({ where: { versionId: publishedId, key: "verschluesselung", locale: "de" } });
    await expect(db.measuresSection.update({ where: { id: section.id }, data: { body: "nichts" } })).rejects.toThrow(/immutable/);
    await expect(db.measuresSection.delete({ where: { id: section.id } })).rejects.toThrow(/immutable/);
    await expect(
      db.measuresSection.create({ data: { tenantId, versionId: publishedId, key: "neu", locale: "de", position: 99, title: "Neu", body: "x" } }),
    ).rejects.toThrow(/immutable/);
    expect((await db.measuresSection.findUniqueOrThrow({ where: { id: section.id } })).body).toBe(section.body);
  });

  it("keeps the approval record and the authors of a published version", async () => {
    const db = await getDb();
    // A tenant of its own: the published version stays in the run's database for good.
    const tenant = await db.tenant.create({ data: { slug: `immutable-${Date.now().toString(36)}`, name: "Immutable GmbH" } });
    const user = await db.user.create({ data: { email: `author-${tenant.slug}@example.com` } });
    const other = await db.user.create({ data: { email: `other-${tenant.slug}@example.com` } });
    const document = await db.measuresDocument.create({ data: { tenantId: tenant.id, key: "measures" } });
    const version = await db.measuresVersion.create({ data: { tenantId: tenant.id, documentId: document.id, number: 1 } });
    await db.measuresVersionAuthor.create({ data: { tenantId: tenant.id, versionId: version.id, userId: user.id } });
    const now = new Date();
    await db.measuresVersion.update({
      where: { id: version.id },
      data: { status: "PUBLISHED", publishedAt: now, effectiveAt: now, approvedById: other.id, approvedByName: "Approver", approvedAt: now, noReductionConfirmedAt: now, noReductionConfirmedById: other.id, noReductionConfirmedBy: "Approver" },
    });

    for (const data of [{ approvedByName: "Someone else" }, { noReductionConfirmedBy: null }, { noReductionConfirmedAt: null }, { effectiveAt: new Date(now.getTime() + 86_400_000) }, { status: "DRAFT" as const }]) {
      await expect(db.measuresVersion.update({ where: { id: version.id }, data })).rejects.toThrow(/immutable/);
    }
    await expect(db.measuresVersionAuthor.create({ data: { tenantId: tenant.id, versionId: version.id, userId: other.id } })).rejects.toThrow(/immutable/);
    await expect(db.measuresVersionAuthor.deleteMany({ where: { versionId: version.id } })).rejects.toThrow(/immutable/);
    await expect(db.measuresVersionAuthor.updateMany({ where: { versionId: version.id }, data: { userId: other.id } })).rejects.toThrow(/immutable/);
    expect(await db.measuresVersionAuthor.findMany({ where: { versionId: version.id }, select: { userId: true } })).toEqual([{ userId: user.id }]);
    expect(await db.measuresVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ status: "PUBLISHED", approvedByName: "Approver", noReductionConfirmedBy: "Approver", effectiveAt: now });
  });

  it("refuses to publish a version without dates, and lets drafts change freely", async () => {
    const draft = await withTenant(tenantId, async (tx) => {
      const document = await tx.measuresDocument.findFirstOrThrow({ where: { key: "measures" } });
      const created = await tx.measuresVersion.create({ data: { tenantId, documentId: document.id, number: 3 } });
      await tx.measuresSection.create({ data: { tenantId, versionId: created.id, key: "a", locale: "de", position: 0, title: "A", body: "alt" } });
      await tx.measuresSection.updateMany({ where: { versionId: created.id }, data: { body: "neu" } });
      return created;
    });
    const db = await getDb();
    await expect(db.measuresVersion.update({ where: { id: draft.id }, data: { status: "PUBLISHED" } })).rejects.toThrow(/published_version_is_dated/);
    expect((await db.measuresSection.findFirstOrThrow({ where: { versionId: draft.id } })).body).toBe("neu");
    await db.measuresVersion.delete({ where: { id: draft.id } });
  });
});
