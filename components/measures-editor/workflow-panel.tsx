import type { Locale } from "@/lib/i18n/locales";
import type { TenantAccess } from "@/server/auth/guard";

/**
 * The review part of a draft's page: submit for review, the approver's approve/return form, the
 * version's timeline. Rendered by the draft page (editor), built by the publishing workflow.
 * Placeholder until the review workflow lands: it renders nothing.
 */
export async function DraftWorkflowPanel(props: { access: TenantAccess; versionId: string; locale: Locale }) {
  void props;
  return null;
}
