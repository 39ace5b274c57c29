import "server-only";
import { AppError } from "@/lib/errors";
import { materialDecisionRequired, type DraftParticipants, type VersionEventKind, type VersionStatus } from "@/lib/measures/workflow";
import { withTenant } from "../../db/client";

// What the workflow panel of a draft's page reads: status, timeline, who took part (four eyes),
// whether the approver must decide on a material change, and the dates the approval form checks.

export interface TimelineEvent {
  id: string;
  kind: VersionEventKind;
  actorName: string | null;
  comment: string | null;
  createdAt: Date;
}

export interface WorkflowView {
  versionId: string;
  number: number;
  status: VersionStatus;
  /** Identifies the submission under review (its submittedAt, ISO); null unless in review. */
  submission: string | null;
  participants: DraftParticipants;
  events: TimelineEvent[];
  materialDecisionNeeded: boolean;
  noticePeriodDays: number;
  timeZone: string;
  /** The effective date of the newest published version (a new one cannot take effect before it). */
  previousEffectiveAt: Date | null;
  publishedAt: Date | null;
  effectiveAt: Date | null;
  changeKind: "EDITORIAL" | "MATERIAL";
  approvedByName: string | null;
  noReductionConfirmedBy: string | null;
  noReductionConfirmedAt: Date | null;
}

const EVENT_ORDER: VersionEventKind[] = ["CREATED", "SUBMITTED", "RETURNED", "APPROVED", "PUBLISHED", "TOOK_EFFECT"];

export async function loadWorkflowView(tenantId: string, versionId: string): Promise<WorkflowView> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(versionId)) throw new AppError("notFound", "no such version");
  return withTenant(tenantId, async (tx) => {
    const version = await tx.measuresVersion.findFirst({ where: { id: versionId, tenantId } });
    if (!version) throw new AppError("notFound", "no such version in this tenant");
    const [tenant, authors, events, materialSections, previous] = await Promise.all([
      tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { noticePeriodDays: true, timeZone: true } }),
      tx.measuresVersionAuthor.findMany({ where: { versionId }, select: { userId: true } }),
      tx.measuresVersionEvent.findMany({ where: { versionId }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, actorName: true, comment: true, createdAt: true } }),
      tx.measuresSection.findMany({ where: { versionId, changeKind: "MATERIAL" }, select: { changeKind: true }, take: 1 }),
      tx.measuresVersion.findFirst({ where: { documentId: version.documentId, status: "PUBLISHED", number: { lt: version.number } }, orderBy: { number: "desc" }, select: { effectiveAt: true } }),
    ]);
    const ordered = events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || EVENT_ORDER.indexOf(a.kind) - EVENT_ORDER.indexOf(b.kind));
    return {
      versionId: version.id,
      number: version.number,
      status: version.status,
      submission: version.status === "IN_REVIEW" ? (version.submittedAt?.toISOString() ?? null) : null,
      participants: { createdById: version.createdById, submittedById: version.submittedById, authorIds: authors.map((a) => a.userId) },
      events: ordered,
      materialDecisionNeeded: materialDecisionRequired(version.changeKind, materialSections.map((s) => s.changeKind)),
      noticePeriodDays: tenant.noticePeriodDays,
      timeZone: tenant.timeZone,
      previousEffectiveAt: previous?.effectiveAt ?? null,
      publishedAt: version.publishedAt,
      effectiveAt: version.effectiveAt,
      changeKind: version.changeKind,
      approvedByName: version.approvedByName,
      noReductionConfirmedBy: version.noReductionConfirmedBy,
      noReductionConfirmedAt: version.noReductionConfirmedAt,
    };
  });
}

export interface ReviewQueueItem {
  versionId: string;
  number: number;
  submittedAt: Date | null;
  submittedBy: string | null;
}

/** Versions waiting for an approver, oldest submission first. */
export async function listReviewQueue(tenantId: string): Promise<ReviewQueueItem[]> {
  return withTenant(tenantId, async (tx) => {
    const versions = await tx.measuresVersion.findMany({ where: { status: "IN_REVIEW" }, orderBy: { submittedAt: "asc" }, select: { id: true, number: true, submittedAt: true, submittedById: true } });
    const submitters = await tx.user.findMany({ where: { id: { in: versions.flatMap((v) => (v.submittedById ? [v.submittedById] : [])) } }, select: { id: true, name: true, email: true } });
    return versions.map((v) => {
      const user = submitters.find((u) => u.id === v.submittedById);
      return { versionId: v.id, number: v.number, submittedAt: v.submittedAt, submittedBy: user ? (user.name ?? user.email) : null };
    });
  });
}

export interface PublishedRecord {
  number: number;
  changeKind: "EDITORIAL" | "MATERIAL";
  publishedAt: Date;
  effectiveAt: Date;
  approvedByName: string | null;
  noReductionConfirmedBy: string | null;
  noReductionConfirmedAt: Date | null;
}

/** The published versions with who approved them and what they confirmed, newest first. */
export async function listPublishedForReview(tenantId: string): Promise<{ timeZone: string; versions: PublishedRecord[] }> {
  return withTenant(tenantId, async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } });
    const rows = await tx.measuresVersion.findMany({
      where: { status: "PUBLISHED" },
      orderBy: { number: "desc" },
      select: { number: true, changeKind: true, publishedAt: true, effectiveAt: true, approvedByName: true, noReductionConfirmedBy: true, noReductionConfirmedAt: true },
    });
    // Both dates are set on every published row (database trigger published_version_is_dated).
    return { timeZone: tenant.timeZone, versions: rows.map((row) => ({ ...row, publishedAt: row.publishedAt!, effectiveAt: row.effectiveAt! })) };
  });
}
