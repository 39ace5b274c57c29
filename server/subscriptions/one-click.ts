import "server-only";
import { isTenantSlug } from "@/lib/tenants/slug";
import { SUBSCRIPTION_TOKEN } from "@/lib/validation/subscriptions";
import { getDb } from "../db";
import { unsubscribeWithToken } from "./subscribe";

// RFC 8058 one-click unsubscribe: the mail client POSTs "List-Unsubscribe=One-Click" to the
// List-Unsubscribe address, without Origin and without cookies. The token in the path is the
// credential; nothing else is read or answered about the subscription.

export type OneClickOutcome = "unsubscribed" | "unknown" | "bad-request";

export async function oneClickUnsubscribe(slug: string, token: string, body: string | null): Promise<OneClickOutcome> {
  if (!isTenantSlug(slug) || !SUBSCRIPTION_TOKEN.test(token)) return "unknown";
  if (body?.trim() !== "List-Unsubscribe=One-Click") return "bad-request";
  const db = await getDb();
  const tenant = await db.tenant.findUnique({ where: { slug }, select: { id: true } });
  if (!tenant) return "unknown";
  return unsubscribeWithToken(tenant.id, token);
}

/** The form field of the POST body, whether sent urlencoded (RFC 8058) or as multipart. */
export async function oneClickBody(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await request.formData().catch(() => null);
    const value = form?.get("List-Unsubscribe");
    return typeof value === "string" ? `List-Unsubscribe=${value}` : null;
  }
  const text = await request.text().catch(() => null);
  return text === null ? null : text.slice(0, 200);
}
