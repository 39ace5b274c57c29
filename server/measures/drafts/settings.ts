import "server-only";
import { recordAudit } from "../../audit/record";
import { withTenant } from "../../db/client";
import { auditActor, type DraftInput } from "./context";

/** Whether publishing a version needs every enabled locale complete (no missing or outdated translation). */
export async function setRequireAllLocales(input: DraftInput & { requireAllLocales: boolean }): Promise<{ changed: boolean }> {
  const tenantId = input.tenant.id;
  return withTenant(tenantId, async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { requireAllLocales: true } });
    if (before.requireAllLocales === input.requireAllLocales) return { changed: false };
    await tx.tenant.update({ where: { id: tenantId }, data: { requireAllLocales: input.requireAllLocales } });
    await recordAudit(tx, {
      tenantId,
      actor: auditActor(input.actor),
      action: "settings.require_all_locales.updated",
      target: { type: "tenant", id: tenantId },
      data: { from: before.requireAllLocales, to: input.requireAllLocales },
      meta: input.meta,
    });
    return { changed: true };
  });
}
