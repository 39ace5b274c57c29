import "server-only";
import { AppError } from "@/lib/errors";
import {
  effectiveDateProblem,
  earliestEffectiveAt,
  materialDecisionRequired,
  publishedChangeKind,
  type MaterialDecision,
} from "@/lib/measures/workflow";
import { recordAudit } from "../../audit/record";
import { withTenant } from "../../db/client";
import { enqueueOutbox } from "../../outbox/enqueue";
import { assertPublishable } from "./completeness";
import { instantFromLocalDateTime } from "@/lib/measures/workflow-dates";
import { actorName, allowMove, assertSameSubmission, auditActor, lockVersion, type WorkflowInput } from "./context";
import { publicationMessages } from "./publication-messages";

export interface ApproveInput extends WorkflowInput {
  /** The submission the approver reviewed (its submittedAt, ISO). */
  submission: string;
  /** null = at the moment of publication; a string is a datetime-local value in the tenant's time zone. */
  effectiveAt: Date | string | null;
  /** Required when a section (or the draft) is marked material; ignored otherwise. */
  materialDecision: MaterialDecision | null;
  comment: string | null;
}

export interface PublishedVersion {
  versionId: string;
  number: number;
  slug: string;
  publishedAt: Date;
  effectiveAt: Date;
  changeKind: "EDITORIAL" | "MATERIAL";
}

function effectiveInstant(value: Date | string | null, timeZone: string): Date | null {
  if (value === null || value instanceof Date) return value;
  const instant = instantFromLocalDateTime(value, timeZone);
  if (!instant) throw new AppError("invalid", "not a date and time", { field: "effectiveAt", reason: "effectiveAtFormat" });
  return instant;
}

/**
 * The approver approves the submitted draft, which publishes it (IN_REVIEW → PUBLISHED) in one
 * transaction with its timeline events, the audit event and the outbox messages that announce it.
 * The caller invalidates the tenant's cached pages after the commit.
 */
export async function approveAndPublish(input: ApproveInput): Promise<PublishedVersion> {
  const tenantId = input.tenant.id;
  return withTenant(tenantId, async (tx) => {
    const version = await lockVersion(tx, tenantId, input.versionId);
    const { roles } = await allowMove(tx, tenantId, input.actor, version, "approve");
    assertSameSubmission(version, input.submission);
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { slug: true, noticePeriodDays: true, timeZone: true } });

    const newest = await tx.measuresVersion.findFirst({
      where: { documentId: version.documentId, status: "PUBLISHED" },
      orderBy: { number: "desc" },
      select: { number: true, effectiveAt: true },
    });
    // A draft builds on the newest published version; one published after it was started would be reverted.
    if (newest && newest.number > version.number) throw new AppError("conflict", "a newer version has been published", { reason: "superseded" });

    // The tenant's languages may have changed (or requireAllLocales been switched on) since the submission.
    await assertPublishable(tx, tenantId, version.id);

    const materialSections = await tx.measuresSection.findMany({ where: { versionId: version.id, changeKind: "MATERIAL" }, select: { changeKind: true }, take: 1 });
    const decisionNeeded = materialDecisionRequired(version.changeKind, materialSections.map((s) => s.changeKind));
    if (decisionNeeded && !input.materialDecision) throw new AppError("invalid", "material change: a decision is required", { field: "material", reason: "materialDecision" });
    const decision = decisionNeeded ? input.materialDecision : null;
    const changeKind = publishedChangeKind(decision);

    const publishedAt = new Date();
    const effectiveAt = effectiveInstant(input.effectiveAt, tenant.timeZone) ?? publishedAt;
    const problem = effectiveDateProblem({ publishedAt, effectiveAt, kind: changeKind, noticePeriodDays: tenant.noticePeriodDays, previousEffectiveAt: newest?.effectiveAt ?? null });
    if (problem) {
      const earliest = problem === "beforePrevious" ? newest!.effectiveAt! : earliestEffectiveAt(publishedAt, changeKind, tenant.noticePeriodDays);
      throw new AppError("invalid", `effective date refused: ${problem}`, { field: "effectiveAt", reason: problem, earliest: earliest.toISOString(), days: tenant.noticePeriodDays, timeZone: tenant.timeZone });
    }

    const name = actorName(input.actor);
    await tx.measuresVersion.update({
      where: { id: version.id },
      data: {
        status: "PUBLISHED",
        publishedAt,
        effectiveAt,
        changeKind,
        approvedById: input.actor.id,
        approvedByName: name,
        approvedAt: publishedAt,
        ...(decision === "confirmNoReduction" ? { noReductionConfirmedAt: publishedAt, noReductionConfirmedById: input.actor.id, noReductionConfirmedBy: name } : {}),
      },
    });
    await tx.measuresVersionEvent.createMany({
      data: [
        { tenantId, versionId: version.id, kind: "APPROVED", actorId: input.actor.id, actorName: name, comment: input.comment, createdAt: publishedAt },
        { tenantId, versionId: version.id, kind: "PUBLISHED", actorId: input.actor.id, actorName: name, createdAt: publishedAt },
      ],
    });
    await recordAudit(tx, {
      tenantId,
      actor: auditActor(input.actor, roles),
      action: "measures.version_published",
      target: { type: "measures_version", id: version.id },
      data: { number: version.number, changeKind, materialDecision: decision, effectiveAt: effectiveAt.toISOString(), ...(input.comment ? { comment: input.comment } : {}) },
      meta: input.meta,
    });
    await enqueueOutbox(tx, publicationMessages({ tenantId, slug: tenant.slug, versionId: version.id, number: version.number, publishedAt, effectiveAt }));
    return { versionId: version.id, number: version.number, slug: tenant.slug, publishedAt, effectiveAt, changeKind };
  });
}
