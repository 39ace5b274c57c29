import "server-only";
import type { AttestationSettingsInput } from "@/lib/validation/attestation-settings";
import type { TenantRef } from "../auth/guard";
import { recordAudit } from "../audit/record";
import { withTenant } from "../db/client";
import type { StaffActor } from "../members/context";
import type { RequestMeta } from "../request-context";

// The tenant's attestation settings (columns on Tenant): NDA on/off, open-request limit,
// auto-approval domains, reviewer reminder threshold. Written in the tenant's context so that the
// audit event lands in the tenant's chain in the same transaction.

export type AttestationSettings = AttestationSettingsInput;

const SELECT = { ndaEnabled: true, openRequestLimit: true, autoApproveDomains: true, reviewReminderHours: true } as const;

export async function loadAttestationSettings(tenantId: string): Promise<AttestationSettings> {
  return withTenant(tenantId, (tx) => tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: SELECT }));
}

/** Saves the settings; returns the names of the settings that changed (none: nothing written). */
export async function saveAttestationSettings(input: { tenant: TenantRef; actor: StaffActor; settings: AttestationSettings; meta: RequestMeta | null }): Promise<string[]> {
  return withTenant(input.tenant.id, async (tx) => {
    await tx.$queryRaw`SELECT id FROM tenants WHERE id = ${input.tenant.id}::uuid FOR UPDATE`;
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: input.tenant.id }, select: SELECT });
    const changed = (Object.keys(SELECT) as Array<keyof AttestationSettings>).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(input.settings[key]));
    if (changed.length === 0) return [];
    await tx.tenant.update({ where: { id: input.tenant.id }, data: input.settings });
    await recordAudit(tx, {
      tenantId: input.tenant.id,
      actor: { id: input.actor.id, email: input.actor.email, roles: input.actor.roles },
      action: "attestations.settings.updated",
      target: { type: "tenant", id: input.tenant.id },
      data: { changed, before: Object.fromEntries(changed.map((key) => [key, before[key]])), after: Object.fromEntries(changed.map((key) => [key, input.settings[key]])) },
      meta: input.meta,
    });
    return changed;
  });
}
