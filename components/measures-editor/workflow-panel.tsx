import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { hasPermission } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import { earliestEffectiveAt, mayReview } from "@/lib/measures/workflow";
import { localDateTimeOf } from "@/lib/measures/workflow-dates";
import type { TenantAccess } from "@/server/auth/guard";
import { loadWorkflowView } from "@/server/measures/workflow/queries";
import { approveVersionAction, returnDraftAction, submitForReviewAction } from "@/app/[tenant]/admin/measures/review-actions";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { ApproveVersionForm, ReturnDraftForm, SubmitForReviewForm } from "./review-forms";
import { ReviewTimeline } from "./review-timeline";

const HOUR_MS = 3_600_000;

/**
 * The review part of a draft's page: submit for review (editors), the approver's approve/return
 * forms, the version's timeline. A control is shown only to a viewer the server would let use it
 * (the same transition table and four-eyes rule, lib/measures/workflow.ts); an author who is also
 * an approver sees why they cannot review instead of the forms.
 */
export async function DraftWorkflowPanel({ access, versionId, locale }: { access: TenantAccess; versionId: string; locale: Locale }) {
  const view = await loadWorkflowView(access.tenant.id, versionId);
  const t = await getTranslations({ locale, namespace: "publishing" });
  const slug = access.tenant.slug;
  const viewer = access.session.user.id;
  const mayEdit = hasPermission(access.roles, "measures.edit");
  const mayApprove = hasPermission(access.roles, "measures.approve");
  const fourEyesOk = mayReview(viewer, view.participants);
  const when = (at: Date) => formatDateTime(at, locale, view.timeZone);

  const now = new Date();
  // The earliest date the server would accept for a material change, rounded up to the next full hour.
  const materialEarliest = earliestEffectiveAt(now, "MATERIAL", view.noticePeriodDays);
  const suggested = new Date(Math.ceil(Math.max(view.materialDecisionNeeded ? materialEarliest.getTime() : now.getTime() + 24 * HOUR_MS, view.previousEffectiveAt?.getTime() ?? 0) / HOUR_MS) * HOUR_MS);

  return (
    <section aria-labelledby="workflow-heading" className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="workflow-panel">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="workflow-heading" className="text-lg font-semibold">{t("panel.heading")}</h2>
        <span className="text-sm text-slate-600">{t("panel.status")}:</span>
        <Badge tone={view.status === "PUBLISHED" ? "green" : view.status === "IN_REVIEW" ? "amber" : "neutral"}>
          <span data-testid="workflow-status" data-status={view.status}>{t(`panel.statuses.${view.status}`)}</span>
        </Badge>
      </div>

      {view.status === "DRAFT" ? (
        mayEdit ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">{t("panel.draftHint")}</p>
            <SubmitForReviewForm action={submitForReviewAction.bind(null, slug)} versionId={view.versionId} labels={{ button: t("submit.button"), pending: t("submit.pending") }} />
          </div>
        ) : (
          <Notice tone="neutral">{t("panel.draftApproverHint")}</Notice>
        )
      ) : null}

      {view.status === "IN_REVIEW" && view.submission ? (
        mayApprove && fourEyesOk ? (
          <div className="space-y-6 divide-y divide-slate-200 [&>*+*]:pt-6">
            <ApproveVersionForm
              action={approveVersionAction.bind(null, slug)}
              versionId={view.versionId}
              submission={view.submission}
              materialDecisionNeeded={view.materialDecisionNeeded}
              minEffectiveAt={localDateTimeOf(now, view.timeZone)}
              suggestedEffectiveAt={localDateTimeOf(suggested, view.timeZone)}
              labels={{
                heading: t("approve.heading"),
                intro: t("approve.intro", { number: view.number }),
                effective: t("approve.effective"),
                effectiveNow: t("approve.effectiveNow"),
                effectiveLater: t("approve.effectiveLater"),
                effectiveAt: t("approve.effectiveAt", { timeZone: view.timeZone }),
                effectiveAtHint: t("approve.effectiveAtHint"),
                noticeHint: t("approve.noticeHint", { days: view.noticePeriodDays }),
                material: t("approve.material"),
                materialIntro: t("approve.materialIntro"),
                confirmNoReduction: t("approve.confirmNoReduction"),
                classifyMaterial: t("approve.classifyMaterial", { days: view.noticePeriodDays }),
                comment: t("approve.comment"),
                button: t("approve.button"),
                pending: t("approve.pending"),
              }}
            />
            <ReturnDraftForm
              action={returnDraftAction.bind(null, slug)}
              versionId={view.versionId}
              submission={view.submission}
              labels={{ heading: t("return.heading"), comment: t("return.comment"), commentHint: t("return.commentHint"), button: t("return.button"), pending: t("return.pending") }}
            />
          </div>
        ) : mayApprove ? (
          <Notice tone="warning" testId="four-eyes-notice">{t("panel.fourEyes")}</Notice>
        ) : (
          <Notice tone="neutral" testId="in-review-notice">{mayEdit ? t("panel.inReviewEditor") : t("panel.notApprover")}</Notice>
        )
      ) : null}

      {view.status === "PUBLISHED" && view.publishedAt && view.effectiveAt ? (
        <div className="space-y-2 text-sm text-slate-800" data-testid="workflow-published">
          <p>{view.effectiveAt > now ? t("panel.scheduled", { effective: when(view.effectiveAt) }) : t("panel.published", { published: when(view.publishedAt), effective: when(view.effectiveAt) })}</p>
          {view.approvedByName ? <p>{t("panel.approvedBy", { name: view.approvedByName })}</p> : null}
          {view.noReductionConfirmedBy && view.noReductionConfirmedAt ? (
            <p data-testid="no-reduction-confirmed">{t("panel.noReductionConfirmed", { name: view.noReductionConfirmedBy, date: when(view.noReductionConfirmedAt) })}</p>
          ) : null}
          <p>
            <Link className="font-medium text-brand underline" href={`/${slug}/measures/v/${view.number}`}>{t("panel.viewPublic", { number: view.number })}</Link>
          </p>
        </div>
      ) : null}

      <ReviewTimeline events={view.events} effectiveAt={view.effectiveAt} published={view.status === "PUBLISHED"} locale={locale} timeZone={view.timeZone} />
      <p className="text-sm">
        <Link className="font-medium text-brand underline" href={`/${slug}/admin/measures/review`} data-testid="review-page-link">{t("panel.reviewPage")}</Link>
      </p>
    </section>
  );
}
