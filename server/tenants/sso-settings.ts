import "server-only";
import { env } from "../env";
import { lookup } from "node:dns/promises";
import { isPrivateAddress } from "@/lib/security/private-address";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { AuthorizationError } from "@/lib/errors";
import type { SsoSettingsInput } from "@/lib/validation/sso";
import { recordAudit } from "../audit/record";
import type { TenantAccess } from "../auth/guard";
import { forgetTenantSso, SSO_SECRET_PURPOSE } from "../auth/oidc-providers";
import { withTenant } from "../db/client";
import type { RequestMeta } from "../request-context";
import { seal } from "../security/secret-box";

// A tenant's customer single sign-on settings: the provider. The client secret is write-only:
// stored sealed, never shown, never logged; the form only learns whether one is set. Saving checks
// that the issuer answers OIDC discovery, so a typo is reported next to the field instead of at the
// first customer's sign-in. Its email domains are records of their own (sso-domains.ts).

/** on: customers can sign in; awaitingDomain: the provider is set up, no domain is verified yet. */
export type SsoStatus = "on" | "awaitingDomain" | "off";

export interface SsoSettingsView {
  status: SsoStatus;
  issuer: string | null;
  clientId: string | null;
  secretSet: boolean;
  /** The tenant's, for the dates shown with its domains. */
  timeZone: string;
}

export async function loadSsoSettings(tenantId: string): Promise<SsoSettingsView> {
  const { row, verifiedDomains } = await withTenant(tenantId, async (tx) => ({
    row: await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { oidcIssuer: true, oidcClientId: true, oidcClientSecret: true, timeZone: true } }),
    verifiedDomains: await tx.ssoDomain.count({ where: { tenantId, status: "VERIFIED" } }),
  }));
  const configured = Boolean(row.oidcIssuer && row.oidcClientId && row.oidcClientSecret);
  return {
    status: configured ? (verifiedDomains > 0 ? "on" : "awaitingDomain") : "off",
    issuer: row.oidcIssuer,
    clientId: row.oidcClientId,
    secretSet: row.oidcClientSecret !== null,
    timeZone: row.timeZone,
  };
}

export type DiscoveryProblem = "unreachable" | "invalid" | "issuerMismatch" | "privateAddress";

export interface DiscoveryOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** Loopback and private networks: a local test provider, never in production (SSRF). */
  allowPrivateAddresses?: boolean;
}

/** Does the issuer's host resolve only to public addresses? */
async function resolvesPublicly(hostname: string): Promise<boolean> {
  try {
    const addresses = await lookup(hostname.replace(/^\[|\]$/g, ""), { all: true, verbatim: true });
    return addresses.length > 0 && addresses.every((entry) => !isPrivateAddress(entry.address));
  } catch {
    return false;
  }
}

const MAX_DISCOVERY_BYTES = 256 * 1024;

/** Fetches `${issuer}/.well-known/openid-configuration` and checks what Auth.js will need from it. */
export async function checkDiscovery(
  issuer: string,
  { fetchImpl = fetch, timeoutMs = 5_000, allowPrivateAddresses = env().APP_ENV !== "production" }: DiscoveryOptions = {},
): Promise<DiscoveryProblem | null> {
  const url = new URL(issuer);
  // Checked before the fetch; a later DNS change is why Auth.js's own fetches matter less here: they
  // happen at sign-in, to an issuer an admin vouched for, and the answer is never shown to anyone.
  if (!allowPrivateAddresses && !(await resolvesPublicly(url.hostname))) return "privateAddress";
  url.pathname = `${url.pathname.replace(/\/$/, "")}/.well-known/openid-configuration`;
  let body: string;
  try {
    // No redirects: the document must be where the issuer says (OIDC Discovery §4), and an admin-
    // entered URL must not bounce the server to other addresses.
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual", headers: { accept: "application/json" }, cache: "no-store" });
    if (response.status !== 200) return "unreachable";
    body = await response.text();
  } catch {
    return "unreachable";
  }
  if (body.length > MAX_DISCOVERY_BYTES) return "invalid";
  let document: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return "invalid";
    document = parsed as Record<string, unknown>;
  } catch {
    return "invalid";
  }
  for (const endpoint of ["authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri"]) {
    if (!isHttpUrl(document[endpoint])) return "invalid";
  }
  // Compared the way Auth.js (oauth4webapi) will: as URLs, so "https://idp/" equals "https://idp".
  if (typeof document.issuer !== "string" || !isHttpUrl(document.issuer) || new URL(document.issuer).href !== new URL(issuer).href) return "issuerMismatch";
  return null;
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

