// Tenant slugs share the URL space with top-level routes, so those names are reserved; and on a
// tenant's custom domain /{slug}/x and /x are the same page, so a tenant's own page names are too.
export const RESERVED_SLUGS = new Set([
  "_next", "about", "account", "accounts", "admin", "api", "app", "assets", "attestations", "auth",
  "certifications", "de", "en", "favicon.ico", "feed.xml", "health", "help", "icon.svg", "invitations",
  "login", "logout", "mailbox", "measures", "new", "not-found", "public", "robots.txt", "settings",
  "signin", "signout", "signup", "site", "sitemap.xml", "static", "status", "support", "verify", "www",
]);

const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export type SlugProblem = "format" | "reserved";

export function slugProblem(slug: string): SlugProblem | null {
  if (RESERVED_SLUGS.has(slug)) return "reserved";
  if (!SLUG_PATTERN.test(slug) || slug.includes("--")) return "format";
  return null;
}

export const isTenantSlug = (slug: string) => slugProblem(slug) === null;
