import "server-only";
import { hasPermission } from "@/lib/auth/permissions";
import { AuthorizationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkCustomDomain, type CustomDomainInput } from "@/lib/validation/custom-domain";
import { recordAudit } from "../audit/record";
import type { TenantAccess } from "../auth/guard";
import { withTenant } from "../db/client";
import { env } from "../env";
import type { RequestMeta } from "../request-context";
import { forgetCustomDomains } from "./domains";

// A tenant's custom domain: the host name under which the proxy serves the tenant's public pages
// (server/tenants/domains.ts). The pages themselves do not change, so no cache tag is revalidated;
// only this process's domain table is dropped (other instances follow within its 30 s TTL).
// Written in withTenant although the tenants table has no row-level security: the audit event in
// the same transaction does (app_user may insert events of the bound tenant only).

const PERMISSION = "settings.update";

export type SaveCustomDomainResult = { ok: true; domain: string; changed: boolean } | { ok: false; fieldErrors: Record<string, string[]> };

export async function loadCustomDomain(tenantId: string): Promise<string | null> {
  return withTenant(tenantId, async (tx) => (await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { customDomain: true } })).customDomain);
}

/** The APP_ORIGIN host serves every tenant by path, so no tenant may claim it. */
export function appHost(): string {
  return new URL(env().APP_ORIGIN).hostname;
}

/** Sets the domain; field errors are message keys like the form schema's ("customDomain.taken"). */
export async function saveCustomDomain(
  access: TenantAccess,
  input: CustomDomainInput,
  meta: RequestMeta | null,
  { ownHost = appHost() }: { ownHost?: string } = {},
): Promise<SaveCustomDomainResult> {
  assertPermission(access);
  // Checked again here, not only by the form's schema: any other caller gets the same rules.
  const checked = checkCustomDomain(input.domain, ownHost);
  if (!checked.ok) return { ok: false, fieldErrors: { domain: [`customDomain.${checked.problem}`] } };
  const { domain } = checked;
  let changed: boolean;
  try {
    changed = await withTenant(access.tenant.id, async (tx) => {
      const before = (await tx.tenant.findUniqueOrThrow({ where: { id: access.tenant.id }, select: { customDomain: true } })).customDomain;
      if (before === domain) return false;
      await tx.tenant.update({ where: { id: access.tenant.id }, data: { customDomain: domain } });
      await recordAudit(tx, auditEntry(access, meta, before, domain));
      return true;
    });
  } catch (error) {
    // Another tenant has it (unique index). Which one is not said: tenants do not learn about each other.
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { domain: ["customDomain.taken"] } };
    throw error;
  }
  if (changed) forgetCustomDomains();
  return { ok: true, domain, changed };
}

/** Removes the domain: the tenant is then reachable by path on APP_ORIGIN only. */
export async function clearCustomDomain(access: TenantAccess, meta: RequestMeta | null): Promise<{ changed: boolean }> {
  assertPermission(access);
  const changed = await withTenant(access.tenant.id, async (tx) => {
    const before = (await tx.tenant.findUniqueOrThrow({ where: { id: access.tenant.id }, select: { customDomain: true } })).customDomain;
    if (before === null) return false;
    await tx.tenant.update({ where: { id: access.tenant.id }, data: { customDomain: null } });
    await recordAudit(tx, auditEntry(access, meta, before, null));
    return true;
  });
  if (changed) forgetCustomDomains();
  return { changed };
}

function auditEntry(access: TenantAccess, meta: RequestMeta | null, before: string | null, after: string | null) {
  return {
    tenantId: access.tenant.id,
    actor: { id: access.session.user.id, email: access.session.user.email, roles: access.roles },
    action: "settings.custom_domain_updated",
    target: { type: "tenant", id: access.tenant.id },
    data: { before, after },
    meta,
  };
}

/**
 * Prisma's P2002 on PostgreSQL; the embedded PGlite's adapter does not map the error, so Prisma
 * passes on a DriverAdapterError whose cause carries PostgreSQL's SQLSTATE 23505 itself.
 */
function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  const cause = error instanceof Error ? (error.cause as { kind?: unknown; code?: unknown } | undefined) : undefined;
  return cause?.kind === "UniqueConstraintViolation" || (cause?.kind === "postgres" && cause.code === "23505");
}

/** The action has run the guard; this keeps the rule true for any other caller too. */
function assertPermission(access: TenantAccess) {
  if (!hasPermission(access.roles, PERMISSION)) throw new AuthorizationError("forbidden", `missing permission ${PERMISSION}`);
}
