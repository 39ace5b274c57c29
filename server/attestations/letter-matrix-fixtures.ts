// An issued letter in the authorization matrix's own tenant (not a test file): the staff download
// route must hand it to reviewers, owners and admins; /verify must show it to anyone.
import { randomUUID } from "node:crypto";
import { getDb, withTenant } from "../db/client";
import { issueLetter } from "./letter";

export interface LetterMatrixFixtures {
  requestId: string;
  code: string;
}

export async function letterMatrixFixtures(slug: string): Promise<LetterMatrixFixtures> {
  const db = await getDb();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const user = await db.user.create({ data: { email: `letter-${randomUUID().slice(0, 8)}@${slug}.example`, emailVerified: new Date() }, select: { id: true, email: true } });
  return withTenant(tenant.id, async (tx) => {
    const certification = await tx.certification.create({
      data: { tenantId: tenant.id, framework: "ISO_27001", certifier: "Matrix Cert GmbH", issuedAt: new Date("2026-01-01"), validUntil: new Date("2029-01-01") },
      select: { id: true },
    });
    const request = await tx.attestationRequest.create({
      data: {
        tenantId: tenant.id,
        userId: user.id,
        requesterEmail: user.email,
        companyName: "Matrix Kunde GmbH",
        purpose: "Matrix",
        locale: "de",
        state: "APPROVED",
        idempotencyKey: randomUUID(),
        certifications: { create: [{ tenantId: tenant.id, certificationId: certification.id }] },
      },
      select: { id: true },
    });
    const { code } = await issueLetter(tx, { tenantId: tenant.id, requestId: request.id, now: new Date(), automatic: false });
    return { requestId: request.id, code };
  });
}
