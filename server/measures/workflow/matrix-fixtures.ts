// The measures version the authorization matrix addresses (not a test file): one of the other
// tenant, in review, which the review actions in the own tenant must answer as "not found".
import { getDb, withTenant } from "../../db/client";

export interface PublishingMatrixFixtures {
  foreignVersionId: string;
  /** Its submission (submittedAt, ISO), so a form reaches the lookup rather than failing validation. */
  foreignSubmission: string;
}

export async function publishingMatrixFixtures(otherSlug: string): Promise<PublishingMatrixFixtures> {
  const db = await getDb();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: otherSlug }, select: { id: true } });
  const submittedAt = new Date();
  const id = await withTenant(tenant.id, async (tx) => {
    const document = await tx.measuresDocument.upsert({ where: { tenantId_key: { tenantId: tenant.id, key: "measures" } }, create: { tenantId: tenant.id, key: "measures" }, update: {} });
    const last = await tx.measuresVersion.findFirst({ where: { documentId: document.id }, orderBy: { number: "desc" }, select: { number: true } });
    const version = await tx.measuresVersion.create({
      data: { tenantId: tenant.id, documentId: document.id, number: (last?.number ?? 0) + 1, status: "IN_REVIEW", submittedAt },
      select: { id: true },
    });
    await tx.measuresSection.create({ data: { tenantId: tenant.id, versionId: version.id, key: "matrix", locale: "de", position: 0, title: "Matrix", body: "Matrix." } });
    return version.id;
  });
  return { foreignVersionId: id, foreignSubmission: submittedAt.toISOString() };
}
