import "server-only";
import { AppError } from "@/lib/errors";
import type { CertificationData } from "@/lib/validation/certifications";
import type { TenantRef } from "../auth/guard";
import { recordAudit } from "../audit/record";
import { withTenant, type Tx } from "../db/client";
import { assertId, type StaffActor } from "../members/context";
import type { RequestMeta } from "../request-context";
import { certificateStorage } from "./storage";
import { enqueueCertificationChanged, WATCH_SELECT } from "./watch";

// Creating and editing a tenant's certifications, and its certificate PDF. Each change writes its
// audit event and (when subscribers should hear of it) its outbox message in the same transaction.

export interface CertificationsInput {
  tenant: TenantRef;
  actor: StaffActor;
  meta: RequestMeta | null;
}

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const actorOf = (actor: StaffActor) => ({ id: actor.id, email: actor.email, roles: actor.roles });

function columns(data: CertificationData) {
  return { ...data, issuedAt: asDate(data.issuedAt), validUntil: asDate(data.validUntil) };
}

/** The certification, locked for the rest of the transaction; another tenant's id is "not found". */
async function lockedCertification(tx: Tx, tenantId: string, certificationId: string) {
  assertId(certificationId, "certification");
  await tx.$queryRaw`SELECT id FROM certifications WHERE id = ${certificationId}::uuid FOR UPDATE`;
  const row = await tx.certification.findFirst({ where: { id: certificationId, tenantId }, select: { ...WATCH_SELECT, certifier: true, certificateNumber: true, issuedAt: true, summary: true } });
  if (!row) throw new AppError("notFound", "no such certification in this tenant");
  return row;
}

export async function createCertification(input: CertificationsInput & { data: CertificationData }): Promise<{ id: string }> {
  return withTenant(input.tenant.id, async (tx) => {
    const last = await tx.certification.aggregate({ where: { tenantId: input.tenant.id }, _max: { position: true } });
    const created = await tx.certification.create({
      data: { tenantId: input.tenant.id, position: (last._max.position ?? -1) + 1, ...columns(input.data) },
      select: WATCH_SELECT,
    });
    await recordAudit(tx, { tenantId: input.tenant.id, actor: actorOf(input.actor), action: "certification.created", target: { type: "certification", id: created.id }, data: { ...input.data }, meta: input.meta });
    await enqueueCertificationChanged(tx, null, created);
    return { id: created.id };
  });
}

export async function updateCertification(input: CertificationsInput & { certificationId: string; data: CertificationData }): Promise<{ changed: boolean }> {
  return withTenant(input.tenant.id, async (tx) => {
    const before = await lockedCertification(tx, input.tenant.id, input.certificationId);
    const previous = {
      framework: before.framework,
      label: before.label,
      certifier: before.certifier,
      certificateNumber: before.certificateNumber,
      issuedAt: before.issuedAt.toISOString().slice(0, 10),
      validUntil: before.validUntil.toISOString().slice(0, 10),
      suspended: before.suspended,
      withdrawn: before.withdrawn,
      scope: before.scope,
      summary: before.summary,
    };
    const changedFields = (Object.keys(input.data) as Array<keyof CertificationData>).filter((key) => JSON.stringify(input.data[key]) !== JSON.stringify(sorted(previous[key])));
    if (changedFields.length === 0) return { changed: false };
    const after = await tx.certification.update({ where: { id: before.id }, data: columns(input.data), select: WATCH_SELECT });
    await recordAudit(tx, {
      tenantId: input.tenant.id,
      actor: actorOf(input.actor),
      action: "certification.updated",
      target: { type: "certification", id: before.id },
      data: { changed: changedFields, before: Object.fromEntries(changedFields.map((key) => [key, previous[key]])), after: Object.fromEntries(changedFields.map((key) => [key, input.data[key]])) },
      meta: input.meta,
    });
    await enqueueCertificationChanged(tx, before, after);
    return { changed: true };
  });
}

/** Localized JSON with its keys in the form's order (de, en), to compare with what the form sends. */
function sorted(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(["de", "en"].filter((key) => typeof record[key] === "string" && record[key] !== "").map((key) => [key, record[key]]));
}

export async function storeCertificateFile(input: CertificationsInput & { certificationId: string; filename: string; data: Uint8Array }) {
  return withTenant(input.tenant.id, async (tx) => {
    const cert = await lockedCertification(tx, input.tenant.id, input.certificationId);
    const stored = await certificateStorage().put(tx, { tenantId: input.tenant.id, certificationId: cert.id }, { filename: input.filename, data: input.data, uploadedById: input.actor.id });
    await recordAudit(tx, {
      tenantId: input.tenant.id,
      actor: actorOf(input.actor),
      action: "certification.certificate.uploaded",
      target: { type: "certification", id: cert.id },
      data: { filename: stored.filename, size: stored.size, sha256: stored.sha256 },
      meta: input.meta,
    });
    return stored;
  });
}

export async function removeCertificateFile(input: CertificationsInput & { certificationId: string }): Promise<boolean> {
  return withTenant(input.tenant.id, async (tx) => {
    const cert = await lockedCertification(tx, input.tenant.id, input.certificationId);
    const removed = await certificateStorage().delete(tx, { tenantId: input.tenant.id, certificationId: cert.id });
    if (removed) {
      await recordAudit(tx, { tenantId: input.tenant.id, actor: actorOf(input.actor), action: "certification.certificate.removed", target: { type: "certification", id: cert.id }, meta: input.meta });
    }
    return removed;
  });
}
