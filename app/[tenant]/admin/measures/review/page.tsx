import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { FormAlert } from "@/components/ui/form-alert";
import { formatDateTime } from "@/lib/dates";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { listPublishedForReview, listReviewQueue } from "@/server/measures/workflow/queries";

type Params = Promise<{ tenant: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "publishing" });
  return { title: t("review.title") };
}

/** The approvers' queue (versions in review) and the record of what was published, by whom, effective when. */
export default async function ReviewPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { tenant: slug } = await params;
  const path = `/${slug}/admin/measures/review`;
  const access = await guardConsolePage(slug, "measures.view", path);
  const query = await searchParams;
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "publishing" });
  const [queue, published] = await Promise.all([listReviewQueue(access.tenant.id), listPublishedForReview(access.tenant.id)]);
  const when = (at: Date) => formatDateTime(at, locale, published.timeZone);
  const now = new Date();
  const noticeVersion = published.versions.find((v) => String(v.number) === query.version);
  const notice = noticeVersion && (query.notice === "published" || query.notice === "scheduled") ? query.notice : null;

  return (
    <ConsoleShell access={access} locale={locale} active="measures" path={path}>
      <div className="space-y-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("review.title")}</h1>
          <p className="mt-1 max-w-prose text-slate-700">{t("review.intro")}</p>
        </div>
        {notice && noticeVersion ? (
          <FormAlert tone="success" testId="review-notice">
            {t(`review.notice.${notice}`, { number: noticeVersion.number, date: when(noticeVersion.effectiveAt) })}
          </FormAlert>
        ) : null}

        <section aria-labelledby="queue-heading" className="space-y-3">
          <h2 id="queue-heading" className="text-lg font-semibold">{t("review.queueHeading")}</h2>
          {queue.length === 0 ? (
            <p className="text-slate-600" data-testid="review-queue-empty">{t("review.queueEmpty")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="review-queue">
              {queue.map((item) => (
                <li key={item.versionId} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <span className="text-sm text-slate-700">
                    {item.submittedAt ? t("review.submittedBy", { name: item.submittedBy ?? t("timeline.someone"), date: when(item.submittedAt) }) : null}
                  </span>
                  <Link className="font-medium text-brand underline" href={`/${slug}/admin/measures/drafts/${item.versionId}`}>
                    {t("review.open", { number: item.number })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="published-heading" className="space-y-3">
          <h2 id="published-heading" className="text-lg font-semibold">{t("review.publishedHeading")}</h2>
          <DataTable
            caption={t("review.publishedHeading")}
            testId="published-versions"
            rows={published.versions}
            rowKey={(version) => version.number}
            rowAttributes={(version) => ({ "data-testid": "published-version", "data-number": version.number })}
            empty={<p className="text-slate-600">{t("review.publishedEmpty")}</p>}
            columns={[
              {
                key: "version",
                header: t("review.columns.version"),
                rowHeader: true,
                cell: (version) => (
                  <Link className="text-brand underline" href={`/${slug}/measures/v/${version.number}`}>
                    {version.number}
                  </Link>
                ),
              },
              { key: "kind", header: t("review.columns.kind"), cell: (version) => t(`review.changeKind.${version.changeKind}`) },
              { key: "published", header: t("review.columns.published"), cell: (version) => when(version.publishedAt) },
              {
                key: "effective",
                header: t("review.columns.effective"),
                cell: (version) => (
                  <>
                    {when(version.effectiveAt)} {version.effectiveAt > now ? <Badge tone="amber">{t("review.upcoming")}</Badge> : null}
                  </>
                ),
              },
              {
                key: "approvedBy",
                header: t("review.columns.approvedBy"),
                cell: (version) => (
                  <>
                    {version.approvedByName ?? "—"}
                    {version.noReductionConfirmedBy && version.noReductionConfirmedAt ? (
                      <p className="text-xs text-slate-600">{t("panel.noReductionConfirmed", { name: version.noReductionConfirmedBy, date: when(version.noReductionConfirmedAt) })}</p>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        </section>
      </div>
    </ConsoleShell>
  );
}
