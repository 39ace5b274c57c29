import "server-only";
import type { Tx } from "../db/client";

const YEAR_MS = 365 * 24 * 60 * 60_000;

/**
 * The customer's acceptance that covers a request made now: of the tenant's newest NDA version and
 * not older than 12 months; null when they must accept (again) first.
 */
export async function currentNdaAcceptance(tx: Tx, tenantId: string, userId: string, now: Date): Promise<string | null> {
  const latest = await tx.ndaVersion.findFirst({ where: { tenantId }, orderBy: { number: "desc" }, select: { id: true } });
  if (!latest) return null;
  const acceptance = await tx.ndaAcceptance.findFirst({
    where: { tenantId, userId, ndaVersionId: latest.id, acceptedAt: { gt: new Date(now.getTime() - YEAR_MS) } },
    orderBy: { acceptedAt: "desc" },
    select: { id: true },
  });
  return acceptance?.id ?? null;
}
