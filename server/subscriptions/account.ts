import "server-only";
import { AppError } from "@/lib/errors";
import type { Topic } from "@/lib/validation/subscriptions";
import { withTenant, withUser } from "../db";

// A signed-in user's subscriptions across trust centers (/account/subscriptions): the rows whose
// address is the account's own (row-level security: own_read on subscriptions). Changes happen in
// the subscription's tenant context after that ownership check; a sign-in proves the address, so
// saving also confirms a subscription still waiting for its email.

export interface OwnSubscription {
  id: string;
  tenantSlug: string;
  tenantName: string;
  locale: string;
  topics: string[];
  confirmed: boolean;
}

export async function listOwnSubscriptions(userId: string): Promise<OwnSubscription[]> {
  return withUser(userId, async (tx) => {
    const rows = await tx.subscription.findMany({ select: { id: true, tenantId: true, locale: true, topics: true, confirmedAt: true }, orderBy: { createdAt: "asc" } });
    const tenants = await tx.tenant.findMany({ where: { id: { in: rows.map((row) => row.tenantId) } }, select: { id: true, slug: true, name: true } });
    const byId = new Map(tenants.map((tenant) => [tenant.id, tenant]));
    return rows.map((row) => ({
      id: row.id,
      tenantSlug: byId.get(row.tenantId)?.slug ?? "",
      tenantName: byId.get(row.tenantId)?.name ?? "",
      locale: row.locale,
      topics: row.topics,
      confirmed: row.confirmedAt !== null,
    }));
  });
}

async function ownSubscription(userId: string, subscriptionId: string) {
  const row = await withUser(userId, (tx) => tx.subscription.findUnique({ where: { id: subscriptionId }, select: { id: true, tenantId: true, email: true } }));
  // Someone else's subscription is as absent as one that does not exist.
  if (!row) throw new AppError("notFound", "subscription not found");
  const tenant = await withUser(userId, (tx) => tx.tenant.findUniqueOrThrow({ where: { id: row.tenantId }, select: { name: true } }));
  return { ...row, tenantName: tenant.name };
}

export async function updateOwnTopics(userId: string, subscriptionId: string, topics: Topic[]): Promise<{ tenantName: string }> {
  const subscription = await ownSubscription(userId, subscriptionId);
  await withTenant(subscription.tenantId, async (tx) => {
    const current = await tx.subscription.findFirstOrThrow({ where: { id: subscription.id, email: subscription.email }, select: { confirmedAt: true } });
    await tx.subscription.update({
      where: { id: subscription.id },
      data: { topics, ...(current.confirmedAt ? {} : { confirmedAt: new Date(), confirmTokenHash: null, confirmExpiresAt: null }) },
      select: { id: true },
    });
  });
  return { tenantName: subscription.tenantName };
}

export async function unsubscribeOwn(userId: string, subscriptionId: string): Promise<{ tenantName: string }> {
  const subscription = await ownSubscription(userId, subscriptionId);
  await withTenant(subscription.tenantId, (tx) => tx.subscription.deleteMany({ where: { id: subscription.id, email: subscription.email } }));
  return { tenantName: subscription.tenantName };
}
