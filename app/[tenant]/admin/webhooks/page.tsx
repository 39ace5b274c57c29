import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { RemoveWebhookButton } from "@/components/webhooks/remove-webhook-button";
import { formatDateTime } from "@/lib/dates";
import { WEBHOOK_EVENT_NAMES } from "@/lib/validation/webhooks";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { listWebhooks } from "@/server/webhooks/endpoints";
import { createWebhookAction, deleteWebhookAction } from "./actions";

type Params = Promise<{ tenant: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "webhooks" });
  return { title: t("title") };
}

export default async function WebhooksPage({ params }: { params: Params }) {
  const { tenant: slug } = await params;
  const path = `/${slug}/admin/webhooks`;
  const access = await guardConsolePage(slug, "webhooks.manage", path);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "webhooks" });
  const { endpoints, deliveries, timeZone } = await listWebhooks(access.tenant.id);
  // Message keys cannot contain dots: "measures.published" is events.measures_published.
  const eventLabel = (event: string) => ((WEBHOOK_EVENT_NAMES as readonly string[]).includes(event) ? t(`events.${event.replace(".", "_") as "measures_published"}`) : event);
  const urlOf = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint.url]));
  return (
    <ConsoleShell access={access} locale={locale} active="webhooks" path={path}>
      <div className="space-y-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 max-w-prose text-slate-700">{t("intro")}</p>
        </div>
        <section aria-labelledby="endpoints" className="space-y-3">
          <h2 id="endpoints" className="text-lg font-semibold">{t("list.title")}</h2>
          {endpoints.length === 0 ? (
            <p className="text-slate-700">{t("list.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="webhook-endpoints">
              {endpoints.map((endpoint) => (
                <li key={endpoint.id} className="flex flex-wrap items-start justify-between gap-4 p-4">
                  <div className="min-w-0 space-y-1">
                    <p className="break-all font-mono text-sm text-slate-900">{endpoint.url}</p>
                    <p className="text-sm text-slate-700">{endpoint.events.map(eventLabel).join(", ")}</p>
                    <p className="text-sm text-slate-600">{t("list.added")}: {formatDateTime(endpoint.createdAt, locale, timeZone)}</p>
                  </div>
                  <RemoveWebhookButton action={deleteWebhookAction.bind(null, slug)} endpointId={endpoint.id} label={t("list.remove")} pendingLabel={t("list.removing")} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="add-endpoint" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-endpoint" className="mb-4 text-lg font-semibold">{t("form.title")}</h2>
          <CreateWebhookForm
            action={createWebhookAction.bind(null, slug)}
            events={WEBHOOK_EVENT_NAMES.map((value) => ({ value, label: eventLabel(value) }))}
            labels={{ url: t("form.url"), urlHint: t("form.urlHint"), events: t("form.events"), submit: t("form.submit"), pending: t("form.pending"), secret: t("form.secret") }}
          />
          <h3 className="mt-6 text-base font-semibold">{t("verify.title")}</h3>
          <p className="mt-1 max-w-prose text-sm text-slate-700">{t("verify.body")}</p>
        </section>
        <section aria-labelledby="delivery-log">
          <h2 id="delivery-log" className="text-lg font-semibold">{t("log.title")}</h2>
          <DataTable
            caption={t("log.title")}
            testId="webhook-deliveries"
            density="compact"
            className="mt-3"
            rows={deliveries}
            rowKey={(delivery) => delivery.id}
            empty={<p className="mt-2 text-slate-700">{t("log.empty")}</p>}
            columns={[
              { key: "at", header: t("log.at"), cell: (delivery) => formatDateTime(delivery.createdAt, locale, timeZone) },
              { key: "event", header: t("log.event"), cell: (delivery) => eventLabel(delivery.event) },
              { key: "endpoint", header: t("log.endpoint"), cell: (delivery) => urlOf.get(delivery.endpointId) ?? "", className: "break-all font-mono" },
              {
                key: "status",
                header: t("log.status"),
                cell: (delivery) => <Badge tone={delivery.status === "SENT" ? "green" : delivery.status === "FAILED" ? "red" : "neutral"}>{t(`log.statuses.${delivery.status}`)}</Badge>,
              },
              { key: "attempts", header: t("log.attempts"), cell: (delivery) => delivery.attempts },
              { key: "response", header: t("log.response"), cell: (delivery) => delivery.lastStatusCode ?? delivery.lastError ?? "" },
              {
                key: "next",
                header: t("log.next"),
                cell: (delivery) => (delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt, locale, timeZone) : delivery.status === "FAILED" ? t("log.gaveUp") : ""),
              },
            ]}
          />
        </section>
      </div>
    </ConsoleShell>
  );
}
