import "server-only";
import { hasPermission, type StaffRole } from "@/lib/auth/permissions";
import { AppError, AuthorizationError } from "@/lib/errors";
import { mayReview, transitionFor, type Transition, type VersionStatus, type WorkflowAction } from "@/lib/measures/workflow";
import type { TenantAccess, TenantRef } from "../../auth/guard";
import type { AuditActor } from "../../audit/record";
import type { Tx } from "../../db/client";
import type { RequestMeta } from "../../request-context";
import { staffRoles } from "../../members/context";

// What every workflow move starts with: the tenant (from the route, through the guard), the actor,
// and the version, locked for the rest of the transaction; then the move is looked up in the
// transition table (lib/measures/workflow.ts) and its rules are applied with the actor's roles as
// the database has them now, not as the request began.

export interface WorkflowActor {
  id: string;
  email: string;
  name: string | null;
}

export interface WorkflowInput {
  tenant: TenantRef;
  actor: WorkflowActor;
  versionId: string;
  meta: RequestMeta | null;
}

export function workflowActor(access: TenantAccess): WorkflowActor {
  const { id, email, name } = access.session.user;
  return { id, email, name };
}

export interface LockedVersion {
  id: string;
  documentId: string;
  number: number;
  status: VersionStatus;
  changeKind: "EDITORIAL" | "MATERIAL";
  createdById: string | null;
  submittedById: string | null;
  submittedAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Locks the version row; another tenant's id (hidden by row-level security) or a malformed one is "not found". */
export async function lockVersion(tx: Tx, tenantId: string, versionId: string): Promise<LockedVersion> {
  if (!UUID.test(versionId)) throw new AppError("notFound", "no such version");
  const rows = await tx.$queryRaw<LockedVersion[]>`
    SELECT id, document_id AS "documentId", number, status::text AS status, change_kind::text AS "changeKind",
           created_by_id AS "createdById", submitted_by_id AS "submittedById", submitted_at AS "submittedAt"
    FROM measures_versions WHERE id = ${versionId}::uuid AND tenant_id = ${tenantId}::uuid FOR UPDATE`;
  const version = rows[0];
  if (!version) throw new AppError("notFound", "no such version in this tenant");
  return version;
}

/** The authors recorded by the editor's saves. */
export async function authorIds(tx: Tx, versionId: string): Promise<string[]> {
  return (await tx.measuresVersionAuthor.findMany({ where: { versionId }, select: { userId: true } })).map((a) => a.userId);
}

export interface AllowedMove {
  transition: Transition;
  roles: StaffRole[];
}

/**
 * Applies the transition table to a locked version: the move must exist from its status (else a
 * conflict: someone else moved it first), the actor must hold the move's permission now, and a
 * four-eyes move is refused to the draft's creator, authors and submitter.
 */
export async function allowMove(tx: Tx, tenantId: string, actor: WorkflowActor, version: LockedVersion, action: WorkflowAction): Promise<AllowedMove> {
  const membership = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId, userId: actor.id } }, select: { roles: true } });
  const roles = staffRoles(membership?.roles ?? []);
  const transition = transitionFor(version.status, action);
  if (!transition) throw new AppError("conflict", `cannot ${action} a version in status ${version.status}`, { reason: "status", status: version.status });
  if (!hasPermission(roles, transition.permission)) throw new AuthorizationError("forbidden", `missing permission ${transition.permission}`);
  if (transition.fourEyes) {
    const participants = { createdById: version.createdById, submittedById: version.submittedById, authorIds: await authorIds(tx, version.id) };
    if (!mayReview(actor.id, participants)) throw new AuthorizationError("forbidden", "four eyes: an author of the draft cannot review it");
  }
  return { transition, roles };
}

/** The submission a reviewer saw: a draft returned and submitted again in the meantime is a different one. */
export function assertSameSubmission(version: LockedVersion, submission: string): void {
  if (version.submittedAt?.toISOString() !== submission) {
    throw new AppError("conflict", "the draft was submitted again since the page was loaded", { reason: "resubmitted" });
  }
}

export function auditActor(actor: WorkflowActor, roles: readonly StaffRole[]): AuditActor {
  return { id: actor.id, email: actor.email, roles };
}

export const actorName = (actor: WorkflowActor) => actor.name?.trim() || actor.email;
