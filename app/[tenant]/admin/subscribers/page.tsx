import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleShell } from "@/components/app/console-shell";
import { Badge } from "@/components/ui/badge";
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
  const cell = "px-3 py-2 text-left align-top";
  return (
    <ConsoleShell access={access} locale={locale} active="subscribers" path={path}>
      <div className="space-y-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("admin.title")}</h1>
          <p className="mt-1 max-w-prose text-slate-700">{t("admin.intro")}</p>
          <p className="mt-2 text-sm text-slate-700" data-testid="subscriber-summary">{t("admin.summary", { confirmed, pending })}</p>
        </div>
        {subscribers.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700" data-testid="empty-state">
            {t("admin.empty")}
          </p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="subscriber-table">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className={cell}>{t("admin.email")}</th>
                  <th scope="col" className={cell}>{t("admin.topics")}</th>
                  <th scope="col" className={cell}>{t("admin.locale")}</th>
                  <th scope="col" className={cell}>{t("admin.status")}</th>
                  <th scope="col" className={cell}>{t("admin.since")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {subscribers.map((subscriber) => (
                  <tr key={subscriber.id}>
                    <td className={`${cell} break-all`}>{subscriber.email}</td>
                    <td className={cell}>{subscriber.topics.map((topic) => t(`topics.${topic as "measures"}`)).join(", ")}</td>
                    <td className={cell}>{subscriber.locale}</td>
                    <td className={cell}>
                      <Badge tone={subscriber.confirmedAt ? "green" : "amber"}>{subscriber.confirmedAt ? t("admin.confirmed") : t("admin.pending")}</Badge>
                    </td>
                    <td className={cell}>{formatDateTime(subscriber.createdAt, locale, timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <section aria-labelledby="deliveries">
          <h2 id="deliveries" className="text-lg font-semibold">{t("admin.deliveriesTitle")}</h2>
          {deliveries.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("admin.deliveriesEmpty")}</p>
          ) : (
            <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="email-deliveries">
                <thead className="bg-slate-50 text-slate-700">
                  <tr>
                    <th scope="col" className={cell}>{t("admin.to")}</th>
                    <th scope="col" className={cell}>{t("admin.subject")}</th>
                    <th scope="col" className={cell}>{t("admin.status")}</th>
                    <th scope="col" className={cell}>{t("admin.attempts")}</th>
                    <th scope="col" className={cell}>{t("admin.since")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {deliveries.map((delivery) => (
                    <tr key={delivery.id}>
                      <td className={`${cell} break-all`}>{delivery.to}</td>
                      <td className={cell}>{delivery.subject}</td>
                      <td className={cell}>{t(`admin.deliveryStatus.${delivery.status}`)}</td>
                      <td className={cell}>{delivery.attempts}</td>
                      <td className={cell}>{formatDateTime(delivery.sentAt ?? delivery.createdAt, locale, timeZone)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </ConsoleShell>
  );
}
