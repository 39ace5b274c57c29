import { isLocale } from "@/lib/i18n/locales";
import { isTenantSlug } from "@/lib/tenants/slug";
import { SUBSCRIPTION_TOKEN } from "@/lib/validation/subscriptions";
import { oneClickBody, oneClickUnsubscribe } from "@/server/subscriptions/one-click";

// The List-Unsubscribe address of subscriber emails. POST: one-click unsubscribe (RFC 8058) by mail
// clients, exempt from the Origin check (lib/security/same-origin.ts) because the token is the only
// credential. GET (the address opened in a browser, or fetched by a mail scanner): changes nothing,
// only leads to the tenant's confirmation page, whose button unsubscribes.

type Params = { params: Promise<{ tenant: string; token: string }> };

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export async function POST(request: Request, { params }: Params) {
  const { tenant, token } = await params;
  const outcome = await oneClickUnsubscribe(tenant, token, await oneClickBody(request));
  if (outcome === "bad-request") return text("Expected List-Unsubscribe=One-Click", 400);
  if (outcome === "unknown") return text("Unknown unsubscribe link", 404);
  return text("Unsubscribed", 200);
}

export async function GET(request: Request, { params }: Params) {
  const { tenant, token } = await params;
  if (!isTenantSlug(tenant) || !SUBSCRIPTION_TOKEN.test(token)) return text("Unknown unsubscribe link", 404);
  const lang = new URL(request.url).searchParams.get("lang");
  const location = `/${tenant}/unsubscribe/${token}${isLocale(lang) ? `?lang=${lang}` : ""}`;
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}
