// An issued attestation letter of MPMX for a demo customer (Jürgen Weiß, Müller & Söhne
// Großhandel GmbH), issued through the letter module like any approved request, so that the
// download on /account and the public check on /verify/{code} can be tried at once. Only the
// certifications still valid on the seed day are attested; not written in production.
import { randomUUID } from "node:crypto";
import { certificationStanding, dateColumnDay } from "@/lib/attestations/validity";
import { dayInZone } from "@/lib/dates";
import { issueLetter } from "@/server/attestations/letter";
import { getDb, withTenant } from "@/server/db/client";
import { env } from "@/server/env";

export const DEMO_LETTER_CUSTOMER = { email: "einkauf@example.com", name: "Jürgen Weiß", companyName: "Müller & Söhne Großhandel GmbH" };

export async function seedDemoLetter(tenantIds: Record<string, string>, now: Date = new Date()): Promise<void> {
  const tenantId = tenantIds.mpmx;
  if (!tenantId || env().APP_ENV === "production") return;
  const db = await getDb();
  const reviewer = await db.user.findUnique({ where: { email: "reviewer@mpmx.example" }, select: { id: true, name: true } });
  await withTenant(tenantId, async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } });
    const today = dayInZone(now.toISOString(), tenant.timeZone);
    const certifications = (await tx.certification.findMany({ where: { tenantId }, orderBy: { position: "asc" } })).filter(
      (c) => certificationStanding({ validUntil: dateColumnDay(c.validUntil), suspended: c.suspended, withdrawn: c.withdrawn }, today) === "valid",
    );
    if (certifications.length === 0) return;
    const { email, name, companyName } = DEMO_LETTER_CUSTOMER;
    const user = await tx.user.create({ data: { email, name, emailVerified: now, locale: "de" }, select: { id: true } });
    const customer = await tx.customer.create({ data: { tenantId, userId: user.id, companyName }, select: { id: true } });
    const request = await tx.attestationRequest.create({
      data: {
        tenantId,
        userId: user.id,
        customerId: customer.id,
        requesterEmail: email,
        requesterName: name,
        companyName,
        purpose: "Lieferantenbewertung nach Art. 28 DSGVO",
        locale: "de",
        state: "APPROVED",
        revision: 3,
        idempotencyKey: randomUUID(),
        certifications: { create: certifications.map((c) => ({ tenantId, certificationId: c.id })) },
      },
      select: { id: true },
    });
    const steps: Array<[from: "SUBMITTED" | "IN_REVIEW" | null, to: "SUBMITTED" | "IN_REVIEW" | "APPROVED", actor: { id: string | null; name: string | null }]> = [
      [null, "SUBMITTED", { id: user.id, name }],
      ["SUBMITTED", "IN_REVIEW", { id: reviewer?.id ?? null, name: reviewer?.name ?? null }],
      ["IN_REVIEW", "APPROVED", { id: reviewer?.id ?? null, name: reviewer?.name ?? null }],
    ];
    for (const [index, [fromState, toState, actor]] of steps.entries()) {
      await tx.attestationEvent.create({
        data: { tenantId, requestId: request.id, fromState, toState, actorId: actor.id, actorName: actor.name, createdAt: new Date(now.getTime() - (steps.length - index) * 60_000) },
      });
    }
    await issueLetter(tx, { tenantId, requestId: request.id, now, automatic: false });
  });
}
