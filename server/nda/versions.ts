import "server-only";
import { AppError } from "@/lib/errors";
import { asLocalizedText } from "@/lib/i18n/localized";
import type { TenantRef } from "../auth/guard";
import { recordAudit } from "../audit/record";
import { withTenant, type Tx } from "../db/client";
import type { StaffActor } from "../members/context";
import type { RequestMeta } from "../request-context";
import { canonicalNdaText, ndaSha256, type NdaText } from "./canonical";

// The tenant's NDA versions. Every saved text is a numbered version; the newest is the one customers
// accept. A version nobody has accepted yet may still be corrected in place; once accepted it is
// locked (a database trigger refuses any change), and changing the NDA means publishing a new version.

export interface NdaVersionView {
  id: string;
  number: number;
  text: NdaText;
  sha256: string;
  createdAt: Date;
  lockedAt: Date | null;
  acceptances: number;
}

const SELECT = { id: true, number: true, text: true, sha256: true, createdAt: true, lockedAt: true, _count: { select: { acceptances: true } } } as const;

function view(row: { id: string; number: number; text: unknown; sha256: string; createdAt: Date; lockedAt: Date | null; _count: { acceptances: number } }): NdaVersionView {
  return { id: row.id, number: row.number, text: asLocalizedText(row.text), sha256: row.sha256, createdAt: row.createdAt, lockedAt: row.lockedAt, acceptances: row._count.acceptances };
}

export async function currentNdaVersion(tx: Tx, tenantId: string): Promise<NdaVersionView | null> {
  const row = await tx.ndaVersion.findFirst({ where: { tenantId }, orderBy: { number: "desc" }, select: SELECT });
  return row ? view(row) : null;
}

/** Newest first. */
export async function listNdaVersions(tenantId: string): Promise<NdaVersionView[]> {
  const rows = await withTenant(tenantId, (tx) => tx.ndaVersion.findMany({ where: { tenantId }, orderBy: { number: "desc" }, select: SELECT }));
  return rows.map(view);
}

interface NdaChangeInput {
  tenant: TenantRef;
  actor: StaffActor;
  text: NdaText;
  meta: RequestMeta | null;
}

/** Serializes NDA changes of one tenant, so two publishers never take the same number. */
async function lockTenantNda(tx: Tx, tenantId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`nda:${tenantId}`}, 0))`;
}

const canonicalObject = (text: NdaText) => JSON.parse(canonicalNdaText(text)) as Record<string, string>;

/** Publishes the text as the next version (number n+1); the same text as the current one is a no-op. */
export async function publishNdaVersion(input: NdaChangeInput): Promise<{ number: number; created: boolean }> {
  const sha256 = ndaSha256(input.text);
  return withTenant(input.tenant.id, async (tx) => {
    await lockTenantNda(tx, input.tenant.id);
    const current = await currentNdaVersion(tx, input.tenant.id);
    if (current && current.sha256 === sha256) return { number: current.number, created: false };
    const number = (current?.number ?? 0) + 1;
    const created = await tx.ndaVersion.create({ data: { tenantId: input.tenant.id, number, text: canonicalObject(input.text), sha256, createdById: input.actor.id }, select: { id: true } });
    await recordAudit(tx, {
      tenantId: input.tenant.id,
      actor: { id: input.actor.id, email: input.actor.email, roles: input.actor.roles },
      action: "nda.version.published",
      target: { type: "nda_version", id: created.id },
      data: { number, sha256, previous: current ? { number: current.number, sha256: current.sha256 } : null },
      meta: input.meta,
    });
    return { number, created: true };
  });
}

/** Corrects the current version in place, as long as nobody has accepted it. */
export async function correctNdaVersion(input: NdaChangeInput & { number: number }): Promise<void> {
  const sha256 = ndaSha256(input.text);
  await withTenant(input.tenant.id, async (tx) => {
    await lockTenantNda(tx, input.tenant.id);
    const current = await currentNdaVersion(tx, input.tenant.id);
    if (!current || current.number !== input.number) throw new AppError("conflict", "not the current NDA version", { reason: "outdated" });
    if (current.lockedAt) throw new AppError("conflict", "the NDA version has been accepted and is locked", { reason: "locked" });
    if (current.sha256 === sha256) return;
    try {
      await tx.ndaVersion.update({ where: { id: current.id }, data: { text: canonicalObject(input.text), sha256 } });
    } catch (error) {
      // Accepted a moment ago: the trigger refuses the change.
      if (error instanceof Error && /is locked/.test(error.message)) throw new AppError("conflict", "the NDA version has been accepted and is locked", { reason: "locked" });
      throw error;
    }
    await recordAudit(tx, {
      tenantId: input.tenant.id,
      actor: { id: input.actor.id, email: input.actor.email, roles: input.actor.roles },
      action: "nda.version.updated",
      target: { type: "nda_version", id: current.id },
      data: { number: current.number, before: current.sha256, after: sha256 },
      meta: input.meta,
    });
  });
}
