// The draft the authorization matrix's editor rows address (not a test file): one of the own
// tenant, with a single section "matrix". Allowed cells post empty forms (refused by validation)
// or reach a rule (one open draft), so nothing of it changes; another tenant's version id comes
// from the publishing fixtures and must be answered "not found".
import { getDb, withTenant } from "../../db/client";

export interface EditorMatrixFixtures {
  ownDraftId: string;
  sectionKey: string;
}

export async function editorMatrixFixtures(ownSlug: string): Promise<EditorMatrixFixtures> {
  const db = await getDb();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: ownSlug }, select: { id: true } });
  const ownDraftId = await withTenant(tenant.id, async (tx) => {
    const document = await tx.measuresDocument.upsert({ where: { tenantId_key: { tenantId: tenant.id, key: "measures" } }, create: { tenantId: tenant.id, key: "measures" }, update: {} });
    const last = await tx.measuresVersion.findFirst({ where: { documentId: document.id }, orderBy: { number: "desc" }, select: { number: true } });
    const version = await tx.measuresVersion.create({ data: { tenantId: tenant.id, documentId: document.id, number: (last?.number ?? 0) + 1 }, select: { id: true } });
    await tx.measuresSection.create({ data: { tenantId: tenant.id, versionId: version.id, key: "matrix", locale: "de", position: 0, number: "1", title: "Matrix", body: "Matrix." } });
    return version.id;
  });
  return { ownDraftId, sectionKey: "matrix" };
}
