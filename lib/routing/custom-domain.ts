import { isAppPath, TENANT_APP_SECTIONS } from "./app-locale";

// A tenant's custom domain (trust.mpmx.example) serves that tenant's public pages at its root:
// /measures there is /mpmx/measures on the main origin. The cached pages link with /{slug}/…
// paths (one cached copy serves both hosts), so those are accepted too.
//
// The signed-in area stays on the main origin: session cookies are host-only (__Host- in
// production), sign-in, CSRF origin checks and the CSP's form-action all name one origin, and a
// console on every tenant domain would multiply that. On a custom domain /admin, /signin, … are
// therefore the tenant's 404 page. (A redirect to APP_ORIGIN was the first choice, but Next turns a
// proxy's redirect to the origin it believes it serves into a relative Location, which on the
// custom domain redirects to itself, forever: it would work in production and loop in the demo.)

export type CustomDomainRoute =
  /** Serve the tenant's public page at this main-origin path (then mapped by internalPath). */
  | { kind: "tenant"; pathname: string }
  /** A page of the signed-in area or a Vouchsafe-wide page: exists on the main origin only (404 here). */
  | { kind: "main-origin-only" };

/** Vouchsafe-wide public pages that are not a tenant's (the letter check names no tenant). */
const MAIN_ORIGIN_ROOTS = new Set(["verify"]);

export function customDomainRoute(slug: string, pathname: string): CustomDomainRoute {
  const segments = pathname.split("/").filter(Boolean);
  const [first] = segments;
  if (first && (MAIN_ORIGIN_ROOTS.has(first) || isAppPath(`/${first}`))) return { kind: "main-origin-only" };
  // /mpmx/measures (a link inside the cached pages) and /measures mean the same page. Another
  // tenant's slug is not special here: /nordlicht/measures on MPMX's domain is MPMX's 404.
  const rest = first === slug ? segments.slice(1) : segments;
  if (rest[0] !== undefined && TENANT_APP_SECTIONS.has(rest[0])) return { kind: "main-origin-only" };
  return { kind: "tenant", pathname: join([slug, ...rest]) };
}

/** Segments from a pathname are still percent-encoded, so joining them needs no encoding. */
function join(segments: string[]): string {
  return `/${segments.join("/")}`;
}
