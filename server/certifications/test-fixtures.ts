// Fixtures for the certifications and NDA integration tests (not a test file itself).
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { StaffRole } from "@/lib/auth/permissions";
import { certificationData, certificationSchema, type CertificationData } from "@/lib/validation/certifications";
import { createSession, readSession, type CurrentSession } from "../auth/session";
import { getDb, withTenant } from "../db/client";
import { addMember, meta, unique, type StaffTenant } from "../members/test-fixtures";
import type { StaffActor } from "../members/context";
import { createCertification } from "./mutations";

export { meta, unique };

/** A session as the app reads it; staff have passed their second factor. */
export async function sessionFor(userId: string, staff: boolean): Promise<CurrentSession> {
  const db = await getDb();
  const { token } = await db.$transaction((tx) =>
    createSession(tx, { userId, method: staff ? "PASSWORD" : "MAGIC_LINK", mfa: staff, kind: staff ? "staff" : "customer", ip: null, userAgent: null }),
  );
  const session = await readSession(token, new Date());
  if (!session) throw new Error("no session");
  return session;
}

export async function staffMember(t: StaffTenant, roles: StaffRole[]): Promise<StaffActor> {
  return addMember(t.tenant.id, `${unique(roles.join("-").toLowerCase())}@${t.tenant.slug}.example`, roles);
}

export function certificationInput(overrides: Record<string, string> = {}): CertificationData {
  const parsed = certificationSchema.safeParse({
    framework: "ISO_27001",
    certifier: "Prüfgesellschaft Nord GmbH",
    certificateNumber: "ISMS-1",
    issuedAt: "2025-01-10",
    validUntil: "2028-01-09",
    scopeDe: "Betrieb der Plattform",
    scopeEn: "Operation of the platform",
    ...overrides,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return certificationData(parsed.data);
}

export async function addCertification(t: StaffTenant, overrides: Record<string, string> = {}): Promise<string> {
  return (await createCertification({ tenant: t.tenant, actor: t.owner, data: certificationInput(overrides), meta })).id;
}

/** A small real PDF with `pages` pages. */
export async function samplePdf(pages = 2, text = "Certificate ISO/IEC 27001"): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) document.addPage([595, 842]).drawText(`${text} – page ${i + 1}`, { x: 50, y: 780, size: 14, font });
  return document.save();
}

export async function outboxMessages(tenantId: string, kind: string) {
  return withTenant(tenantId, (tx) => tx.outboxMessage.findMany({ where: { tenantId, kind }, orderBy: { createdAt: "asc" }, select: { dedupeKey: true, payload: true } }));
}

/** An attestation request of this user in the given state, covering the certifications. */
export async function attestationRequest(tenantId: string, userId: string, state: "ISSUED" | "REVOKED" | "SUBMITTED", certificationIds: string[]) {
  return withTenant(tenantId, (tx) =>
    tx.attestationRequest.create({
      data: {
        tenantId,
        userId,
        requesterEmail: "kunde@example.com",
        companyName: "Kunde GmbH",
        purpose: "Lieferantenbewertung",
        locale: "de",
        state,
        idempotencyKey: unique("idem"),
        certifications: { createMany: { data: certificationIds.map((certificationId) => ({ tenantId, certificationId })) } },
      },
      select: { id: true },
    }),
  );
}
