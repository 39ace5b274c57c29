// Cross-site request forgery: a state-changing request must come from a page of this site. Browsers
// send Origin on every POST/PUT/PATCH/DELETE (fetch and form submissions alike), and a page of
// another site cannot forge it, so comparing it is the check (OWASP's "verifying origin with
// standard headers"); SameSite=Lax cookies are the second layer.

/** Methods that must not change state (RFC 9110 safe methods); they are not checked. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginProblem = "missing" | "foreign";

export interface OriginRequest {
  method: string;
  /** The Origin header ("null" from sandboxed or privacy-sensitive contexts counts as missing). */
  origin: string | null;
  /** The Host header the request was addressed to. */
  host: string | null;
}

/**
 * Why a mutating request fails the same-origin rule, or null when it passes: Origin must be
 * APP_ORIGIN, or the origin of the host the request was sent to (a custom domain, or the app
 * behind a proxy that keeps Host). Over https, the request's own host counts only with https.
 * Forwarded headers (X-Forwarded-Host) are not trusted: any client can send them.
 */
export function originProblem(request: OriginRequest, appOrigin: string): OriginProblem | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (!request.origin || request.origin === "null") return "missing";
  const origin = serializedOrigin(request.origin);
  if (!origin) return "foreign";
  const app = new URL(appOrigin);
  if (origin === app.origin) return null;
  if (request.host && origin.startsWith(`${app.protocol}//`) && origin === ownOrigin(app.protocol, request.host)) return null;
  return "foreign";
}

/** Browsers send Origin exactly as scheme://host[:port]; anything else is not a browser's Origin. */
function serializedOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value ? value : null;
  } catch {
    return null;
  }
}

function ownOrigin(protocol: string, host: string): string | null {
  try {
    const url = new URL(`${protocol}//${host}`);
    return url.host === host.toLowerCase().replace(/:(80|443)$/, "") || url.host === host.toLowerCase() ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Paths whose mutating requests are not held to the same-origin rule. The JSON API: it
 * authenticates with bearer tokens, never cookies, so a forged cross-site request carries no
 * credentials, and its clients are programs that send no Origin. And the one-click unsubscribe
 * endpoint of subscriber emails (RFC 8058): mail clients POST to it without Origin; the secret
 * token in its path is the only credential, so a forged request needs the token it would use.
 * (Auth.js under /api/auth answers only the identity provider's GET callback; its POST endpoints
 * are not exposed.)
 */
export const ORIGIN_CHECK_EXEMPT_PREFIXES = ["/api/v1/", "/api/unsubscribe/"] as const;

export function isOriginCheckExempt(pathname: string): boolean {
  return ORIGIN_CHECK_EXEMPT_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}
