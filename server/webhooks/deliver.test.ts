import { createServer, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, withWorker } from "@/server/db/client";
import { connectTestDatabase } from "@/server/testing/database";
import type { TenantAccess } from "../auth/guard";
import { deliverWebhook, queueWebhookEvent } from "./deliver";
import { createWebhookEndpoint, deleteWebhookEndpoint } from "./endpoints";
import { verifyWebhook } from "./signature";

// Webhook endpoints and deliveries against the test database and a local HTTP receiver that
// verifies the signature the way the console tells receivers to. The code under test runs in
// tenant and worker transactions (app_user, RLS); the owner connection reads what was stored.
connectTestDatabase({ role: "owner" });

interface Received {
  body: string;
  problem: string | null;
}
let server: Server;
let url = "";
let answer = 200;
const received: Received[] = [];
let secret = "";
let access: TenantAccess;
const meta = { ip: "203.0.113.40", userAgent: "vitest", requestId: "req-webhooks" };

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ body, problem: verifyWebhook(secret, { signature: request.headers["x-vouchsafe-signature"] as string, timestamp: request.headers["x-vouchsafe-timestamp"] as string, body }) });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hook`;
  const db = await getDb();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "nordlicht" }, select: { id: true, slug: true, name: true } });
  const owner = await db.user.findFirstOrThrow({ where: { memberships: { some: { tenantId: tenant.id } } }, select: { id: true, email: true } });
  access = { tenant, roles: ["OWNER"], session: { user: { id: owner.id, email: owner.email } } } as unknown as TenantAccess;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeDb();
});

describe("webhook deliveries", () => {
  it("stores the secret sealed, delivers a signed event once per endpoint and key, retries a failure with backoff", async () => {
    const created = await createWebhookEndpoint(access, { url, events: ["measures.published"] }, meta);
    secret = created.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const db = await getDb();
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.secret.startsWith("v1.")).toBe(true);
    expect(stored.secret).not.toContain(secret.slice(6));

    const dedupeKey = `test:${randomUUID()}`;
    const ids = await queueWebhookEvent({ tenantId: access.tenant.id, event: "measures.published", dedupeKey, payload: { version: 7 } });
    expect(ids).toHaveLength(1);
    // The same event again (a retried job) writes no second delivery; another event kind reaches no endpoint.
    expect(await queueWebhookEvent({ tenantId: access.tenant.id, event: "measures.published", dedupeKey, payload: { version: 7 } })).toEqual(ids);
    expect(await queueWebhookEvent({ tenantId: access.tenant.id, event: "measures.took_effect", dedupeKey: `${dedupeKey}:other`, payload: {} })).toEqual([]);

    answer = 500;
    const before = Date.now();
    expect(await deliverWebhook(ids[0]!)).toBe("failed");
    let row = await withWorker((tx) => tx.webhookDelivery.findUniqueOrThrow({ where: { id: ids[0]! } }));
    expect(row).toMatchObject({ status: "FAILED", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
    expect(row.nextAttemptAt!.getTime() - before).toBeGreaterThanOrEqual(29_000);
    expect(row.nextAttemptAt!.getTime() - before).toBeLessThan(40_000);
    // Not due yet: nothing is sent.
    expect(await deliverWebhook(ids[0]!)).toBe("skipped");

    await withWorker((tx) => tx.webhookDelivery.update({ where: { id: ids[0]! }, data: { nextAttemptAt: new Date() } }));
    answer = 204;
    expect(await deliverWebhook(ids[0]!)).toBe("delivered");
    row = await withWorker((tx) => tx.webhookDelivery.findUniqueOrThrow({ where: { id: ids[0]! } }));
    expect(row).toMatchObject({ status: "SENT", attempts: 2, lastStatusCode: 204, nextAttemptAt: null });
    expect(await deliverWebhook(ids[0]!)).toBe("skipped");

    expect(received).toHaveLength(2);
    expect(received.map((r) => r.problem)).toEqual([null, null]);
    expect(JSON.parse(received[1]!.body)).toMatchObject({ id: ids[0], event: "measures.published", data: { version: 7 } });

    await deleteWebhookEndpoint(access, created.id, meta);
    const audit = await db.auditEvent.findMany({ where: { tenantId: access.tenant.id, targetId: created.id }, orderBy: { seq: "asc" }, select: { action: true } });
    expect(audit.map((event) => event.action)).toEqual(["webhook.created", "webhook.deleted"]);
    expect(await db.webhookEndpoint.count({ where: { id: created.id } })).toBe(0);
  });

  it("answers another tenant's endpoint as not found", async () => {
    await expect(deleteWebhookEndpoint(access, randomUUID(), meta)).rejects.toMatchObject({ code: "notFound" });
  });
});
