import { NextResponse, type NextRequest } from "next/server";
import { customDomainRoute } from "@/lib/routing/custom-domain";
import { normalizeHost } from "@/lib/routing/host";
import { acceptsActions, internalPath, isRenderedPerRequest } from "@/lib/routing/internal-path";
import { isVerificationPath, verificationJsonPath } from "@/lib/attestations/verification-code";
import { isAppPath, LOCALE_COOKIE, LOCALE_HEADER, negotiateAppLocale } from "@/lib/routing/app-locale";
import { appPagePolicy, newNonce, publicPagePolicy, type CspOptions } from "@/lib/security/csp";
import { isOriginCheckExempt, originProblem } from "@/lib/security/same-origin";
import { env, servedOverHttps } from "@/server/env";
import { tenantSlugForHost } from "@/server/tenants/domains";

// Routing only (never authorization): a tenant's custom domain onto its pages, public URLs onto
// internal, cacheable paths; the signed-in area gets a request id, its negotiated locale and a CSP
// nonce. Every page checks access itself (server/auth/guard). It never redirects: no client-supplied
// URL can become a Location here (redirects elsewhere go through lib/routing/safe-redirect.ts).
export async function proxy(request: NextRequest) {
  const headers = withoutClientSecurityHeaders(request.headers);
  const csp: CspOptions = { https: servedOverHttps(), development: process.env.NODE_ENV === "development" };
  let { pathname } = request.nextUrl;

  // CSRF: every state-changing request must come from one of our pages. Next checks server actions
  // itself, but lets a request without Origin through and only for actions; this covers route
  // handlers and any path an action is posted to. Route handlers check again (assertSameOrigin).
  if (!isOriginCheckExempt(pathname) && originProblem({ method: request.method, origin: request.headers.get("origin"), host: request.headers.get("host") }, env().APP_ORIGIN)) {
    return secured(new NextResponse("Forbidden: cross-origin request", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } }), publicPagePolicy(csp));
  }

  const host = normalizeHost(request.headers.get("host"));
  const slug = host && host !== new URL(env().APP_ORIGIN).hostname ? await tenantSlugForHost(host) : null;
  let mainOriginOnly = false;
  if (slug) {
    const route = customDomainRoute(slug, pathname);
    // The console and sign-in live on the main origin only: here they are the tenant's 404 page.
    mainOriginOnly = route.kind === "main-origin-only";
    pathname = route.kind === "tenant" ? route.pathname : `/${slug}/not-found`;
  } else if (isAppPath(pathname) || isVerificationPath(pathname)) {
    return appRequest(request, headers, csp);
  }

  const target = internalPath(pathname, request.nextUrl.searchParams);
  if (target === null) {
    headers.set("x-request-id", crypto.randomUUID());
    return secured(NextResponse.next({ request: { headers } }), publicPagePolicy(csp));
  }
  if (!READ_METHODS.has(request.method) && !acceptsActions(target)) {
    // Only the subscription pages take a form post. Next would render any other page afresh for a
    // POST (its page cache serves GET), and a 404 page would answer 200 (not-found-page.tsx).
    const status = mainOriginOnly ? 404 : 405;
    return secured(new NextResponse(null, { status, headers: { allow: "GET, HEAD" } }), publicPagePolicy(csp));
  }
  const url = request.nextUrl.clone();
  url.pathname = target;
  url.search = "";
  if (isRenderedPerRequest(target)) {
    // Rendered for this request only, so it gets a nonce like the signed-in area (Next reads it
    // from the request header).
    const policy = appPagePolicy(newNonce(), csp);
    headers.set("content-security-policy", policy);
    return secured(NextResponse.rewrite(url, { request: { headers } }), policy);
  }
  // Cached pages: the page cache adds a second policy naming the hashes of the page's inline
  // scripts (server/cache/page-cache-handler.mjs); a browser enforces both.
  return secured(NextResponse.rewrite(url, { request: { headers } }), publicPagePolicy(csp));
}

const READ_METHODS = new Set(["GET", "HEAD"]);

function appRequest(request: NextRequest, headers: Headers, csp: CspOptions) {
  const query = request.nextUrl.searchParams.get("lang");
  const locale = negotiateAppLocale({
    query,
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get("accept-language"),
  });
  // Never trust a client-supplied id: it ends up in the audit log.
  headers.set("x-request-id", crypto.randomUUID());
  headers.set(LOCALE_HEADER, locale);
  const policy = appPagePolicy(newNonce(), csp);
  // Next takes the nonce for its own <script> tags from the request's CSP header.
  headers.set("content-security-policy", policy);
  // /verify/{code} answers JSON to a client that asks for it (Accept), the page otherwise.
  const json = verificationJsonPath(request.nextUrl.pathname, request.headers.get("accept"));
  const response = json ? NextResponse.rewrite(new URL(json, request.url), { request: { headers } }) : NextResponse.next({ request: { headers } });
  if (isVerificationPath(request.nextUrl.pathname)) response.headers.set("vary", "accept");
  if (query === locale) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  }
  return secured(response, policy);
}

function secured(response: NextResponse, policy: string) {
  response.headers.set("content-security-policy", policy);
  // HSTS only when the site is served over https: over http browsers ignore it, and a development
  // machine's localhost must not be pinned to https.
  if (servedOverHttps()) response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  return response;
}

/** A client must not choose the nonce Next renders with (it reads it from the request's CSP header). */
function withoutClientSecurityHeaders(source: Headers): Headers {
  const headers = new Headers(source);
  for (const name of ["content-security-policy", "content-security-policy-report-only", "x-nonce", "x-request-id", LOCALE_HEADER]) headers.delete(name);
  return headers;
}

export const config = {
  // Everything but framework assets and static files (feed.xml is a page).
  matcher: ["/((?!_next/|.*\\.(?:svg|png|ico|txt|woff2|css|js|map)$).*)"],
};
