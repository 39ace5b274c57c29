import "server-only";
import { AppError } from "@/lib/errors";
import type { Tx } from "../../db/client";
import { draftCompleteness } from "../drafts/completeness";

/** Refuses a draft the tenant may not publish yet: an enabled locale has missing or outdated sections (Tenant.requireAllLocales). */
export async function assertPublishable(tx: Tx, tenantId: string, versionId: string): Promise<void> {
  const completeness = await draftCompleteness(tx, tenantId, versionId);
  if (completeness.publishable) return;
  const incomplete = completeness.locales.filter((locale) => !locale.complete).map((locale) => locale.locale);
  throw new AppError("invalid", `incomplete locales: ${incomplete.join(", ")}`, { reason: "incompleteLocales", locales: incomplete.join(", ") });
}
