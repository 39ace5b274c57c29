import { isAppPath } from "./app-locale";

// A tenant's custom domain (trust.mpmx.example) serves that tenant's public pages at its root:
// /measures there is /mpmx/measures on the main origin. The cached pages link with /{slug}/…
// paths (one cached copy serves both hosts), so those are accepted too.
//
// The signed-in area stays on the main origin: session cookies are host-only (__Host- in
// production), sign-in, CSRF origin checks and the CSP's form-action all name one origin, and a
// console on every tenant domain would multiply that. A GET for /admin, /signin, … on a custom
// domain is therefore redirected to the same page on APP_ORIGIN — a target built from our own
// configuration and a path of known segments, never from a client-supplied URL.

export type CustomDomainRoute =
  /** Serve the tenant's public page at this main-origin path (then mapped by internalPath). */
  | { kind: "tenant"; pathname: string }
  /** A page of the signed-in area or a Vouchsafe-wide page: lives on the main origin only. */
  | { kind: "main-origin"; pathname: string };

/** Vouchsafe-wide public pages that are not a tenant's (the letter check names no tenant). */
const MAIN_ORIGIN_ROOTS = new Set(["verify"]);

export function customDomainRoute(slug: string, pathname: string): CustomDomainRoute {
  const segments = pathname.split("/").filter(Boolean);
  const [first] = segments;
  if (first && (MAIN_ORIGIN_ROOTS.has(first) || isAppPath(`/${first}`))) return { kind: "main-origin", pathname: join(segments) };
  // /mpmx/measures (a link inside the cached pages) and /measures mean the same page. Another
  // tenant's slug is not special here: /nordlicht/measures on MPMX's domain is MPMX's 404.
  const rest = first === slug ? segments.slice(1) : segments;
  const tenantPath = join([slug, ...rest]);
  if (rest[0] === "admin") return { kind: "main-origin", pathname: tenantPath };
  return { kind: "tenant", pathname: tenantPath };
}

/** An absolute URL on the main origin; `pathname` is one of ours (made of path segments, see above). */
export function mainOriginUrl(appOrigin: string, pathname: string, search = ""): string {
  const url = new URL(appOrigin);
  // Assigning the path (instead of resolving it against the origin) keeps the host fixed even for "//x".
  url.pathname = pathname;
  url.search = search;
  url.hash = "";
  return url.toString();
}

/** Segments from a pathname are still percent-encoded, so joining them needs no encoding. */
function join(segments: string[]): string {
  return `/${segments.join("/")}`;
}
