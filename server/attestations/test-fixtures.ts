// Fixtures for the attestation integration tests (not a test file). Everything is written as the
// app writes it (app_user, in the tenant's context), except tenant settings, which the settings
// page of the "cert" feature owns.
import { randomUUID } from "node:crypto";
import { getDb, withTenant } from "../db/client";
import { addMember, createUser, staffTenant, unique, type StaffTenant } from "../members/test-fixtures";
import type { StaffActor } from "../members/context";

export const meta = { ip: "203.0.113.7", userAgent: "vitest", requestId: "req-attestations" };

export interface AttestationTenant extends StaffTenant {
  reviewer: StaffActor;
  certificationIds: string[];
}

export async function attestationTenant(prefix = "att", settings: { ndaEnabled?: boolean; openRequestLimit?: number; autoApproveDomains?: string[]; reviewReminderHours?: number } = {}): Promise<AttestationTenant> {
  const base = await staffTenant(prefix);
  const db = await getDb();
  await db.tenant.update({ where: { id: base.tenant.id }, data: { ndaEnabled: false, ...settings } });
  const reviewer = await addMember(base.tenant.id, `reviewer@${base.tenant.slug}.example`, ["SECURITY_REVIEWER"]);
  const certificationIds = await withTenant(base.tenant.id, async (tx) => {
    const valid = { certifier: "TÜV Süd", issuedAt: new Date("2026-01-15"), validUntil: new Date("2029-01-14"), scope: { de: "Rechenzentrum München", en: "Munich data centre" } };
    const a = await tx.certification.create({ data: { tenantId: base.tenant.id, framework: "ISO_27001", certificateNumber: "ISO-1", position: 1, ...valid }, select: { id: true } });
    const b = await tx.certification.create({ data: { tenantId: base.tenant.id, framework: "BSI_C5", certificateNumber: "C5-1", position: 2, ...valid }, select: { id: true } });
    return [a.id, b.id];
  });
  return { ...base, reviewer: { id: reviewer.id, email: reviewer.email, roles: reviewer.roles }, certificationIds };
}

export async function customer(domain = "kunde.example") {
  const user = await createUser(`${unique("kunde")}@${domain}`, "Jürgen Groß");
  return { id: user.id, email: user.email, name: "Jürgen Groß" };
}

export function requestInput(certificationIds: string[], overrides: Partial<{ companyName: string; purpose: string; idempotencyKey: string; locale: "de" | "en" }> = {}) {
  return { certificationIds, companyName: "Müller & Söhne GmbH", purpose: "Lieferantenbewertung", contractReference: "V-2026-17", locale: "de" as const, idempotencyKey: randomUUID(), ...overrides };
}

/** Rows a refused or repeated call must not add to (per tenant); one statement, as the tenant sees them. */
export async function workflowCounts(tenantId: string) {
  const [row] = await withTenant(tenantId, (tx) =>
    tx.$queryRaw<Array<Record<"requests" | "events" | "letters" | "outbox" | "audit" | "customers", bigint>>>`
      SELECT (SELECT count(*) FROM attestation_requests WHERE tenant_id = ${tenantId}::uuid) AS requests,
             (SELECT count(*) FROM attestation_events WHERE tenant_id = ${tenantId}::uuid) AS events,
             (SELECT count(*) FROM attestation_letters WHERE tenant_id = ${tenantId}::uuid) AS letters,
             (SELECT count(*) FROM outbox_messages WHERE tenant_id = ${tenantId}::uuid) AS outbox,
             (SELECT count(*) FROM audit_events WHERE tenant_id = ${tenantId}::uuid) AS audit,
             (SELECT count(*) FROM customers WHERE tenant_id = ${tenantId}::uuid) AS customers`,
  );
  if (!row) throw new Error("no counts");
  return { requests: Number(row.requests), events: Number(row.events), letters: Number(row.letters), outbox: Number(row.outbox), audit: Number(row.audit), customers: Number(row.customers) };
}
