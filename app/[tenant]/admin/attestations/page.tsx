import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { certificationName } from "@/components/attestations/certification-name";
import { SlaBadge } from "@/components/attestations/sla-badge";
import { StateBadge } from "@/components/attestations/state-badge";
import { Notice } from "@/components/ui/notice";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ATTESTATION_STATES, isOpenState } from "@/lib/attestations/transitions";
import { formatDateTime } from "@/lib/dates";
import { parseQueueFilter } from "@/lib/validation/attestation-requests";
import { listQueue } from "@/server/attestations/queries";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";

type Params = Promise<{ tenant: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "attestations" });
  return { title: t("queue.title") };
}

const selectClass = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm";

export default async function AttestationQueuePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { tenant: slug } = await params;
  const path = `/${slug}/admin/attestations`;
  const access = await guardConsolePage(slug, "attestations.review", path);
  const filter = parseQueueFilter(await searchParams);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "attestations" });
  const tm = await getTranslations({ locale, namespace: "measures" });
  const now = new Date();
  const queue = await listQueue(access.tenant.id, { state: filter.state, age: filter.age, certificationId: filter.certification }, now);
  const filtered = filter.state !== "open" || filter.age !== "all" || filter.certification !== null;

  return (
    <ConsoleShell access={access} locale={locale} active="attestations" path={path}>
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("queue.title")}</h1>
          <p className="mt-1 max-w-prose text-slate-700">{t("queue.intro", { hours: queue.reminderHours })}</p>
        </div>
        <form method="get" action={path} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 sm:items-end" aria-label={t("queue.filters")} data-testid="queue-filter">
          <div className="space-y-1.5">
            <label htmlFor="filter-state" className="block text-sm font-medium">
              {t("queue.state")}
            </label>
            <select id="filter-state" name="state" defaultValue={filter.state} className={selectClass}>
              <option value="open">{t("queue.stateOpen")}</option>
              <option value="all">{t("queue.stateAll")}</option>
              {ATTESTATION_STATES.map((state) => (
                <option key={state} value={state}>
                  {t(`state.${state}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="filter-age" className="block text-sm font-medium">
              {t("queue.age")}
            </label>
            <select id="filter-age" name="age" defaultValue={filter.age} className={selectClass}>
              <option value="all">{t("queue.ageAll")}</option>
              <option value="day">{t("queue.ageDay")}</option>
              <option value="week">{t("queue.ageWeek")}</option>
              <option value="older">{t("queue.ageOlder")}</option>
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="filter-certification" className="block text-sm font-medium">
              {t("queue.certification")}
            </label>
            <select id="filter-certification" name="certification" defaultValue={filter.certification ?? ""} className={selectClass}>
              <option value="">{t("queue.certificationAll")}</option>
              {queue.certifications.map((cert) => (
                <option key={cert.id} value={cert.id}>
                  {certificationName(cert, tm)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-wrap gap-3">
            <button type="submit" className={buttonClass("primary")}>
              {t("queue.apply")}
            </button>
            {filtered ? (
              <Link href={path} className={buttonClass("secondary")}>
                {t("queue.reset")}
              </Link>
            ) : null}
          </div>
        </form>
        <DataTable
          caption={t("queue.caption")}
          testId="attestation-queue"
          rows={queue.requests}
          rowKey={(request) => request.id}
          rowAttributes={(request) => ({ "data-testid": "queue-row", "data-request-id": request.id })}
          empty={<Notice tone="neutral" testId="queue-empty">{filtered ? t("queue.empty") : t("queue.emptyOpen")}</Notice>}
          columns={[
            {
              key: "company",
              header: t("queue.company"),
              cell: (request) => (
                <>
                  <Link href={`${path}/${request.id}`} className="font-medium" aria-label={t("queue.open", { company: request.companyName })}>
                    {request.companyName}
                  </Link>
                  <span className="block text-slate-600">{request.requesterEmail}</span>
                </>
              ),
            },
            { key: "certifications", header: t("queue.certifications"), cell: (request) => request.certifications.map((cert) => certificationName(cert, tm)).join(", ") },
            {
              key: "status",
              header: t("queue.status"),
              cell: (request) => (
                <>
                  <StateBadge state={request.state} locale={locale} />
                  {request.automatic ? <span className="ml-2 text-xs text-slate-600">{t("queue.automatic")}</span> : null}
                </>
              ),
            },
            { key: "received", header: t("queue.received"), cell: (request) => formatDateTime(request.createdAt, locale, queue.timeZone), className: "whitespace-nowrap" },
            {
              key: "waiting",
              header: t("queue.waiting"),
              cell: (request) => (isOpenState(request.state) ? <SlaBadge since={request.createdAt} now={now} reminderHours={queue.reminderHours} locale={locale} /> : null),
            },
          ]}
        />
      </div>
    </ConsoleShell>
  );
}
