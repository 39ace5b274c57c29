import "server-only";
import { asLocalizedText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/locales";
import { recordAudit } from "../../audit/record";
import { withTenant } from "../../db/client";
import { auditActor, lockDraft, recordAuthor, tenantLocales, type DraftInput } from "./context";

// The draft's own fields (change summary per locale) with optimistic concurrency on the version's revision.

export type SummaryResult = { ok: true; revision: number } | { ok: false; conflict: { changeSummary: Partial<Record<Locale, string>>; revision: number } };

export async function saveChangeSummary(input: DraftInput & { versionId: string; revision: number; changeSummary: Partial<Record<Locale, string>> }): Promise<SummaryResult> {
  const tenantId = input.tenant.id;
  return withTenant(tenantId, async (tx) => {
    const draft = await lockDraft(tx, tenantId, input.versionId);
    const { locales } = await tenantLocales(tx, tenantId);
    // Only enabled locales are stored; an empty text removes that locale's summary.
    const changeSummary: Record<string, string> = {};
    for (const locale of locales) {
      const text = input.changeSummary[locale]?.trim();
      if (text) changeSummary[locale] = text;
    }
    const { count } = await tx.measuresVersion.updateMany({ where: { id: draft.id, revision: input.revision }, data: { changeSummary, revision: { increment: 1 } } });
    if (count === 0) {
      const current = await tx.measuresVersion.findUniqueOrThrow({ where: { id: draft.id }, select: { changeSummary: true, revision: true } });
      return { ok: false, conflict: { changeSummary: asLocalizedText(current.changeSummary), revision: current.revision } };
    }
    await recordAuthor(tx, tenantId, draft.id, input.actor.id);
    await recordAudit(tx, {
      tenantId,
      actor: auditActor(input.actor),
      action: "measures.summary.saved",
      target: { type: "measures_version", id: draft.id },
      data: { number: draft.number, locales: Object.keys(changeSummary) },
      meta: input.meta,
    });
    return { ok: true, revision: input.revision + 1 };
  });
}
