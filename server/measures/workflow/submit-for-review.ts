import "server-only";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../../audit/record";
import { withTenant } from "../../db/client";
import { assertPublishable } from "./completeness";
import { actorName, allowMove, auditActor, lockVersion, type WorkflowInput } from "./context";

/** An editor hands the draft to the approvers (DRAFT → IN_REVIEW); until returned it cannot be edited. */
export async function submitForReview(input: WorkflowInput): Promise<{ number: number; submittedAt: Date }> {
  const tenantId = input.tenant.id;
  return withTenant(tenantId, async (tx) => {
    const version = await lockVersion(tx, tenantId, input.versionId);
    const { transition, roles } = await allowMove(tx, tenantId, input.actor, version, "submit");
    if ((await tx.measuresSection.count({ where: { versionId: version.id } })) === 0) {
      throw new AppError("invalid", "an empty draft cannot be submitted", { reason: "empty" });
    }
    // Refused already here, so approvers never get a draft they could not publish.
    await assertPublishable(tx, tenantId, version.id);
    const submittedAt = new Date();
    await tx.measuresVersion.update({ where: { id: version.id }, data: { status: transition.to, submittedById: input.actor.id, submittedAt } });
    await tx.measuresVersionEvent.create({
      data: { tenantId, versionId: version.id, kind: "SUBMITTED", actorId: input.actor.id, actorName: actorName(input.actor), createdAt: submittedAt },
    });
    await recordAudit(tx, {
      tenantId,
      actor: auditActor(input.actor, roles),
      action: "measures.version_submitted",
      target: { type: "measures_version", id: version.id },
      data: { number: version.number },
      meta: input.meta,
    });
    return { number: version.number, submittedAt };
  });
}
