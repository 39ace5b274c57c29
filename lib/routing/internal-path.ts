import { DEFAULT_LOCALE, isLocale, TENANT_DEFAULT_SEGMENT } from "../i18n/locales";
import { RESERVED_SLUGS } from "../tenants/slug";
import { parseVersionNumber } from "../trust-center/versions";

// The public URL contract (/{tenant}/measures?lang=en, /{tenant}/measures/compare?from=1&to=2)
// mapped onto path-only internal routes (/{tenant}/en/measures, /{tenant}/_/measures/compare/1/2):
// each page is then exactly one cacheable path, and query strings cannot multiply cache entries.

/** Vouchsafe's own pages, served from app/site/[lang]. */
const SITE_PAGES = new Set(["about"]);

/** The internal path for a public request, or null when the request is not rewritten (API, assets). */
export function internalPath(pathname: string, searchParams: URLSearchParams): string | null {
  const [first, ...rest] = pathname.split("/").filter(Boolean);
  const requested = searchParams.get("lang");
  if (!first || SITE_PAGES.has(first)) {
    // Deeper paths are kept so that they reach the site's 404 instead of the page above them.
    return join(["site", isLocale(requested) ? requested : DEFAULT_LOCALE, ...(first ? [first, ...rest] : [])]);
  }
  if (RESERVED_SLUGS.has(first)) return null;
  const lang = isLocale(requested) ? requested : TENANT_DEFAULT_SEGMENT;
  if (rest[0] === "measures" && rest[1] === "compare") {
    // The redline has one public address; /measures/compare/1/2 would otherwise reach the internal route.
    if (rest.length > 2) return join([first, lang, "not-found"]);
    return join([first, lang, "measures", "compare", compareSegment(searchParams.get("from")), compareSegment(searchParams.get("to"))]);
  }
  return join([first, lang, ...rest]);
}

/**
 * Public pages rendered for each request (`dynamic = "force-dynamic"`: the subscription
 * confirmation and unsubscribe links): unlike the cached pages they can carry a CSP nonce.
 * Takes an internal path (/{tenant}/{lang}/...). lib/routing/internal-path.test.ts checks this
 * list against the pages that declare it.
 */
export function isRenderedPerRequest(internal: string): boolean {
  const [, , ...rest] = internal.split("/").filter(Boolean);
  if (rest[0] === "unsubscribe") return rest.length === 2;
  return rest[0] === "subscribe" && rest[1] === "confirm" && rest.length === 3;
}

/**
 * Public pages whose forms post a server action to their own address: the subscription form and
 * the two per-request pages. Any other public page answers GET and HEAD only, so that a POST cannot
 * make the server render a cached page afresh (the page cache serves GET only). Takes an internal
 * path; lib/routing/internal-path.test.ts checks it against the pages that import actions.
 */
export function acceptsActions(internal: string): boolean {
  const [, , ...rest] = internal.split("/").filter(Boolean);
  return (rest[0] === "subscribe" && rest.length === 1) || isRenderedPerRequest(internal);
}

/** "-" marks a missing value, "x" an invalid one: the compare page explains which. */
function compareSegment(raw: string | null): string {
  if (!raw) return "-";
  return parseVersionNumber(raw) === null ? "x" : raw;
}

/** Segments taken from the pathname are still percent-encoded; the ones added here need no encoding. */
function join(segments: string[]): string {
  return `/${segments.join("/")}`;
}