export type SaveSsoResult = { ok: true; changed: string[] } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Saves the tenant's provider (which enables SSO once a domain is verified); field errors are
 * message keys like the form schema's.
 */
export async function saveSsoSettings(
  access: TenantAccess,
  input: SsoSettingsInput,
  meta: RequestMeta | null,
  { discover = checkDiscovery }: { discover?: (issuer: string) => Promise<DiscoveryProblem | null> } = {},
): Promise<SaveSsoResult> {
  assertPermission(access, "settings.update");
  const problem = await discover(input.issuer);
  if (problem) return { ok: false, fieldErrors: { issuer: [`sso.discovery.${problem}`] } };
  const result = await withTenant(access.tenant.id, async (tx): Promise<SaveSsoResult> => {
    const current = await tx.tenant.findUniqueOrThrow({
      where: { id: access.tenant.id },
      select: { oidcIssuer: true, oidcClientId: true, oidcClientSecret: true },
    });
    if (!input.clientSecret && !current.oidcClientSecret) return { ok: false, fieldErrors: { clientSecret: ["sso.secretRequired"] } };
    const changed = [
      ...(current.oidcIssuer !== input.issuer ? ["issuer"] : []),
      ...(current.oidcClientId !== input.clientId ? ["clientId"] : []),
      ...(input.clientSecret ? ["clientSecret"] : []),
    ];
    if (changed.length === 0) return { ok: true, changed };
    await tx.tenant.update({
      where: { id: access.tenant.id },
      data: {
        oidcIssuer: input.issuer,
        oidcClientId: input.clientId,
        ...(input.clientSecret ? { oidcClientSecret: seal(input.clientSecret, SSO_SECRET_PURPOSE) } : {}),
      },
    });
    await recordAudit(tx, {
      tenantId: access.tenant.id,
      actor: actorOf(access),
      action: "settings.sso_updated",
      target: { type: "tenant", id: access.tenant.id },
      // The secret itself never enters the log: only that it changed.
      data: { enabled: true, changed, issuer: input.issuer, clientId: input.clientId },
      meta,
    });
    return { ok: true, changed };
  });
  if (result.ok) forgetTenantSso(access.tenant.slug);
  return result;
}

/**
 * Turns SSO off by clearing the provider (secret included). The email domains and their
 * verification stay: they prove domain ownership, whichever provider comes next.
 */
export async function disableSso(access: TenantAccess, meta: RequestMeta | null): Promise<{ changed: boolean }> {
  assertPermission(access, "settings.update");
  const changed = await withTenant(access.tenant.id, async (tx) => {
    const current = await tx.tenant.findUniqueOrThrow({
      where: { id: access.tenant.id },
      select: { oidcIssuer: true, oidcClientId: true, oidcClientSecret: true },
    });
    if (!current.oidcIssuer && !current.oidcClientId && !current.oidcClientSecret) return false;
    await tx.tenant.update({
      where: { id: access.tenant.id },
      data: { oidcIssuer: null, oidcClientId: null, oidcClientSecret: null },
    });
    await recordAudit(tx, {
      tenantId: access.tenant.id,
      actor: actorOf(access),
      action: "settings.sso_updated",
      target: { type: "tenant", id: access.tenant.id },
      data: { enabled: false, previousIssuer: current.oidcIssuer },
      meta,
    });
    return true;
  });
  forgetTenantSso(access.tenant.slug);
  return { changed };
}

/** The action has run the guard; this keeps the rule true for any other caller too. */
function assertPermission(access: TenantAccess, permission: Permission) {
  if (!hasPermission(access.roles, permission)) throw new AuthorizationError("forbidden", `missing permission ${permission}`);
}

function actorOf(access: TenantAccess) {
  return { id: access.session.user.id, email: access.session.user.email, roles: access.roles };
}
