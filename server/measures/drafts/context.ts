import "server-only";
import type { StaffRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import type { TenantAccess, TenantRef } from "../../auth/guard";
import type { AuditActor } from "../../audit/record";
import type { Tx } from "../../db/client";
import type { RequestMeta } from "../../request-context";

// What every draft change starts with: the tenant (from the route, through the guard), the acting
// editor, and the draft itself, locked for the rest of the transaction.

export const MEASURES_DOCUMENT = "measures";

export interface DraftActor {
  id: string;
  email: string;
  roles: readonly StaffRole[];
}

export interface DraftInput {
  tenant: TenantRef;
  actor: DraftActor;
  meta: RequestMeta | null;
}

export function draftActor(access: TenantAccess): DraftActor {
  return { id: access.session.user.id, email: access.session.user.email, roles: access.roles };
}

export function auditActor(actor: DraftActor): AuditActor {
  return { id: actor.id, email: actor.email, roles: actor.roles };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Anything but a UUID is simply not found (the column would reject it). */
export function assertVersionId(id: string): void {
  if (!UUID.test(id)) throw new AppError("notFound", "no such version");
}

export interface LockedDraft {
  id: string;
  documentId: string;
  number: number;
  status: "DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED";
  revision: number;
}

/**
 * Locks the version row (FOR UPDATE) so that every change to one draft is serialized, and checks
 * it belongs to this tenant (row-level security hides another tenant's row: "not found") and is
 * still a draft: in review it is read-only until returned, published versions never change.
 */
export async function lockDraft(tx: Tx, tenantId: string, versionId: string): Promise<LockedDraft> {
  assertVersionId(versionId);
  const rows = await tx.$queryRaw<LockedDraft[]>`
    SELECT id, document_id AS "documentId", number, status::text AS status, revision
    FROM measures_versions WHERE id = ${versionId}::uuid AND tenant_id = ${tenantId}::uuid FOR UPDATE`;
  const draft = rows[0];
  if (!draft) throw new AppError("notFound", "no such version in this tenant");
  if (draft.status !== "DRAFT") throw new AppError("conflict", "the version is not an editable draft", { reason: "notDraft" });
  return draft;
}

/** Everyone who saves anything in a draft is one of its authors (the four-eyes rule reads this). */
export async function recordAuthor(tx: Tx, tenantId: string, versionId: string, userId: string): Promise<void> {
  await tx.measuresVersionAuthor.createMany({ data: { tenantId, versionId, userId }, skipDuplicates: true });
}

export interface TenantLocales {
  sourceLocale: Locale;
  locales: Locale[];
  requireAllLocales: boolean;
}

/** The tenant's source locale (its default) first, then the other enabled locales. */
export async function tenantLocales(tx: Tx, tenantId: string): Promise<TenantLocales> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { defaultLocale: true, locales: true, requireAllLocales: true } });
  const sourceLocale: Locale = isLocale(tenant.defaultLocale) ? tenant.defaultLocale : "de";
  const others = tenant.locales.filter(isLocale).filter((locale) => locale !== sourceLocale);
  return { sourceLocale, locales: [sourceLocale, ...new Set(others)], requireAllLocales: tenant.requireAllLocales };
}
