import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { AuditEmptyState } from "@/components/audit/audit-empty-state";
import { AuditExportForm } from "@/components/audit/audit-export-form";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditPagination } from "@/components/audit/audit-pagination";
import { AuditTable } from "@/components/audit/audit-table";
import { hasPermission } from "@/lib/auth/permissions";
import { pageNumber, parseAuditFilter, type AuditFilter } from "@/lib/validation/audit-filter";
import { listAuditEvents, tenantTimeZone } from "@/server/audit/queries";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "audit" });
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** The URL of a page of the list with the given filter (only the fields that are set). */
function listHref(path: string, filter: Record<string, string | undefined>, page = 1): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) query.set(name, value);
  if (page > 1) query.set("page", String(page));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

export default async function AuditLogPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<SearchParams> }) {
  const { tenant: slug } = await params;
  const query = await searchParams;
  const path = `/${slug}/admin/audit`;
  const parsed = parseAuditFilter(query);
  const page = pageNumber(Array.isArray(query.page) ? query.page[0] : query.page);
  const here = listHref(path, parsed.values, page);
  const access = await guardConsolePage(slug, "audit.view", here);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "audit" });
  // Invalid filters list nothing: showing unfiltered rows under a filter the user typed would mislead.
  const log = parsed.ok ? await listAuditEvents(access.tenant.id, parsed.filter, page) : null;
  const timeZone = log?.timeZone ?? (await tenantTimeZone(access.tenant.id));
  const filter: AuditFilter = parsed.ok ? parsed.filter : {};
  const filtered = Object.values(filter).some(Boolean);
  return (
    <ConsoleShell access={access} locale={locale} active="audit" path={here}>
      <div className="space-y-6">
        <header>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-2 text-slate-700">{t("intro", { timeZone })}</p>
        </header>
        <AuditFilterForm locale={locale} action={path} values={parsed.values} errorCodes={parsed.ok ? {} : parsed.fieldErrors} />
        {log && log.events.length > 0 ? (
          <>
            {hasPermission(access.roles, "audit.export") ? <AuditExportForm locale={locale} action={`${path}/export`} filter={filter} /> : null}
            <AuditTable locale={locale} events={log.events} timeZone={timeZone} page={page} />
            <AuditPagination locale={locale} page={page} hasNext={log.hasNext} href={(target) => listHref(path, filter, target)} />
          </>
        ) : null}
        {log && log.events.length === 0 ? (
          <AuditEmptyState locale={locale} reason={page > 1 ? "page" : filtered ? "filtered" : "none"} resetHref={page > 1 ? listHref(path, filter) : path} />
        ) : null}
      </div>
    </ConsoleShell>
  );
}
