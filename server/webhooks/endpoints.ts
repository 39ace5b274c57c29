import "server-only";
import { AppError } from "@/lib/errors";
import type { CreateWebhookInput } from "@/lib/validation/webhooks";
import { recordAudit } from "../audit/record";
import type { TenantAccess } from "../auth/guard";
import { withTenant } from "../db";
import { env } from "../env";
import type { RequestMeta } from "../request-context";
import { seal } from "../security/secret-box";
import { newToken } from "../security/tokens";
import { resolvesPublicly, WEBHOOK_SECRET_PURPOSE } from "./deliver";

// A tenant's webhook endpoints (webhooks.manage). The signing secret is generated here, returned
// once to be shown to the admin, and stored sealed (the worker opens it to sign each delivery).
// Every change is audited in its transaction.

const actor = (access: TenantAccess) => ({ id: access.session.user.id, email: access.session.user.email, roles: access.roles });

export async function createWebhookEndpoint(access: TenantAccess, input: CreateWebhookInput, meta: RequestMeta): Promise<{ id: string; secret: string }> {
  // Production refuses loopback, private and link-local targets (SSRF); tests and demos use local receivers.
  if (env().APP_ENV === "production" && !(await resolvesPublicly(new URL(input.url).hostname))) {
    throw new AppError("invalid", "webhook URL resolves to a private address", { field: "url", reason: "privateAddress" });
  }
  const secret = `whsec_${newToken()}`;
  const endpoint = await withTenant(access.tenant.id, async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { tenantId: access.tenant.id, url: input.url, events: input.events, secret: seal(secret, WEBHOOK_SECRET_PURPOSE), createdById: access.session.user.id },
      select: { id: true },
    });
    await recordAudit(tx, { tenantId: access.tenant.id, actor: actor(access), action: "webhook.created", target: { type: "webhook", id: created.id }, data: { url: input.url, events: input.events }, meta });
    return created;
  });
  return { id: endpoint.id, secret };
}

export async function deleteWebhookEndpoint(access: TenantAccess, endpointId: string, meta: RequestMeta): Promise<void> {
  await withTenant(access.tenant.id, async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, tenantId: access.tenant.id }, select: { id: true, url: true } });
    // Another tenant's endpoint is invisible here (RLS and the tenant filter): not found.
    if (!endpoint) throw new AppError("notFound", "webhook endpoint not found");
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await recordAudit(tx, { tenantId: access.tenant.id, actor: actor(access), action: "webhook.deleted", target: { type: "webhook", id: endpoint.id }, data: { url: endpoint.url }, meta });
  });
}

export async function listWebhooks(tenantId: string) {
  return withTenant(tenantId, async (tx) => {
    const [endpoints, deliveries, tenant] = await Promise.all([
      tx.webhookEndpoint.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" }, select: { id: true, url: true, events: true, active: true, createdAt: true } }),
      tx.webhookDelivery.findMany({
        where: { tenantId },
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, endpointId: true, event: true, status: true, attempts: true, lastStatusCode: true, lastError: true, nextAttemptAt: true, createdAt: true },
      }),
      tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } }),
    ]);
    return { endpoints, deliveries, timeZone: tenant.timeZone };
  });
}
