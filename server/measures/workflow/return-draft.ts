import "server-only";
import { recordAudit } from "../../audit/record";
import { withTenant } from "../../db/client";
import { actorName, allowMove, assertSameSubmission, auditActor, lockVersion, type WorkflowInput } from "./context";

export interface ReturnDraftInput extends WorkflowInput {
  /** The submission the approver reviewed (its submittedAt, ISO). */
  submission: string;
  comment: string;
}

/** The approver sends the draft back to its editors with comments (IN_REVIEW → DRAFT). */
export async function returnDraft(input: ReturnDraftInput): Promise<{ number: number }> {
  const tenantId = input.tenant.id;
  return withTenant(tenantId, async (tx) => {
    const version = await lockVersion(tx, tenantId, input.versionId);
    const { transition, roles } = await allowMove(tx, tenantId, input.actor, version, "return");
    assertSameSubmission(version, input.submission);
    await tx.measuresVersion.update({ where: { id: version.id }, data: { status: transition.to, submittedById: null, submittedAt: null } });
    await tx.measuresVersionEvent.create({
      data: { tenantId, versionId: version.id, kind: "RETURNED", actorId: input.actor.id, actorName: actorName(input.actor), comment: input.comment },
    });
    await recordAudit(tx, {
      tenantId,
      actor: auditActor(input.actor, roles),
      action: "measures.version_returned",
      target: { type: "measures_version", id: version.id },
      data: { number: version.number, comment: input.comment },
      meta: input.meta,
    });
    return { number: version.number };
  });
}
