// An SSO email domain of the authorization matrix's other tenant (not a test file): verifying or
// removing it from the own tenant's settings must answer "not found" and leave it as it was.
import { getDb, withTenant } from "../db/client";
import { newVerificationToken } from "./sso-domains";

export interface SsoDomainMatrixFixtures {
  foreignDomainId: string;
}

export async function ssoDomainMatrixFixtures(otherSlug: string): Promise<SsoDomainMatrixFixtures> {
  const db = await getDb();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: otherSlug }, select: { id: true } });
  const domain = `${otherSlug}.example`;
  const row = await withTenant(tenant.id, (tx) =>
    tx.ssoDomain.create({ data: { tenantId: tenant.id, domain, verificationToken: newVerificationToken(), status: "VERIFIED", verifiedDomain: domain, verifiedAt: new Date() }, select: { id: true } }),
  );
  return { foreignDomainId: row.id };
}

/** The fixture domain as the other tenant sees it, for the "left untouched" check. */
export async function ssoDomainState(otherSlug: string, id: string) {
  const db = await getDb();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: otherSlug }, select: { id: true } });
  return withTenant(tenant.id, (tx) => tx.ssoDomain.findUnique({ where: { id }, select: { status: true, lastCheckedAt: true } }));
}
