import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/app/app-shell";
import { certificationName } from "@/components/attestations/certification-name";
import { letterDownloadPath } from "@/components/attestations/letter-link";
import { StateBadge } from "@/components/attestations/state-badge";
import { RequestTimeline } from "@/components/attestations/timeline";
import { TransitionForm } from "@/components/attestations/transition-form";
import { Notice } from "@/components/ui/notice";
import { FormAlert } from "@/components/ui/form-alert";
import { availableTransitions } from "@/lib/attestations/transitions";
import { formatDate, formatDateTime } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import { customerRequests, type RequestView } from "@/server/attestations/queries";
import { guardAccountPage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { answerAttestationRequestAction, withdrawAttestationRequestAction } from "./actions";

type Search = Promise<Record<string, string | string[] | undefined>>;

const NOTICES = ["submitted", "issued", "duplicate"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "attestations" });
  return { title: t("account.title") };
}

export default async function AccountAttestationsPage({ searchParams }: { searchParams: Search }) {
  const { session } = await guardAccountPage("/account/attestations");
  const query = await searchParams;
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "attestations" });
  const requests = await customerRequests(session.user.id);
  const notice = NOTICES.find((code) => query.notice === code);
  const noticeTenant = requests.find((r) => r.id === query.request)?.tenant.name ?? "";
  return (
    <AppShell locale={locale} path="/account/attestations">
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("account.title")}</h1>
          <p className="mt-1 max-w-prose text-slate-700">{t("account.intro")}</p>
        </div>
        {notice ? (
          <FormAlert tone="success" testId="request-notice">
            {t(`created.${notice}`, { tenant: noticeTenant })}
          </FormAlert>
        ) : null}
        {requests.length === 0 ? (
          <Notice tone="neutral" testId="requests-empty">
            <p className="font-medium">{t("account.empty")}</p>
            <p>{t("account.emptyBody")}</p>
          </Notice>
        ) : (
          <ul className="space-y-6" data-testid="attestation-requests">
            {requests.map((request) => (
              <li key={request.id}>
                <CustomerRequestCard request={request} locale={locale} customerId={session.user.id} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </AppShell>
  );
}

async function CustomerRequestCard({ request, locale, customerId }: { request: RequestView; locale: Locale; customerId: string }) {
  const t = await getTranslations({ locale, namespace: "attestations" });
  const tm = await getTranslations({ locale, namespace: "measures" });
  const tc = await getTranslations({ locale, namespace: "common" });
  const timeZone = request.tenant.timeZone;
  const steps = availableTransitions(request.state, "customer");
  const question = request.state === "INFO_REQUESTED" ? [...request.events].reverse().find((e) => e.toState === "INFO_REQUESTED")?.message : null;
  const letter = request.letter;
  const day = (value: Date) => formatDate(`${value.toISOString().slice(0, 10)}T12:00:00Z`, locale, "UTC");
  const headingId = `request-${request.id}-heading`;
  return (
    <article id={`request-${request.id}`} aria-labelledby={headingId} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" data-testid="attestation-request" data-request-id={request.id}>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">
            {request.tenant.name}
          </h2>
          <p className="text-sm text-slate-600">{t("account.requestedAt", { date: formatDateTime(request.createdAt, locale, timeZone) })}</p>
        </div>
        <StateBadge state={request.state} locale={locale} />
      </header>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">{t("account.certifications")}</dt>
        <dd>{request.certifications.map((cert) => certificationName(cert, tm)).join(", ")}</dd>
        <dt className="font-medium text-slate-700">{t("account.company")}</dt>
        <dd>{request.companyName}</dd>
        <dt className="font-medium text-slate-700">{t("account.purpose")}</dt>
        <dd className="whitespace-pre-line">{request.purpose}</dd>
        {request.contractReference ? (
          <>
            <dt className="font-medium text-slate-700">{t("account.contractReference")}</dt>
            <dd>{request.contractReference}</dd>
          </>
        ) : null}
        <dt className="font-medium text-slate-700">{t("account.letterLanguage")}</dt>
        <dd>{tc(`language.${request.locale === "en" ? "en" : "de"}`)}</dd>
        {request.decisionReason && (request.state === "REJECTED" || request.state === "REVOKED") ? (
          <>
            <dt className="font-medium text-slate-700">{t("account.reason")}</dt>
            <dd className="whitespace-pre-line" data-testid="decision-reason">
              {request.decisionReason}
            </dd>
          </>
        ) : null}
      </dl>
      {letter ? (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="letter">
          <p>{t("account.letterValidUntil", { date: day(letter.validUntil), code: letter.code })}</p>
          {letter.revokedAt ? <p className="mt-1 font-medium text-rose-800">{t("account.letterRevoked", { date: formatDateTime(letter.revokedAt, locale, timeZone) })}</p> : null}
          {request.state === "ISSUED" ? (
            <a href={letterDownloadPath(request.id)} className="mt-2 inline-block font-medium" data-testid="letter-download" download>
              {t("account.download")}
            </a>
          ) : null}
        </div>
      ) : null}
      {steps.includes("answer") ? (
        <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3">
          {question ? (
            <div className="text-sm">
              <p className="font-medium">{t("account.question", { tenant: request.tenant.name })}</p>
              <p className="mt-1 whitespace-pre-line" data-testid="question">
                {question}
              </p>
            </div>
          ) : null}
          <TransitionForm id={`answer-${request.id}`} action={answerAttestationRequestAction} requestId={request.id} revision={request.revision} message={{ label: t("account.answer") }} submit={t("account.answerSubmit")} pending={t("account.answerPending")} />
        </div>
      ) : null}
      <RequestTimeline events={request.events} locale={locale} timeZone={timeZone} audience="customer" customerId={customerId} headingId={`request-${request.id}-timeline`} />
      {steps.includes("withdraw") ? (
        <TransitionForm id={`withdraw-${request.id}`} action={withdrawAttestationRequestAction} requestId={request.id} revision={request.revision} submit={t("account.withdraw")} pending={t("account.withdrawPending")} variant="secondary" />
      ) : null}
      {request.state !== "SUBMITTED" && request.state !== "IN_REVIEW" && request.state !== "INFO_REQUESTED" ? (
        <p className="text-sm">
          <Link href={`/${request.tenant.slug}/attestations/new`}>{t("account.newRequest", { tenant: request.tenant.name })}</Link>
        </p>
      ) : null}
    </article>
  );
}
