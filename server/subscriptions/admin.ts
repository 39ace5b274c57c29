import "server-only";
import { withTenant } from "../db";

// The console's subscriber list (subscribers.view) and its recent emails, inside the tenant.

export async function listSubscribers(tenantId: string) {
  return withTenant(tenantId, async (tx) => {
    const [subscribers, deliveries, tenant] = await Promise.all([
      tx.subscription.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" }, take: 500, select: { id: true, email: true, locale: true, topics: true, confirmedAt: true, createdAt: true } }),
      tx.emailDelivery.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" }, take: 50, select: { id: true, to: true, subject: true, status: true, attempts: true, createdAt: true, sentAt: true } }),
      tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } }),
    ]);
    const confirmed = await tx.subscription.count({ where: { tenantId, confirmedAt: { not: null } } });
    const pending = await tx.subscription.count({ where: { tenantId, confirmedAt: null } });
    return { subscribers, deliveries, confirmed, pending, timeZone: tenant.timeZone };
  });
}
