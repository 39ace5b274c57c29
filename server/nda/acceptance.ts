import "server-only";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import type { TenantRef } from "../auth/guard";
import { recordAudit } from "../audit/record";
import { getDb, withTenant, type Tx } from "../db/client";
import type { RequestMeta } from "../request-context";
import { currentNdaVersion, type NdaVersionView } from "./versions";

// A customer's NDA with a tenant: which version they must accept before requesting an attestation,
// and the click-through acceptance itself (user, company, IP, user agent, time, version, hash).

/** An acceptance covers requests for 12 months. */
export const NDA_ACCEPTANCE_VALID_MONTHS = 12;

export type NdaRequirement =
  /** The tenant switched the NDA off, or has not written one: nothing to accept. */
  | { required: false; reason: "disabled" | "noNda" }
  /** Accepted the current version within the last 12 months. */
  | { required: false; reason: "accepted"; acceptanceId: string; version: NdaVersionView; acceptedAt: Date; expiresAt: Date }
  | { required: true; reason: "never" | "newVersion" | "expired"; version: NdaVersionView; lastAcceptedAt: Date | null };

/** The moment an acceptance made at `acceptedAt` stops covering requests (same day, 12 months later). */
export function acceptanceExpiresAt(acceptedAt: Date): Date {
  const expires = new Date(acceptedAt);
  expires.setUTCMonth(expires.getUTCMonth() + NDA_ACCEPTANCE_VALID_MONTHS);
  return expires;
}

/** Inside the caller's tenant transaction (the request workflow uses it with its own lock). */
export async function ndaRequirementIn(tx: Tx, tenantId: string, userId: string, now: Date): Promise<NdaRequirement> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { ndaEnabled: true } });
  if (!tenant.ndaEnabled) return { required: false, reason: "disabled" };
  const version = await currentNdaVersion(tx, tenantId);
  if (!version) return { required: false, reason: "noNda" };
  const last = await tx.ndaAcceptance.findFirst({ where: { tenantId, userId }, orderBy: { acceptedAt: "desc" }, select: { id: true, ndaVersionId: true, acceptedAt: true } });
  if (!last) return { required: true, reason: "never", version, lastAcceptedAt: null };
  if (last.ndaVersionId !== version.id) return { required: true, reason: "newVersion", version, lastAcceptedAt: last.acceptedAt };
  const expiresAt = acceptanceExpiresAt(last.acceptedAt);
  if (expiresAt <= now) return { required: true, reason: "expired", version, lastAcceptedAt: last.acceptedAt };
  return { required: false, reason: "accepted", acceptanceId: last.id, version, acceptedAt: last.acceptedAt, expiresAt };
}

export function ndaRequirement(input: { tenantId: string; userId: string; now?: Date }): Promise<NdaRequirement> {
  return withTenant(input.tenantId, (tx) => ndaRequirementIn(tx, input.tenantId, input.userId, input.now ?? new Date()));
}

/** The company the customer named last time (acceptance or customer record), to prefill the form. */
export async function knownCompanyName(tenantId: string, userId: string): Promise<string> {
  return withTenant(tenantId, async (tx) => {
    const last = await tx.ndaAcceptance.findFirst({ where: { tenantId, userId }, orderBy: { acceptedAt: "desc" }, select: { companyName: true } });
    if (last) return last.companyName;
    const customer = await tx.customer.findFirst({ where: { tenantId, userId }, select: { companyName: true } });
    return customer?.companyName ?? "";
  });
}

export interface AcceptNdaInput {
  tenant: TenantRef;
  user: { id: string; email: string };
  /** The version the customer saw; accepting an outdated one is refused (they must read the new text). */
  versionNumber: number;
  companyName: string;
  /** The language the text was shown in. */
  locale: Locale;
  meta: RequestMeta | null;
  now?: Date;
}

/** Records the acceptance (the database locks the version and checks the hash). Returns its id. */
export async function acceptNda(input: AcceptNdaInput): Promise<{ acceptanceId: string; version: number }> {
  try {
    return await withTenant(input.tenant.id, async (tx) => {
      const version = await currentNdaVersion(tx, input.tenant.id);
      if (!version) throw new AppError("notFound", "this tenant has no NDA");
      if (version.number !== input.versionNumber) throw new AppError("conflict", "a newer NDA version exists", { reason: "outdated" });
      const acceptance = await tx.ndaAcceptance.create({
        data: {
          tenantId: input.tenant.id,
          ndaVersionId: version.id,
          userId: input.user.id,
          companyName: input.companyName,
          ndaSha256: version.sha256,
          locale: input.locale,
          ip: input.meta?.ip ?? null,
          userAgent: input.meta?.userAgent ?? null,
          ...(input.now ? { acceptedAt: input.now } : {}),
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        tenantId: input.tenant.id,
        actor: { id: input.user.id, email: input.user.email },
        action: "nda.accepted",
        target: { type: "nda_acceptance", id: acceptance.id },
        data: { version: version.number, sha256: version.sha256, companyName: input.companyName, locale: input.locale },
        meta: input.meta,
      });
      return { acceptanceId: acceptance.id, version: version.number };
    });
  } catch (error) {
    // The text was corrected between reading and accepting: the hash no longer matches (trigger).
    if (error instanceof Error && /nda_acceptance_hash/.test(error.message)) throw new AppError("conflict", "the NDA text changed", { reason: "outdated" });
    throw error;
  }
}

/** The tenant's current NDA for display, or null (none written or switched off). */
export async function currentNda(tenantId: string): Promise<{ enabled: boolean; version: NdaVersionView | null }> {
  const db = await getDb();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { ndaEnabled: true } });
  const version = await withTenant(tenantId, (tx) => currentNdaVersion(tx, tenantId));
  return { enabled: tenant.ndaEnabled, version };
}
