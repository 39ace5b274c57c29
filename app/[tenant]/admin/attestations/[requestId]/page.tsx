import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { certificationName } from "@/components/attestations/certification-name";
import { staffLetterDownloadPath, verifyPath } from "@/components/attestations/letter-link";
import { StateBadge } from "@/components/attestations/state-badge";
import { RequestTimeline } from "@/components/attestations/timeline";
import { TransitionForm } from "@/components/attestations/transition-form";
import { availableTransitions } from "@/lib/attestations/transitions";
import { formatDate, formatDateTime } from "@/lib/dates";
import { reviewerRequestDetail } from "@/server/attestations/queries";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { approveAction, rejectAction, requestInformationAction, revokeAction, startReviewAction } from "./actions";

type Params = Promise<{ tenant: string; requestId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "attestations" });
  return { title: t("queue.title") };
}

export default async function AttestationRequestDetailPage({ params }: { params: Params }) {
  const { tenant: slug, requestId } = await params;
  const path = `/${slug}/admin/attestations/${requestId}`;
  const access = await guardConsolePage(slug, "attestations.review", path);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "attestations" });
  const tm = await getTranslations({ locale, namespace: "measures" });
  const tc = await getTranslations({ locale, namespace: "common" });
  const detail = await reviewerRequestDetail(access.tenant.id, requestId);
  if (!detail) notFound();
  const { request, nda, history } = detail;
  const timeZone = request.tenant.timeZone;
  const steps = availableTransitions(request.state, "reviewer");
  const day = (value: Date) => formatDate(`${value.toISOString().slice(0, 10)}T12:00:00Z`, locale, "UTC");
  const form = { requestId: request.id, revision: request.revision };

  return (
    <ConsoleShell access={access} locale={locale} active="attestations" path={path}>
      <div className="space-y-8">
        <div>
          <p className="text-sm">
            <Link href={`/${slug}/admin/attestations`}>{t("detail.back")}</Link>
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight">{t("detail.title", { company: request.companyName })}</h1>
            <StateBadge state={request.state} locale={locale} />
          </div>
        </div>
        <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="space-y-8">
            <section aria-labelledby="request-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
              <h2 id="request-heading" className="text-lg font-semibold">
                {t("detail.request")}
              </h2>
              <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="font-medium text-slate-700">{t("detail.requester")}</dt>
                <dd data-testid="requester">{request.requesterName ? `${request.requesterName} <${request.requesterEmail}>` : request.requesterEmail}</dd>
                <dt className="font-medium text-slate-700">{t("detail.company")}</dt>
                <dd>{request.companyName}</dd>
                <dt className="font-medium text-slate-700">{t("detail.certifications")}</dt>
                <dd>{request.certifications.map((cert) => certificationName(cert, tm)).join(", ")}</dd>
                <dt className="font-medium text-slate-700">{t("detail.purpose")}</dt>
                <dd className="whitespace-pre-line">{request.purpose}</dd>
                <dt className="font-medium text-slate-700">{t("detail.contractReference")}</dt>
                <dd>{request.contractReference ?? t("detail.none")}</dd>
                <dt className="font-medium text-slate-700">{t("detail.letterLanguage")}</dt>
                <dd>{tc(`language.${request.locale === "en" ? "en" : "de"}`)}</dd>
                <dt className="font-medium text-slate-700">{t("detail.received")}</dt>
                <dd>{formatDateTime(request.createdAt, locale, timeZone)}</dd>
              </dl>
            </section>
            <RequestTimeline events={request.events} locale={locale} timeZone={timeZone} audience="reviewer" customerId={request.userId} headingId="timeline-heading" />
            <section aria-labelledby="nda-heading">
              <h2 id="nda-heading" className="text-lg font-semibold">
                {t("detail.nda")}
              </h2>
              {nda ? (
                <div className="mt-2 space-y-1 text-sm" data-testid="nda-record">
                  <p>{t("detail.ndaAccepted", { number: nda.ndaVersion.number, date: formatDateTime(nda.acceptedAt, locale, timeZone), company: nda.companyName })}</p>
                  <p>
                    {t("detail.ndaHash")}: <code className="break-all text-xs">{nda.ndaSha256}</code>
                  </p>
                  {nda.ip || nda.userAgent ? <p className="text-slate-600">{t("detail.ndaFrom", { ip: nda.ip ?? "–", userAgent: nda.userAgent ?? "–" })}</p> : null}
                </div>
              ) : (
                <p className="mt-2 text-sm text-slate-700">{t("detail.ndaNone")}</p>
              )}
            </section>
            <section aria-labelledby="history-heading">
              <h2 id="history-heading" className="text-lg font-semibold">
                {t("detail.history")}
              </h2>
              {history.length === 0 ? (
                <p className="mt-2 text-sm text-slate-700">{t("detail.historyEmpty")}</p>
              ) : (
                <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm" data-testid="customer-history">
                  {history.map((other) => (
                    <li key={other.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                      <Link href={`/${slug}/admin/attestations/${other.id}`}>{`${other.companyName} · ${formatDateTime(other.createdAt, locale, timeZone)}`}</Link>
                      <StateBadge state={other.state} locale={locale} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <div className="space-y-6 self-start">
            <section aria-labelledby="actions-heading" className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
              <h2 id="actions-heading" className="text-lg font-semibold">
                {t("detail.actions")}
              </h2>
              {steps.length === 0 ? <p className="text-sm text-slate-700">{t("detail.noActions")}</p> : null}
              {steps.includes("startReview") ? <TransitionForm id="start-review" action={startReviewAction.bind(null, slug)} {...form} submit={t("detail.startReview")} pending={t("detail.startReviewPending")} /> : null}
              {steps.includes("approve") ? <TransitionForm id="approve" action={approveAction.bind(null, slug)} {...form} submit={t("detail.approve")} pending={t("detail.approvePending")} /> : null}
              {steps.includes("requestInformation") ? (
                <TransitionForm id="request-information" action={requestInformationAction.bind(null, slug)} {...form} message={{ label: t("detail.question") }} submit={t("detail.requestInformation")} pending={t("detail.requestInformationPending")} variant="secondary" />
              ) : null}
              {steps.includes("reject") ? <TransitionForm id="reject" action={rejectAction.bind(null, slug)} {...form} message={{ label: t("detail.rejectReason") }} submit={t("detail.reject")} pending={t("detail.rejectPending")} variant="danger" /> : null}
              {steps.includes("revoke") ? <TransitionForm id="revoke" action={revokeAction.bind(null, slug)} {...form} message={{ label: t("detail.revokeReason") }} submit={t("detail.revoke")} pending={t("detail.revokePending")} variant="danger" /> : null}
            </section>
            {request.letter ? (
              <section aria-labelledby="letter-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:p-6" data-testid="letter">
                <h2 id="letter-heading" className="text-lg font-semibold">
                  {t("detail.letter")}
                </h2>
                <p>{t("account.letterValidUntil", { date: day(request.letter.validUntil), code: request.letter.code })}</p>
                {request.letter.revokedAt ? <p className="font-medium text-rose-800">{t("account.letterRevoked", { date: formatDateTime(request.letter.revokedAt, locale, timeZone) })}</p> : null}
                <p className="flex flex-wrap gap-4">
                  <a href={staffLetterDownloadPath(slug, request.id)} download>
                    {t("detail.download")}
                  </a>
                  <a href={verifyPath(request.letter.code)}>{t("detail.verify")}</a>
                </p>
              </section>
            ) : null}
          </div>
        </div>
      </div>
    </ConsoleShell>
  );
}
