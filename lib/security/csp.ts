// Content-Security-Policy for the two kinds of pages, built by proxy.ts on every request.
//
// Signed-in area (per-request render): a fresh nonce plus 'strict-dynamic'. Next reads the nonce
// from the request's CSP header and puts it on its own <script> tags; chunks those scripts load
// are trusted through 'strict-dynamic'. No inline script without the nonce runs.
//
// Public trust-center pages (one cached HTML for everyone): a per-request nonce cannot be in a
// cached copy. Instead they get two policies, and a browser enforces both (CSP3 §8.1):
// - this one, from proxy.ts, written before the page is looked up: everything but the scripts
//   as strict as the signed-in pages', and script-src 'self' 'unsafe-inline';
// - the page cache's (server/cache/page-scripts.mjs), stored with the page when it enters the
//   cache. The documents (measures, history, redline, certifications) are served without any
//   script, so theirs is script-src 'none'. A page with a form keeps Next's scripts, and its
//   policy is script-src 'self' plus the SHA-256 of each of its inline scripts (Next's RSC
//   payload, self.__next_f.push(...)).
// A script must pass both, so at most those exact inline scripts run: an injected <script> is
// blocked, as is any inline event handler (script-src-attr 'none' in both). The public pages that
// are rendered per request (subscription confirmation, unsubscribe) get the nonce policy instead
// (lib/routing/internal-path.ts, isRenderedPerRequest).
//
// Styles: Tailwind and next/font produce stylesheet files ('self'); the one inline need is the
// tenant's brand colour, a style="--brand: …" attribute (app/[tenant]/**/layout.tsx), hence
// style-src-attr 'unsafe-inline' while <style> elements stay restricted (CSS injection through a
// <style> element, e.g. attribute-selector exfiltration, needs an element, not an attribute).

export interface CspOptions {
  /** Development server: React's debugging needs eval, and HMR injects <style> elements. */
  development?: boolean;
  /** APP_ORIGIN is https: ask the browser to upgrade any http subresource. */
  https?: boolean;
}

export type PageKind = "app" | "public";

/** 128 random bits, base64: the CSP nonce of one response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The policy for the signed-in area: only scripts carrying `nonce` (and what they load) run. */
export function appPagePolicy(nonce: string, options: CspOptions = {}): string {
  if (!/^[A-Za-z0-9+/]{16,}={0,2}$/.test(nonce)) throw new Error("CSP nonce must be base64 with at least 96 bits");
  return serialize({
    ...commonDirectives(options),
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", options.development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
  });
}

/** The first of the two policies of a cached public page (see above). */
export function publicPagePolicy(options: CspOptions = {}): string {
  return serialize({
    ...commonDirectives(options),
    "script-src": ["'self'", "'unsafe-inline'", ...(options.development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", ...(options.development ? ["'unsafe-inline'"] : [])],
  });
}

type Directives = Record<string, string[]>;

function commonDirectives(options: CspOptions): Directives {
  return {
    "default-src": ["'self'"],
    "script-src": [],
    "script-src-attr": ["'none'"],
    "style-src": [],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    ...(options.https ? { "upgrade-insecure-requests": [] } : {}),
  };
}

function serialize(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}
