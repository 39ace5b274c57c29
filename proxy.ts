import { NextResponse, type NextRequest } from "next/server";
import { internalPath } from "@/lib/routing/internal-path";
import { isAppPath, LOCALE_COOKIE, LOCALE_HEADER, negotiateAppLocale } from "@/lib/routing/app-locale";

// Routing only (never authorization): public URLs onto internal, cacheable paths; the signed-in
// area gets a request id and its negotiated locale. Every page checks access itself (server/auth/guard).
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (isAppPath(pathname)) return appRequest(request);
  const target = internalPath(pathname, searchParams);
  if (target === null) return NextResponse.next({ request: { headers: withRequestId(request.headers) } });
  const url = request.nextUrl.clone();
  url.pathname = target;
  url.search = "";
  return NextResponse.rewrite(url);
}

function appRequest(request: NextRequest) {
  const query = request.nextUrl.searchParams.get("lang");
  const locale = negotiateAppLocale({
    query,
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get("accept-language"),
  });
  const headers = withRequestId(request.headers);
  headers.set(LOCALE_HEADER, locale);
  const response = NextResponse.next({ request: { headers } });
  if (query === locale) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  }
  return response;
}

function withRequestId(source: Headers): Headers {
  const headers = new Headers(source);
  // Never trust a client-supplied id: it ends up in the audit log.
  headers.set("x-request-id", crypto.randomUUID());
  return headers;
}

export const config = {
  // Everything but framework assets and static files (feed.xml is a page).
  matcher: ["/((?!_next/|.*\\.(?:svg|png|ico|txt|woff2|css|js|map)$).*)"],
};
