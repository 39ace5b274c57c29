// Attestation requests the authorization matrix addresses (not a test file): one in the own tenant
// (the reviewer's detail page must open it) and one in the other tenant (must be "not found").
import { randomUUID } from "node:crypto";
import { getDb, withTenant } from "../db/client";

export interface AttestationMatrixFixtures {
  ownRequestId: string;
  foreignRequestId: string;
}

async function requestIn(slug: string): Promise<string> {
  const db = await getDb();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const user = await db.user.create({ data: { email: `requester-${randomUUID().slice(0, 8)}@${slug}.example`, emailVerified: new Date() }, select: { id: true, email: true } });
  return withTenant(tenant.id, async (tx) => {
    const request = await tx.attestationRequest.create({
      data: { tenantId: tenant.id, userId: user.id, requesterEmail: user.email, companyName: "Matrix Kunde GmbH", purpose: "Matrix", locale: "de", idempotencyKey: randomUUID() },
      select: { id: true },
    });
    await tx.attestationEvent.createMany({ data: { tenantId: tenant.id, requestId: request.id, toState: "SUBMITTED", actorId: user.id, actorName: user.email } });
    return request.id;
  });
}

export async function attestationMatrixFixtures(ownSlug: string, otherSlug: string): Promise<AttestationMatrixFixtures> {
  return { ownRequestId: await requestIn(ownSlug), foreignRequestId: await requestIn(otherSlug) };
}
