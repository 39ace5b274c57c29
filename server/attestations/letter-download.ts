import "server-only";
import { hasPermission } from "@/lib/auth/permissions";
import { AppError, AuthorizationError } from "@/lib/errors";
import { requireTenantRole, type TenantAccess } from "../auth/guard";
import { recordAudit } from "../audit/record";
import { withTenant, withUser, type Tx } from "../db/client";
import { staffRoles } from "../members/context";
import type { RequestMeta } from "../request-context";
import { renderLetterPdf, sha256Hex } from "./letter-pdf";
import type { LetterSnapshot } from "./letter-snapshot";

// Downloading an issued letter: the requester (from /account, any tenant) and the tenant's staff who
// work with attestations (reviewers, owners, admins). Anyone else, another tenant's staff included,
// gets "not found", exactly as for a request that does not exist. Each download is audited in the
// tenant's chain once the file is ready. The PDF is rendered again from the
// snapshot and must hash to the stored SHA-256: what is handed out is provably what was issued.

export const AUDIT_LETTER_DOWNLOADED = "attestation.letter_downloaded";

export interface LetterFile {
  filename: string;
  pdf: Uint8Array;
  sha256: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The guard of the staff download route (attestations.letters: reviewers, owners, admins). */
export function requireLetterStaff(slug: string): Promise<TenantAccess> {
  return requireTenantRole(slug, "attestations.letters");
}

/**
 * The requester's own letter, or null: signed in is all the guard asks, the letter then has to be
 * theirs. Someone else's request, an unknown id and a request without a letter are alike absent.
 */
export async function downloadLetterAsRequester(user: { id: string; email: string }, requestId: string, meta: RequestMeta | null): Promise<LetterFile | null> {
  if (!UUID.test(requestId)) return null;
  const own = await withUser(user.id, (tx) => tx.attestationRequest.findFirst({ where: { id: requestId, userId: user.id, letter: { isNot: null } }, select: { tenantId: true } }));
  if (!own) return null;
  const letter = await withTenant(own.tenantId, (tx) => findLetter(tx, own.tenantId, requestId, { userId: user.id }));
  return deliver(own.tenantId, letter, { id: user.id, email: user.email, roles: [] }, "requester", meta);
}

export async function downloadLetterAsStaff(access: TenantAccess, requestId: string, meta: RequestMeta | null): Promise<LetterFile> {
  if (!UUID.test(requestId)) throw new AppError("notFound", "no such letter");
  const { tenant, session } = access;
  const { letter, roles } = await withTenant(tenant.id, async (tx) => {
    // The roles as they are now, not as the session began.
    const membership = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId: tenant.id, userId: session.user.id } }, select: { roles: true } });
    const roles = staffRoles(membership?.roles ?? []);
    if (!hasPermission(roles, "attestations.letters")) throw new AuthorizationError("forbidden", "missing permission attestations.letters");
    return { letter: await findLetter(tx, tenant.id, requestId, {}), roles };
  });
  return deliver(tenant.id, letter, { id: session.user.id, email: session.user.email, roles }, "staff", meta);
}

async function findLetter(tx: Tx, tenantId: string, requestId: string, requestFilter: { userId?: string }) {
  const letter = await tx.attestationLetter.findFirst({
    where: { requestId, tenantId, request: requestFilter },
    select: { id: true, requestId: true, code: true, sha256: true, snapshot: true, tenant: { select: { slug: true } } },
  });
  if (!letter) throw new AppError("notFound", "no such letter");
  return letter;
}

/**
 * Renders outside any transaction (a second or two of CPU must not hold a connection or run into
 * the transaction timeout), then records the download: only a letter actually handed out is logged.
 */
async function deliver(
  tenantId: string,
  letter: Awaited<ReturnType<typeof findLetter>>,
  actor: { id: string; email: string; roles: readonly string[] },
  via: "requester" | "staff",
  meta: RequestMeta | null,
): Promise<LetterFile> {
  const pdf = await renderLetterPdf(letter.snapshot as unknown as LetterSnapshot);
  const sha256 = sha256Hex(pdf);
  // Never hand out a letter that differs from the issued one (a changed renderer or font file).
  if (sha256 !== letter.sha256) throw new Error(`letter ${letter.id} re-renders to ${sha256}, issued as ${letter.sha256}`);
  await withTenant(tenantId, (tx) =>
    recordAudit(tx, {
      tenantId,
      actor,
      action: AUDIT_LETTER_DOWNLOADED,
      target: { type: "attestation_request", id: letter.requestId },
      data: { letterId: letter.id, via },
      meta,
    }),
  );
  return { filename: `${letter.tenant.slug}-attestation-${letter.code}.pdf`, pdf, sha256 };
}
