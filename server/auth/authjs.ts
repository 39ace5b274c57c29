import "server-only";
import { isAppError } from "@/lib/errors";
import { consume } from "../security/rate-limit";
import NextAuth, { type NextAuthConfig } from "next-auth";
import { cookies, headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { NextRequest } from "next/server";
import { SESSION_LIMITS } from "@/lib/auth/session-policy";
import type { Locale } from "@/lib/i18n/locales";
import { LOCALE_COOKIE, negotiateAppLocale } from "@/lib/routing/app-locale";
import { safeRedirectPath } from "@/lib/routing/safe-redirect";
import { recordAudit } from "../audit/record";
import { getDb } from "../db/client";
import { authSecret } from "../env";
import { requestMeta, type RequestMeta } from "../request-context";
import { hashToken, newToken } from "../security/tokens";
import { vouchsafeAdapter } from "./authjs-adapter";
import { accountDenial, claimsDenial, loadTenantSso, oidcProviderFor, ssoProviderId, tenantSlugOfProvider, type SsoDenial, type TenantSso } from "./oidc-providers";
import { sessionCookieName, sessionCookieOptions } from "./session";

// Auth.js does one job here: the OpenID Connect dance of a tenant's customer single sign-on
// (discovery, PKCE/state/nonce, code exchange, ID token validation). The session it ends with is
// an ordinary Vouchsafe session (authjs-adapter.ts), read by server/auth/session.ts like any other;
// Auth.js's own session, sign-out and CSRF endpoints are not exposed.

const BASE_PATH = "/api/auth";
const AUTHJS_COOKIE = /^(__Secure-|__Host-)?authjs\./;

/** Why an SSO sign-in did not happen: the sign-in page explains each one (messages sso.signIn.errors). */
export type SsoFailure = SsoDenial | "provider_error" | "unavailable" | "rate_limited" | "failed";

export function ssoErrorPath(slug: string, reason: SsoFailure): string {
  return `/signin?${new URLSearchParams({ tenant: slug, error: "sso", reason })}`;
}

interface SsoRequest {
  sso: TenantSso;
  meta: RequestMeta;
  locale: Locale;
}

async function currentSsoRequest(sso: TenantSso): Promise<SsoRequest> {
  const [meta, jar, h] = await Promise.all([requestMeta(), cookies(), headers()]);
  const locale = negotiateAppLocale({ query: null, cookie: jar.get(LOCALE_COOKIE)?.value, acceptLanguage: h.get("accept-language") });
  return { sso, meta, locale };
}

async function authConfig({ sso, meta, locale }: SsoRequest): Promise<NextAuthConfig> {
  const db = await getDb();
  return {
    basePath: BASE_PATH,
    secret: authSecret(),
    // Auth.js builds its redirect_uri from the request's (forwarded) host. A forged Host only breaks
    // that request's own sign-in: the provider redirects to registered redirect URIs only.
    trustHost: true,
    adapter: vouchsafeAdapter(db, { tenant: sso.tenant, meta, locale }),
    providers: [oidcProviderFor(sso)],
    session: { strategy: "database", maxAge: SESSION_LIMITS.customer.absoluteMs / 1000, generateSessionToken: () => newToken() },
    cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async signIn({ user, profile }) {
        const denial = claimsDenial(profile as Record<string, unknown> | undefined, sso.emailDomains) ?? (await accountDenial({ email: String(profile?.email ?? ""), userId: user.id }));
        if (!denial) return true;
        await recordSsoFailure(meta, sso.tenant.slug, denial, typeof profile?.email === "string" ? profile.email : null);
        return ssoErrorPath(sso.tenant.slug, denial);
      },
      // Every redirect Auth.js makes (callbackUrl, the sign-in callback's answer) stays on this site.
      redirect: ({ url, baseUrl }) => relativeRedirect(url, baseUrl),
    },
  };
}

function relativeRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/")) return safeRedirectPath(url);
  try {
    const target = new URL(url);
    if (target.origin === new URL(baseUrl).origin) return safeRedirectPath(`${target.pathname}${target.search}${target.hash}`);
  } catch {
    // not a URL: the fallback below
  }
  return "/account";
}

