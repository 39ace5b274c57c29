import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/dates";
import { guardConsolePage } from "@/server/auth/page-guard";
import { appLocale } from "@/server/i18n/app-locale";
import { listSubscribers } from "@/server/subscriptions/admin";

type Params = Promise<{ tenant: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await appLocale(), namespace: "subscriptions" });
  return { title: t("admin.title") };
}

export default async function SubscribersPage({ params }: { params: Params }) {
  const { tenant: slug } = await params;
  const path = `/${slug}/admin/subscribers`;
  const access = await guardConsolePage(slug, "subscribers.view", path);
  const locale = await appLocale();
  const t = await getTranslations({ locale, namespace: "subscriptions" });
  const { subscribers, deliveries, confirmed, pending, timeZone } = await listSubscribers(access.tenant.id);
  return (
    <ConsoleShell access={access} locale={locale} active="subscribers" path={path}>
      <div className="space-y-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("admin.title")}</h1>
          <p className="mt-1 max-w-prose text-slate-700">{t("admin.intro")}</p>
          <p className="mt-2 text-sm text-slate-700" data-testid="subscriber-summary">{t("admin.summary", { confirmed, pending })}</p>
        </div>
        <DataTable
          caption={t("admin.title")}
          testId="subscriber-table"
          density="compact"
          rows={subscribers}
          rowKey={(subscriber) => subscriber.id}
          empty={
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700" data-testid="empty-state">
              {t("admin.empty")}
            </p>
          }
          columns={[
            { key: "email", header: t("admin.email"), cell: (subscriber) => subscriber.email, className: "break-all" },
            { key: "topics", header: t("admin.topics"), cell: (subscriber) => subscriber.topics.map((topic) => t(`topics.${topic as "measures"}`)).join(", ") },
            { key: "locale", header: t("admin.locale"), cell: (subscriber) => subscriber.locale },
            {
              key: "status",
              header: t("admin.status"),
              cell: (subscriber) => <Badge tone={subscriber.confirmedAt ? "green" : "amber"}>{subscriber.confirmedAt ? t("admin.confirmed") : t("admin.pending")}</Badge>,
            },
            { key: "since", header: t("admin.since"), cell: (subscriber) => formatDateTime(subscriber.createdAt, locale, timeZone) },
          ]}
        />
        <section aria-labelledby="deliveries">
          <h2 id="deliveries" className="text-lg font-semibold">{t("admin.deliveriesTitle")}</h2>
          <DataTable
            caption={t("admin.deliveriesTitle")}
            testId="email-deliveries"
            density="compact"
            className="mt-3"
            rows={deliveries}
            rowKey={(delivery) => delivery.id}
            empty={<p className="mt-2 text-slate-700">{t("admin.deliveriesEmpty")}</p>}
            columns={[
              { key: "to", header: t("admin.to"), cell: (delivery) => delivery.to, className: "break-all" },
              { key: "subject", header: t("admin.subject"), cell: (delivery) => delivery.subject },
              { key: "status", header: t("admin.status"), cell: (delivery) => t(`admin.deliveryStatus.${delivery.status}`) },
              { key: "attempts", header: t("admin.attempts"), cell: (delivery) => delivery.attempts },
              { key: "since", header: t("admin.since"), cell: (delivery) => formatDateTime(delivery.sentAt ?? delivery.createdAt, locale, timeZone) },
            ]}
          />
        </section>
      </div>
    </ConsoleShell>
  );
}
