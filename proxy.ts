import { NextResponse, type NextRequest } from "next/server";
import { DEFAULT_LOCALE, isLocale, TENANT_DEFAULT_SEGMENT } from "@/lib/i18n/locales";
import { RESERVED_SLUGS } from "@/lib/tenants/slug";
import { parseVersionNumber } from "@/lib/trust-center/versions";

// Routing only (never authorization): the public URL contract (/{tenant}/measures?lang=en,
// /{tenant}/measures/compare?from=1&to=2) is rewritten onto path-only internal routes
// (/{tenant}/en/measures, /{tenant}/_/measures/compare/1/2), so each page is one cacheable path.
// Query strings are dropped from the internal URL: they cannot multiply cache entries.
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const [tenant, ...rest] = pathname.split("/").filter(Boolean);
  const requested = searchParams.get("lang");
  if (!tenant || SITE_PAGES.has(tenant)) {
    // Vouchsafe's own pages: German unless ?lang= says otherwise.
    return rewrite(request, ["site", isLocale(requested) ? requested : DEFAULT_LOCALE, ...(tenant ? [tenant] : [])]);
  }
  if (RESERVED_SLUGS.has(tenant)) return NextResponse.next();

  const lang = isLocale(requested) ? requested : TENANT_DEFAULT_SEGMENT;
  let internal = [tenant, lang, ...rest];
  if (rest.length === 2 && rest[0] === "measures" && rest[1] === "compare") {
    // "-" marks a missing value, "x" an invalid one: the page explains which, with a version picker.
    const param = (name: string) => {
      const raw = searchParams.get(name);
      if (!raw) return "-";
      return parseVersionNumber(raw) === null ? "x" : raw;
    };
    internal = [...internal, param("from"), param("to")];
  }
  return rewrite(request, internal);
}

const SITE_PAGES = new Set(["about"]);

function rewrite(request: NextRequest, segments: string[]) {
  const url = request.nextUrl.clone();
  url.pathname = `/${segments.map(encodeURIComponent).join("/")}`;
  url.search = "";
  return NextResponse.rewrite(url);
}

export const config = {
  // Everything but framework assets, API routes and files with an extension other than feed.xml.
  matcher: ["/((?!_next/|api/|.*\\.(?:svg|png|ico|txt|woff2|css|js)$).*)"],
};
