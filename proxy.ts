import { NextResponse, type NextRequest } from "next/server";
import { internalPath } from "@/lib/routing/internal-path";

// Routing only (never authorization): public URLs onto internal, cacheable paths.
export function proxy(request: NextRequest) {
  const target = internalPath(request.nextUrl.pathname, request.nextUrl.searchParams);
  if (target === null) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = target;
  url.search = "";
  return NextResponse.rewrite(url);
}

export const config = {
  // Everything but framework assets, API routes and static files (feed.xml is a page).
  matcher: ["/((?!_next/|api/|.*\\.(?:svg|png|ico|txt|woff2|css|js|map)$).*)"],
};