async function recordSsoFailure(meta: RequestMeta, slug: string, reason: SsoFailure, email: string | null, detail?: string) {
  const db = await getDb();
  await db.$transaction((tx) =>
    recordAudit(tx, {
      tenantId: null,
      actor: { id: null, email: email?.trim().toLowerCase().slice(0, 254) ?? null },
      action: "auth.signin.failed",
      data: { method: "oidc", tenant: slug, reason, ...(detail ? { detail } : {}) },
      meta,
    }),
  );
}

export type SsoStart = { ok: true; url: string } | { ok: false; reason: SsoFailure };

/**
 * The SSO button (a plain form POST to /signin/sso, which works without JavaScript): Auth.js
 * starts the flow (state, PKCE and nonce cookies) and names the provider's authorization URL, which
 * the route then sends the browser to. (Auth.js's lazy `NextAuth(req => config)` would not know
 * which tenant is meant; the tenant's configuration is built here directly.)
 */
export async function startSsoSignIn(slug: string, next: unknown): Promise<SsoStart> {
  const sso = await loadTenantSso(slug);
  if (!sso) return { ok: false, reason: "unavailable" };
  const request = await currentSsoRequest(sso);
  // Each start makes the server fetch the provider's discovery document: bounded per address.
  try {
    await consume("ssoStartPerIp", request.meta.ip ?? "unknown");
  } catch (error) {
    if (isAppError(error) && error.code === "rateLimited") return { ok: false, reason: "rate_limited" };
    throw error;
  }
  const { signIn } = NextAuth(await authConfig(request));
  let detail: string;
  try {
    const url: unknown = await signIn(ssoProviderId(slug), { redirectTo: safeRedirectPath(next), redirect: false });
    if (typeof url === "string" && isProviderUrl(url, forwardedOrigin(await headers()))) return { ok: true, url };
    // Auth.js answered with its own error page (a configuration problem) instead of the provider.
    detail = "no provider URL";
  } catch (error) {
    unstable_rethrow(error);
    // Typically the provider's discovery document cannot be fetched.
    console.error(`[sso] request ${request.meta.requestId}: starting single sign-on for ${slug} failed:`, error);
    detail = error instanceof Error ? error.name : "unknown";
  }
  await recordSsoFailure(request.meta, slug, "unavailable", null, detail);
  return { ok: false, reason: "unavailable" };
}

/** An absolute http(s) URL elsewhere than this site: where a provider's sign-in page can be. */
function isProviderUrl(value: string, ownOrigin: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin !== ownOrigin;
  } catch {
    return false;
  }
}

const { handlers } = NextAuth(async (request) => {
  const slug = request ? callbackSlug(new URL(request.url).pathname) : null;
  const sso = slug ? await loadTenantSso(slug) : null;
  // handleSsoCallback answered 404 before Auth.js is asked about anything else.
  if (!sso) throw new Error("Auth.js was asked about a request that is not an SSO callback");
  return authConfig(await currentSsoRequest(sso));
});

/** What Auth.js's createActionURL takes as the site's origin when AUTH_URL is not set. */
function forwardedOrigin(headers: Headers): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const protocol = (headers.get("x-forwarded-proto") ?? "https").replace(/:$/, "");
  return `${protocol}://${host}`;
}

function callbackSlug(pathname: string): string | null {
  const match = /^\/api\/auth\/callback\/([a-z0-9-]{1,60})$/.exec(pathname);
  return match?.[1] ? tenantSlugOfProvider(match[1]) : null;
}

