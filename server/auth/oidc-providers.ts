import "server-only";
import type { OIDCConfig } from "next-auth/providers";
import { isTenantSlug } from "@/lib/tenants/slug";
import { emailDomain, listedDomainOf } from "@/lib/validation/sso";
import { getDb, withTenant, withUser } from "../db/client";
import { open } from "../security/secret-box";

// Customer single sign-on: each tenant may name one OpenID Connect provider (issuer, client id,
// sealed client secret) and its email domains (server/tenants/sso-domains.ts). Auth.js gets exactly
// the provider of the tenant a request is about, built from the database on demand and kept for a
// short while. A provider exists once at least one of its domains is verified.

export const SSO_SECRET_PURPOSE = "oidc";
const PROVIDER_PREFIX = "oidc-";
const CACHE_TTL_MS = 30_000;
const CACHE_MAX_ENTRIES = 500;

/** A listed email domain; only a verified one admits sign-ins. */
export interface SsoEmailDomain {
  domain: string;
  verified: boolean;
}

export interface TenantSso {
  tenant: { id: string; slug: string; name: string };
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailDomains: SsoEmailDomain[];
}

export function ssoProviderId(slug: string): string {
  return `${PROVIDER_PREFIX}${slug}`;
}

export function tenantSlugOfProvider(providerId: string): string | null {
  if (!providerId.startsWith(PROVIDER_PREFIX)) return null;
  const slug = providerId.slice(PROVIDER_PREFIX.length);
  return isTenantSlug(slug) ? slug : null;
}

const cache = new Map<string, { value: TenantSso | null; loadedAt: number }>();

/**
 * The tenant's SSO configuration, or null when the tenant does not exist or has none that can admit
 * anyone (incomplete, or no verified domain).
 */
export async function loadTenantSso(slug: string, now = Date.now()): Promise<TenantSso | null> {
  if (!isTenantSlug(slug)) return null;
  const cached = cache.get(slug);
  if (cached && now - cached.loadedAt < CACHE_TTL_MS) return cached.value;
  const value = await readTenantSso(slug);
  // Unknown slugs are cached too (a burst of sign-in attempts costs one query), within a bound.
  if (cache.size >= CACHE_MAX_ENTRIES) cache.clear();
  cache.set(slug, { value, loadedAt: now });
  return value;
}

/** After a settings change: this instance uses the new configuration on the next request. */
export function forgetTenantSso(slug: string) {
  cache.delete(slug);
}

async function readTenantSso(slug: string): Promise<TenantSso | null> {
  const db = await getDb();
  const row = await db.tenant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, oidcIssuer: true, oidcClientId: true, oidcClientSecret: true },
  });
  if (!row?.oidcIssuer || !row.oidcClientId || !row.oidcClientSecret) return null;
  const domains = await withTenant(row.id, (tx) => tx.ssoDomain.findMany({ where: { tenantId: row.id }, orderBy: { domain: "asc" }, select: { domain: true, status: true } }));
  const emailDomains = domains.map((entry) => ({ domain: entry.domain, verified: entry.status === "VERIFIED" }));
  if (!emailDomains.some((entry) => entry.verified)) return null;
  let clientSecret: string;
  try {
    clientSecret = open(row.oidcClientSecret, SSO_SECRET_PURPOSE);
  } catch (error) {
    // AUTH_SECRET changed since the secret was stored: SSO is unusable until an admin enters it again.
    console.error(`[sso] the client secret of tenant ${slug} cannot be decrypted (${error instanceof Error ? error.message : "unknown"}); single sign-on is off for it`);
    return null;
  }
  return {
    tenant: { id: row.id, slug: row.slug, name: row.name },
    issuer: row.oidcIssuer,
    clientId: row.oidcClientId,
    clientSecret,
    emailDomains,
  };
}

/** What the sign-in callback reads of the provider's answer (OIDC Core §5.1 standard claims). */
export interface SsoClaims extends Record<string, unknown> {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
}

export function oidcProviderFor(sso: TenantSso): OIDCConfig<SsoClaims> {
  return {
    id: ssoProviderId(sso.tenant.slug),
    name: sso.tenant.name,
    type: "oidc",
    issuer: sso.issuer,
    clientId: sso.clientId,
    clientSecret: sso.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
    // With the code flow the scope claims (email, email_verified) come from the UserInfo endpoint
    // (OIDC Core §5.4); providers may leave them out of the ID token, which is still validated.
    idToken: false,
    // Linking by email lets an existing customer (magic link) keep their account when their company
    // turns on SSO. Safe only because the sign-in callback first requires email_verified and one of
    // the tenant's domains whose DNS it proved to control, and refuses staff accounts: without that
    // check, any provider a tenant admin configures could claim any address (of any domain, listed
    // or not) and take over its account, with everything it holds at other trust centers.
    allowDangerousEmailAccountLinking: true,
    profile(claims) {
      return { id: claims.sub, email: typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null, name: typeof claims.name === "string" ? claims.name.slice(0, 200) : null, image: null };
    },
  };
}

export type SsoDenial = "email_missing" | "email_unverified" | "domain_not_allowed" | "domain_unverified" | "staff_account" | "account_disabled";

/** The provider's claims against the tenant's rules; null = acceptable. */
export function claimsDenial(claims: Partial<SsoClaims> | undefined, domains: readonly SsoEmailDomain[]): SsoDenial | null {
  const email = typeof claims?.email === "string" ? claims.email.trim() : "";
  if (!email || emailDomain(email) === null) return "email_missing";
  // Only a boolean true: "true" strings and missing claims mean the provider did not vouch for it.
  if (claims?.email_verified !== true) return "email_unverified";
  const listed = listedDomainOf(email, domains);
  if (!listed) return "domain_not_allowed";
  // Listed, but the tenant has not proved it owns the domain: it cannot speak for its addresses.
  if (!listed.verified) return "domain_unverified";
  return null;
}

/**
 * The account the sign-in would land in. Staff sign in with password and authenticator app only:
 * a customer SSO provider must never become a way into a staff account (not even one it created
 * as a customer that was later invited as staff).
 */
export async function accountDenial(input: { email: string; userId: string | undefined }): Promise<SsoDenial | null> {
  const db = await getDb();
  // Auth.js passes the user already linked to this provider account, or else a new user with a
  // random id; the latter is matched by email, as the email linking would.
  const linked = input.userId ? await db.user.findUnique({ where: { id: input.userId } }) : null;
  const user = linked ?? (await db.user.findUnique({ where: { email: input.email.trim().toLowerCase() } }));
  if (!user) return null;
  if (user.disabledAt) return "account_disabled";
  if (user.passwordHash) return "staff_account";
  const memberships = await withUser(user.id, (tx) => tx.membership.count({ where: { userId: user.id } }));
  return memberships > 0 ? "staff_account" : null;
}
