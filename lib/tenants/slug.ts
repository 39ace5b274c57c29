// Tenant slugs share the URL space with top-level routes, so those names are reserved.
export const RESERVED_SLUGS = new Set([
  "_next", "about", "account", "accounts", "admin", "api", "app", "assets", "auth", "de", "en", "favicon.ico",
  "feed.xml", "health", "help", "icon.svg", "login", "logout", "new", "public", "robots.txt", "settings",
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