/** GET /api/auth/callback/oidc-{slug}: the provider sends the browser back here. */
export async function handleSsoCallback(request: NextRequest): Promise<Response> {
  const slug = callbackSlug(request.nextUrl.pathname);
  const sso = slug ? await loadTenantSso(slug) : null;
  if (!slug || !sso) return new Response("Not found", { status: 404 });
  // Signing in always starts a new session: without the current cookie Auth.js neither links the
  // provider account to whoever is signed in in this browser nor reuses their session.
  const name = sessionCookieName();
  const previousToken = request.cookies.get(name)?.value;
  const headers = new Headers(request.headers);
  const kept = (request.headers.get("cookie") ?? "").split(/;\s*/).filter((part) => part.length > 0 && !part.startsWith(`${name}=`));
  if (kept.length > 0) headers.set("cookie", kept.join("; "));
  else headers.delete("cookie");
  // The token request's redirect_uri is derived from this URL and must equal the one the sign-in
  // sent, which next-auth built from the forwarded host and protocol. Next's own request.url has
  // the server's hostname instead, and a NextRequest turns 127.0.0.1 into "localhost": a plain
  // Request with the origin computed the same way keeps both sides identical.
  const origin = forwardedOrigin(request.headers);
  const url = `${origin}${request.nextUrl.pathname}${request.nextUrl.search}`;
  // next-auth reads nextUrl only when an operator sets AUTH_URL (then both sides use that origin).
  const forAuthjs = Object.assign(new Request(url, { method: "GET", headers }), { nextUrl: new URL(url) }) as unknown as NextRequest;
  const response = await handlers.GET(forAuthjs);
  const authjsCookies = request.cookies.getAll().map((cookie) => cookie.name).filter((cookieName) => AUTHJS_COOKIE.test(cookieName));
  return finishCallback(response, { slug, origin, previousToken, authjsCookies });
}

interface CallbackContext {
  slug: string;
  origin: string;
  previousToken: string | undefined;
  /** Auth.js's own cookies in the browser (state, PKCE, callback URL, CSRF). */
  authjsCookies: string[];
}

async function finishCallback(response: Response, { slug, origin, previousToken, authjsCookies }: CallbackContext): Promise<Response> {
  const name = sessionCookieName();
  const location = response.headers.get("location");
  const out = new Headers();
  let signedIn = false;
  // The flow is over either way: none of Auth.js's own cookies (state, PKCE, nonce, callback URL,
  // CSRF) stays in the browser.
  const authjsNames = new Set(authjsCookies);
  for (const cookie of response.headers.getSetCookie()) {
    const cookieName = cookie.slice(0, cookie.indexOf("="));
    if (AUTHJS_COOKIE.test(cookieName)) {
      authjsNames.add(cookieName);
    } else if (cookieName === name && !cookie.startsWith(`${name}=;`)) {
      signedIn = true;
      // Like every Vouchsafe session cookie: no expiry of its own; the server ends the session.
      out.append("set-cookie", cookie.replace(/;\s*Expires=[^;]*/i, "").replace(/;\s*Max-Age=[^;]*/i, ""));
    } else {
      out.append("set-cookie", cookie);
    }
  }
  for (const cookieName of authjsNames) {
    out.append("set-cookie", `${cookieName}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${cookieName.startsWith("__") ? "; Secure" : ""}`);
  }
  if (signedIn) {
    if (previousToken) {
      const db = await getDb();
      await db.session.deleteMany({ where: { sessionToken: hashToken(previousToken) } });
    }
    out.set("location", location ? relativeRedirect(location, origin) : "/account");
    return new Response(null, { status: 302, headers: out });
  }
  if (!location?.includes("error=sso")) {
    // Auth.js ended the flow with an error of its own (provider error, failed checks, ...):
    // the sign-in callback has not recorded it.
    const type = errorType(location) ?? `status ${response.status}`;
    await recordSsoFailure(await requestMeta(), slug, type === "OAuthCallbackError" ? "provider_error" : "failed", null, type);
    out.set("location", ssoErrorPath(slug, type === "OAuthCallbackError" ? "provider_error" : "failed"));
  } else {
    out.set("location", relativeRedirect(location, origin));
  }
  return new Response(null, { status: 302, headers: out });
}

function errorType(location: string | null): string | null {
  if (!location) return null;
  try {
    return new URL(location, "http://vouchsafe.invalid").searchParams.get("error")?.slice(0, 64) ?? null;
  } catch {
    return null;
  }
}
